"""The blog's listings (the blog index, the home page's and a network page's
latest posts) are rendered once and kept as fragments (`{% cached_listing %}`),
with the page cache off as the tests run: each change they show is visible
on the next request, and a listing rendered afresh runs the same number of
queries for 3 posts as for 30."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from blog.models import Person
from home import fragments

pytestmark = pytest.mark.django_db

LISTINGS = ["/blog/", "/", "/networks/food-partnership/"]


def text(path):
    return Client().get(path).content.decode()


def warm(*paths):
    """Renders each listing once, so that the next request could reuse it."""
    for path in paths:
        Client().get(path)


@pytest.mark.parametrize("path", LISTINGS)
def test_a_new_post_shows_and_an_unpublished_one_goes(make_post, network, path):
    warm(path)
    post = make_post(network, "Seed swap in the spring")
    assert "Seed swap in the spring" in text(path)
    post.unpublish()
    assert "Seed swap in the spring" not in text(path)


@pytest.mark.parametrize("path", LISTINGS)
def test_a_changed_title_shows_on_the_next_request(make_post, network, path):
    post = make_post(network, "Compost corner")
    warm(path)
    post.title = "Compost corner reopens"
    post.save_revision().publish()
    assert "Compost corner reopens" in text(path)


def test_an_authors_new_name_shows_in_the_listings(make_post, network):
    make_post(network, "Orchard news", authors=["Ama Owusu"])
    warm(*LISTINGS)
    person = Person.objects.get(name="Ama Owusu")
    person.name = "Ama Owusu-Mensah"
    person.save()
    for path in LISTINGS:
        assert "Ama Owusu-Mensah" in text(path), path


def test_a_post_moved_to_another_network_is_listed_there(make_post, network, other_network):
    post = make_post(network, "Community fridge rota")
    other = other_network.url
    warm(network.url, other)
    post.move(other_network, pos="last-child")
    assert "Community fridge rota" not in text(network.url)
    assert "Community fridge rota" in text(other)


def test_a_translation_publishing_shows_in_its_language(make_post, network):
    post = make_post(network, "Harvest supper")
    warm("/pl/blog/", "/pl/networks/food-partnership/")
    assert "Harvest supper" in text("/pl/blog/")  # the English version meanwhile
    polish = post.copy_for_translation(Locale.objects.get(language_code="pl"))
    polish.title = "Kolacja dożynkowa"
    polish.save_revision().publish()
    for path in ("/pl/blog/", "/pl/networks/food-partnership/"):
        html = text(path)
        assert "Kolacja dożynkowa" in html, path
        assert "Harvest supper" not in html, path


def cold_queries(path):
    """Queries of a request that renders the listing afresh (its fragment
    stale), after a warm-up that fills the frame's."""
    client = Client()
    client.get(path)
    fragments.bump(fragments.LISTINGS)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", LISTINGS)
def test_a_listing_rendered_afresh_runs_as_many_queries_for_30_posts_as_for_3(
    make_post, network, path
):
    for number in range(3):
        make_post(network, authors=[f"Writer {number}"], tags=["food", f"tag{number}"])
    few = cold_queries(path)
    for number in range(27):
        make_post(network, authors=[f"Author {number}"], tags=["food", f"more{number}"])
    assert cold_queries(path) == few


@pytest.mark.parametrize("path", LISTINGS + ["/pl/blog/", "/blog/?page=2"])
def test_a_warm_listing_runs_no_query_of_its_own(make_post, network, path):
    for _ in range(12):
        make_post(network)
    client = Client()
    client.get(path)
    with CaptureQueriesContext(connection) as warm_run:
        client.get(path)
    fragments.bump(fragments.LISTINGS)
    with CaptureQueriesContext(connection) as cold_run:
        client.get(path)
    assert len(warm_run) < len(cold_run)
