"""A CDN purges exact addresses, so a changed post purges every address of
the blog's listings that may show it: the numbered pages, its network's and
tags' listings with their numbered pages and feeds, in every language.
Tested with a backend that records what it was asked to purge."""

from django.test import Client

import pytest

from blog.models import PURGED_PAGES_PER_LISTING
from home import page_cache
from tests.comments.public_helpers import demo_post
from tests.home.page_cache_helpers import cdn, page_cache_on

pytestmark = pytest.mark.django_db
__all__ = ["cdn", "page_cache_on"]

ROOT = "http://localhost"


def num_pages(path):
    """How many numbered pages a reader sees at `path`."""
    return Client().get(path).context["page_obj"].paginator.num_pages


def publish(post, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()


def test_a_post_purges_the_numbered_pages_and_its_network_and_tag_listings(
    demo, page_cache_on, cdn, django_capture_on_commit_callbacks
):
    post = demo_post()
    tags = [tag.slug for tag in post.tags.all()]
    assert tags  # the demo post has tags: the test tests something
    pages = num_pages("/blog/")
    assert pages >= 2
    publish(post, django_capture_on_commit_callbacks)

    for language in ("", "/pl", "/bn", "/ur"):
        blog = f"{ROOT}{language}/blog/"
        for number in range(1, pages + 1):
            assert f"{blog}?page={number}" in cdn, (language, number)
        network = f"{blog}network/food-partnership/"
        for url in (network, f"{network}?page=1", f"{network}feed/rss/", f"{network}feed/atom/"):
            assert url in cdn, url
        for tag in tags:
            listing = f"{blog}tag/{tag}/"
            for sub_path in ("", "?page=1", "feed/rss/", "feed/atom/"):
                assert listing + sub_path in cdn, listing + sub_path
    # One page past the count (a change may take one away), and no further.
    assert f"{ROOT}/blog/?page={pages + 1}" in cdn
    assert f"{ROOT}/blog/?page={pages + 2}" not in cdn
    # Another network's listing does not show the post.
    assert f"{ROOT}/blog/network/young-people/" not in cdn


def test_the_numbered_pages_purged_are_bounded(
    demo, page_cache_on, cdn, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr("blog.models.POSTS_PER_PAGE", 1)  # as if the blog had thousands of posts
    publish(demo_post(), django_capture_on_commit_callbacks)
    assert f"{ROOT}/blog/?page={PURGED_PAGES_PER_LISTING}" in cdn
    assert f"{ROOT}/blog/?page={PURGED_PAGES_PER_LISTING + 1}" not in cdn


def test_without_a_cdn_no_listing_is_counted(demo, page_cache_on):
    assert page_cache.variant_urls([demo_post()]) == set()
