"""Editing a blog author (a People snippet) in the admin shows on the next
anonymous request: on the posts that credit them and on the listings of
those posts, from the page cache, the fragments and the CDN alike."""

from django.test import Client

import pytest

from blog.models import Person
from tests.comments.public_helpers import demo_post
from tests.home.page_cache_helpers import cdn, page_cache_on, text
from tests.home.test_page_cache_invalidation import fresh, prime

pytestmark = pytest.mark.django_db
__all__ = ["cdn", "page_cache_on"]

# The demo's first Food Partnership post credits Amira Khan and Tom Okafor.
SHOWING_THE_POST = ["/", "/blog/", "/networks/food-partnership/", "/blog/feed/rss/"]


def edit_url(person):
    return f"/admin/snippets/blog/person/edit/{person.pk}/"


def test_a_new_name_and_role_show_on_the_post_and_its_listings(
    demo, page_cache_on, cdn, client, login, django_capture_on_commit_callbacks
):
    post = demo_post()
    tom = Person.objects.get(name="Tom Okafor")
    prime(post.url, *SHOWING_THE_POST)
    assert "Tom Okafor" in text(Client().get(post.url))

    login("admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_url(tom), {"name": "Tomasz Okafor", "role": "Treasurer", "network": tom.network_id}
        )
    assert response.status_code == 302, response.content.decode()[:2000]

    page = text(fresh(post.url))
    assert "Tomasz Okafor" in page and "Treasurer" in page
    assert "Tom Okafor<" not in page and "Tom Okafor," not in page
    for path in SHOWING_THE_POST:
        assert "Tomasz Okafor" in text(fresh(path)), path
    for url in (post.full_url, "http://localhost/blog/", "http://localhost/blog/feed/rss/"):
        assert url in cdn, url


def test_a_deleted_person_is_no_longer_credited(demo, page_cache_on, client, login):
    post = demo_post()
    tom = Person.objects.get(name="Tom Okafor")
    prime(post.url, "/blog/")
    login("admin")
    response = client.post(f"/admin/snippets/blog/person/delete/{tom.pk}/")
    assert response.status_code == 302
    assert "Tom Okafor" not in text(fresh(post.url))
    assert "Tom Okafor" not in text(fresh("/blog/"))


def test_a_person_credited_nowhere_drops_nothing(demo, page_cache_on, client, login):
    post = demo_post()
    prime(post.url)
    nobody = Person.objects.create(name="Nobody Yet", role="Volunteer")
    login("admin")
    client.post(edit_url(nobody), {"name": "Still Nobody", "role": "Volunteer", "network": ""})
    assert Client().get(post.url)["X-Page-Cache"] == "hit"
