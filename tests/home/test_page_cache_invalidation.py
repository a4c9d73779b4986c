"""Exact invalidation: every change a reader could notice is on the next
anonymous request, on the page itself and on every page that shows it
(listings, the network page, the home page, feeds, the sitemap)."""

from django.test import Client

from wagtail.models import Locale, Page

import pytest

from blog.models import BlogPostPage
from comments.models import Comment
from home.models import SiteSettings
from networks.models import NetworkPage
from tests.comments.public_helpers import demo_post
from tests.home.page_cache_helpers import cache_state, page_cache_on, text

pytestmark = pytest.mark.django_db
__all__ = ["page_cache_on"]

SHOWING_A_POST = ["/", "/blog/", "/networks/food-partnership/", "/blog/feed/rss/"]


def prime(*paths):
    """Fetches each path twice as an anonymous reader; the second is a hit."""
    for path in paths:
        Client().get(path)
        assert cache_state(Client().get(path)) == "hit", path


def fresh(path):
    """Returns the next anonymous reader's response, asserting it was not
    an old cached copy."""
    response = Client().get(path)
    assert cache_state(response) != "hit", path
    return response


def test_publishing_a_post_shows_on_it_and_everywhere_it_is_listed(demo, page_cache_on):
    post = demo_post()
    prime(post.url, *SHOWING_A_POST, "/sitemap.xml")
    post.title = "Saturday market moves to the square"
    post.save_revision().publish()
    assert "Saturday market moves to the square" in text(fresh(post.url))
    for path in SHOWING_A_POST:
        assert "Saturday market moves to the square" in text(fresh(path)), path
    assert fresh("/sitemap.xml").status_code == 200  # its last-modified date changed


def test_a_new_post_shows_in_the_listings(demo, page_cache_on):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    prime("/blog/", "/networks/food-partnership/", "/blog/feed/rss/")
    post = BlogPostPage(title="Seed swap in March", slug="seed-swap-in-march")
    network.add_child(instance=post)
    post.save_revision().publish()
    for path in ("/blog/", "/networks/food-partnership/", "/blog/feed/rss/"):
        assert "Seed swap in March" in text(fresh(path)), path


def test_unpublishing_and_deleting_a_post_take_it_away(demo, page_cache_on):
    post = demo_post()
    title, url = post.title, post.url
    prime(url, "/blog/")
    post.unpublish()
    assert fresh(url).status_code == 404
    assert title not in text(fresh("/blog/"))

    post.save_revision().publish()
    prime(url, "/blog/")
    Page.objects.get(pk=post.pk).delete()
    assert fresh(url).status_code == 404
    assert title not in text(fresh("/blog/"))


def test_moving_a_post_drops_its_old_address_and_both_networks(demo, page_cache_on):
    post = demo_post()
    post.slug = "first-post-on-the-move"  # the other network has a "first-post"
    post.save_revision().publish()
    post.refresh_from_db()
    old_url = post.url
    other = NetworkPage.objects.get(slug="digital-practitioners", locale__language_code="en")
    prime(old_url, "/networks/food-partnership/", "/networks/digital-practitioners/")
    post.move(other, pos="last-child")
    post.refresh_from_db()
    moved_away = fresh(old_url)  # Wagtail's redirect to the new address
    assert (moved_away.status_code, moved_away["Location"]) == (301, post.url)
    assert fresh(post.url).status_code == 200
    assert f'href="{old_url}"' not in text(fresh("/networks/food-partnership/"))
    assert f'href="{post.url}"' in text(fresh("/networks/digital-practitioners/"))


def test_publishing_a_translation_drops_every_language_of_the_page(demo, page_cache_on):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    polish = network.get_translation(Locale.objects.get(language_code="pl"))
    prime(network.url, polish.url)
    polish.title = "Partnerstwo Żywnościowe (nowe)"
    polish.save_revision().publish()
    assert "Partnerstwo Żywnościowe (nowe)" in text(fresh(polish.url))
    fresh(network.url)  # its language switcher names the translation


def test_a_comment_decision_shows_on_the_next_request(demo, page_cache_on):
    post = demo_post()
    comment = Comment.objects.create(
        page=post, name="Nia", email="nia@example.org", body="See you at the stall."
    )
    prime(post.url)
    assert "See you at the stall." not in text(Client().get(post.url))
    comment.approve()
    assert "See you at the stall." in text(fresh(post.url))
    prime(post.url)
    comment.hide()
    assert "See you at the stall." not in text(fresh(post.url))


def test_site_settings_show_on_every_page(demo, page_cache_on):
    post = demo_post()
    prime("/", post.url, "/events/")
    site_settings = SiteSettings.load()
    site_settings.contact_email = "hello-new@commons.example.org"
    site_settings.save()
    for path in ("/", post.url, "/events/"):
        assert "hello-new@commons.example.org" in text(fresh(path)), path


def test_renaming_a_section_changes_the_navigation_everywhere(demo, page_cache_on):
    post = demo_post()
    blog = Page.objects.get(url_path__endswith="/blog/", locale__language_code="en").specific
    prime("/", post.url, "/about/")
    blog.title = "News"
    blog.save_revision().publish()
    for path in ("/", post.url, "/about/"):
        nav = text(fresh(path)).split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
        assert ">News</a>" in nav, path


def test_a_split_sitemaps_pages_go_with_the_sitemap(demo, page_cache_on, monkeypatch):
    """Past the limit /sitemap.xml is an index; its pages are cached too and
    are dropped by the same changes (a new post is listed at once)."""
    from languages.sitemap import MultilingualSitemap

    monkeypatch.setattr(MultilingualSitemap, "limit", 7)
    pages = Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True).count()
    last = f"/sitemap-pages.xml?p={-(-pages // 7)}"
    prime("/sitemap.xml", last)
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    post = BlogPostPage(title="Seed swap in April", slug="seed-swap-in-april")
    network.add_child(instance=post)
    post.save_revision().publish()
    whole = "".join(
        text(fresh(f"/sitemap-pages.xml?p={n}")) for n in range(1, -(-(pages + 1) // 7) + 1)
    )
    assert "seed-swap-in-april" in whole
