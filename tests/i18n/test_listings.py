"""Lists in a language the networks have not all reached yet: every network
and every post is listed once, in the reader's language where it has been
translated and in English otherwise, marked with its language so that screen
readers pronounce it right. Nothing is ever listed twice or left out."""

import re
from html import unescape as html_unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from blog.models import BlogPostPage
from networks.models import NetworkIndexPage, NetworkPage
from tests.networks.test_pages import add_networks

pytestmark = pytest.mark.django_db


def card_titles(html):
    """Returns {network title: the attributes of its card's heading}."""
    cards = re.findall(
        r'<li class="card network-card">.*?'
        r'<h2 class="card__title"([^>]*)><a href="[^"]*">([^<]*)</a>',
        html,
        re.S,
    )
    return {html_unescape(title): attributes.strip() for attributes, title in cards}


def test_the_bengali_directory_lists_every_network_in_english_marked_as_english(client, demo):
    english = NetworkPage.objects.live().public().filter(locale__language_code="en")
    html = client.get("/bn/networks/").content.decode()
    cards = card_titles(html)
    assert set(cards) == {network.title for network in english}
    assert set(cards.values()) == {'lang="en"'}  # Bengali is left to right too: no dir


def test_the_urdu_directory_lists_translations_in_urdu_and_the_rest_left_to_right(client, demo):
    urdu_food = NetworkPage.objects.get(slug="food-partnership", locale__language_code="ur")
    english_food = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    html = client.get("/ur/networks/").content.decode()
    cards = card_titles(html)
    assert cards[urdu_food.title] == ""  # the reader's own language
    assert english_food.title not in cards  # never both versions
    others = (
        NetworkPage.objects.live()
        .filter(locale__language_code="en")
        .exclude(translation_key=english_food.translation_key)
    )
    assert others.exists()
    for network in others:
        assert cards[network.title] == 'lang="en" dir="ltr"'


def test_the_bengali_home_page_shows_the_latest_posts(client, demo):
    newest = BlogPostPage.objects.for_listing().filter(locale__language_code="en").first()
    html = client.get("/bn/").content.decode()
    assert newest.title in html
    assert '<h3 class="post-summary__title" lang="en">' in html


def test_a_network_page_in_polish_lists_its_posts_once_each(client, demo):
    polish = NetworkPage.objects.get(slug="food-partnership", locale__language_code="pl")
    english = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    english_only = BlogPostPage(title="Only in English so far", intro="News.")
    english.add_child(instance=english_only)
    english_only.save_revision().publish()
    html = client.get(polish.url).content.decode()
    assert "Only in English so far" in html  # the newest, not yet translated
    listed = client.get(f"/pl/blog/network/{polish.slug}/").context["posts"]
    keys = [post.translation_key for post in listed]
    assert len(keys) == len(set(keys))
    assert english_only.translation_key in keys
    translated = BlogPostPage.objects.live().filter(locale=polish.locale).descendant_of(polish)
    assert {post.translation_key for post in translated} <= set(keys)
    assert all(
        post.locale_id == polish.locale_id
        for post in listed
        if post.translation_key in {t.translation_key for t in translated}
    )


def test_the_polish_feed_carries_untranslated_posts_too(client, demo):
    import feedparser

    feed = feedparser.parse(client.get("/pl/blog/feed/rss/").content)
    assert not feed.bozo
    english_links = [entry.link for entry in feed.entries if "/pl/" not in entry.link]
    polish_links = [entry.link for entry in feed.entries if "/pl/" in entry.link]
    assert english_links and polish_links


def test_a_bengali_directory_runs_a_fixed_number_of_queries(client, demo):
    directory = NetworkIndexPage.objects.get(locale__language_code="en")

    def count():
        client.get("/bn/networks/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/bn/networks/").status_code == 200
        return len(queries)

    add_networks(directory, 1)
    small = count()
    add_networks(directory, 10, start=1)
    assert count() == small
    assert Locale.objects.count() == 4


def test_search_in_bengali_finds_english_pages_and_in_polish_the_polish_version(client, demo):
    html = client.get("/bn/search/", {"q": "Digital Practitioners"}).content.decode()
    assert "/networks/digital-practitioners/" in html
    assert '<li lang="en">' in html
    polish = NetworkPage.objects.get(slug="food-partnership", locale__language_code="pl")
    html = client.get("/pl/search/", {"q": polish.title}).content.decode()
    assert f'href="{polish.url}"' in html
    assert 'href="/networks/food-partnership/"' not in html  # never both versions


def test_search_in_urdu_with_an_english_word_finds_the_urdu_translation(client, demo):
    # The fridge post is translated into Urdu, so its Urdu words no longer
    # say "fridge"; the English original does, and leads to the Urdu version.
    english = BlogPostPage.objects.get(
        title="A year of the community fridge", locale__language_code="en"
    )
    urdu = english.get_translation(Locale.objects.get(language_code="ur"))
    assert "fridge" not in urdu.title.lower()
    html = client.get("/ur/search/", {"q": "fridge"}).content.decode()
    assert f'href="{urdu.url}"' in html
    assert f'href="{english.url}"' not in html  # never both versions
    assert client.get("/search/", {"q": "fridge"}).context["page_obj"].paginator.count == 1


def test_a_networks_web_address_reads_left_to_right_on_an_urdu_page(client, demo):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="ur")
    assert network.website
    html = client.get(network.url).content.decode()
    assert f'<a href="{network.website}" rel="noopener" dir="ltr">' in html
