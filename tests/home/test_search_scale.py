"""Site search at scale: the matches are read as keys only, at most
`SEARCH_MATCHES_LIMIT` of them, and the page says when there were more; the
page of results shown is the only one loaded in full, so the number of
queries does not grow with the number of matches."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from blog.models import BlogPostPage
from home import views

pytestmark = pytest.mark.django_db


def add_posts(demo, count, start=0):
    """Publishes `count` posts titled "Compost rota, week N" in a network."""
    network = demo.get_children().get(slug="networks").get_children().first()
    for number in range(start, start + count):
        post = BlogPostPage(title=f"Compost rota, week {number}", slug=f"compost-rota-{number}")
        network.add_child(instance=post)
        post.save_revision().publish()


def search(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


def test_more_matches_than_the_limit_say_more_than(client, demo, monkeypatch):
    add_posts(demo, 14)
    monkeypatch.setattr(views, "SEARCH_MATCHES_LIMIT", 12)

    response = search(client, "compost rota")
    html = response.content.decode()
    assert "More than 12 results for “compost rota”." in html
    assert len(response.context["results"]) == views.SEARCH_RESULTS_PER_PAGE
    assert "Page 1 of 2" in html

    assert "More than" not in search(client, "week 3").content.decode()


def test_a_reader_in_polish_is_told_in_polish(client, demo, monkeypatch):
    add_posts(demo, 3)
    monkeypatch.setattr(views, "SEARCH_MATCHES_LIMIT", 2)
    html = client.get("/pl/search/", {"q": "compost rota"}).content.decode()
    assert "Ponad 2 wyników dla „compost rota”." in html


def test_the_queries_do_not_grow_with_the_matches(client, demo):
    add_posts(demo, 1)
    search(client, "compost rota")  # warm the frame's caches
    with CaptureQueriesContext(connection) as one_match:
        search(client, "compost rota")
    add_posts(demo, 24, start=1)
    search(client, "compost rota")
    with CaptureQueriesContext(connection) as many_matches:
        search(client, "compost rota")
    assert len(many_matches.captured_queries) == len(one_match.captured_queries)
