"""A post is cheap without the page cache: its route, its network, its meta
tags, article and empty comment form come from the shared cache
(`home.routing`, `home.fragments`, page cache off). Each test changes what
a reader sees and reads the page again straight after, as a reader would:
the change is there on the very next request; and what is one reader's (a
CSRF token, a fill-in clock, a form's errors) never reaches another."""

import re
import time

from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from blog.models import BlogTag, Person
from home.defences import unsign_started
from tests.comments.public_helpers import html, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(network, make_post):
    return make_post(network, "A post to read twice", authors=["Ama Owusu"], tags=["compost"])


def read(client, page, path=None):
    response = client.get(path or page.url)
    assert response.status_code == 200, response.status_code
    return html(response)


def test_a_renamed_author_shows_on_the_next_request(client, post):
    assert "Ama Owusu" in read(client, post)
    person = Person.objects.get(name="Ama Owusu")
    person.name = "Ama Owusu-Mensah"
    person.save()
    page = read(client, post)
    assert "Ama Owusu-Mensah" in page
    assert '"name": "Ama Owusu-Mensah"' in page  # in the JSON-LD too


def test_a_renamed_tag_shows_on_the_next_request(client, post):
    assert ">compost</a>" in read(client, post)
    tag = BlogTag.objects.get(name="compost")
    tag.name = "home compost"
    tag.save()
    page = read(client, post)
    assert ">home compost</a>" in page
    assert '<meta property="article:tag" content="home compost">' in page


def test_a_republished_post_shows_its_new_words_on_the_next_request(client, post):
    assert "A post to read twice" in read(client, post)
    post.title = "A post read again"
    post.save_revision().publish()
    assert "A post read again" in read(client, post)


def test_a_live_page_saved_outside_a_publish_shows_on_the_next_request(client, post, network):
    read(client, post)
    network.title = "The Borough Food Network"
    network.save()
    assert "The Borough Food Network" in read(client, post)


def test_a_new_slug_moves_the_post_on_the_next_request(client, post):
    old_url = post.url
    read(client, post)
    post.slug = "a-moved-post"
    post.save_revision().publish()
    post.refresh_from_db()
    assert post.url.endswith("/a-moved-post/")
    assert client.get(old_url).status_code == 404
    assert "A post to read twice" in read(client, post)


def test_an_unpublished_post_is_gone_on_the_next_request(client, post):
    url = post.url
    read(client, post)
    post.unpublish()
    assert client.get(url).status_code == 404


def test_a_view_restriction_above_a_post_applies_on_the_next_request(client, post, network):
    read(client, post)
    PageViewRestriction.objects.create(page=network, restriction_type="login")
    response = client.get(post.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_restriction_on_an_alias_source_applies_to_the_alias(client, post, other_network):
    alias = post.create_alias(parent=other_network, update_slug="a-shared-post")
    assert client.get(alias.url).status_code == 200
    PageViewRestriction.objects.create(page=post, restriction_type="login")
    assert client.get(alias.url).status_code == 302


def form_values(page):
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    return token, started


def test_the_empty_form_is_each_readers_own_and_posts(post):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    read(first, post)  # the form's fragment is stored
    values = [form_values(read(reader, post)) for reader in (first, second)]
    assert values[0][0] != values[1][0]  # a token each
    assert "__pagecache" not in read(second, post)  # no hole left unfilled
    for _token, started in values:
        assert abs(unsign_started(started) - time.time()) < 60  # a fresh clock
    token, _started = values[1]
    response = post_comment(second, post, csrfmiddlewaretoken=token, body="Posted through it.")
    assert response.status_code == 302
    assert "held for moderation" in read(second, post)


def test_a_form_with_errors_reaches_only_its_writer(post):
    writer, reader = Client(), Client()
    read(reader, post)
    refused = html(post_comment(writer, post, email="not an address", body="Kept words."))
    assert "There is a problem" in refused
    assert "Kept words." in refused
    page = read(reader, post)
    assert "There is a problem" not in page
    assert "Kept words." not in page
