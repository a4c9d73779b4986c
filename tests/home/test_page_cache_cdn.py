"""The CDN (Wagtail's frontend cache) is purged with the same URLs the page
cache drops, once the change is committed; tested with a backend that
records what it was asked to purge."""

from django.test import Client

import pytest

from comments.models import Comment
from home import page_cache
from home.models import SiteSettings
from tests.comments.public_helpers import demo_post
from tests.home.page_cache_helpers import cdn, page_cache_on

pytestmark = pytest.mark.django_db
__all__ = ["cdn", "page_cache_on"]


def test_publishing_purges_the_page_its_listings_and_feeds(
    demo, page_cache_on, cdn, django_capture_on_commit_callbacks
):
    post = demo_post()
    dropped = page_cache.urls_for_pages(page_cache.pages_shown_with(post))
    dropped |= page_cache.variant_urls([post])  # the listings' numbered pages and filters
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()
    assert set(cdn) == {url.url for url in dropped}
    for url in (
        post.full_url,
        "http://localhost/",
        "http://localhost/blog/",
        "http://localhost/blog/feed/rss/",
        "http://localhost/blog/feed/atom/",
        "http://localhost/networks/food-partnership/",
        "http://localhost/pl/blog/",
        "http://localhost/sitemap.xml",
    ):
        assert url in cdn, url
    assert "http://localhost/events/" not in cdn


def test_nothing_is_purged_before_the_change_commits(demo, page_cache_on, cdn):
    demo_post().save_revision().publish()  # the test's transaction never commits
    assert cdn == []


def test_a_comment_decision_purges_its_page(
    demo, page_cache_on, cdn, django_capture_on_commit_callbacks
):
    post = demo_post()
    comment = Comment.objects.create(page=post, name="Nia", email="nia@example.org", body="Yes.")
    with django_capture_on_commit_callbacks(execute=True):
        comment.approve()
    assert post.full_url in cdn
    assert "http://localhost/blog/" in cdn  # its comment count


def test_site_settings_purge_every_page(
    demo, page_cache_on, cdn, django_capture_on_commit_callbacks
):
    site_settings = SiteSettings.load()
    site_settings.contact_email = "hello@commons.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    for url in (
        "http://localhost/",
        "http://localhost/about/",
        "http://localhost/ur/events/",
        demo_post().full_url,
    ):
        assert url in cdn, url


def test_the_cdn_is_purged_even_with_the_page_cache_off(
    demo, settings, cdn, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 0
    post = demo_post()
    with django_capture_on_commit_callbacks(execute=True):
        post.save_revision().publish()
    assert post.full_url in cdn
    assert "public" not in Client().get(post.url)["Cache-Control"]
