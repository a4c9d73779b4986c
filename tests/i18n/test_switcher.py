"""The language switcher and hreflang alternates, on every kind of page."""

import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page

import pytest

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def switcher(html):
    """Returns {language code: href} of the language switcher's links."""
    nav = html.split('<nav class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return dict((code, href) for href, code in re.findall(r'<a href="([^"]*)" lang="([^"]*)"', nav))


def alternates(html):
    """Returns {hreflang: href} of the page's <link rel="alternate" hreflang> tags."""
    return dict(
        (code, href)
        for code, href in re.findall(
            r'<link rel="alternate" hreflang="([^"]*)" href="([^"]*)"', html
        )
    )


def test_switcher_leads_to_this_pages_translation_in_every_language(client, demo):
    links = switcher(client.get("/house-rules/").content.decode())
    assert links == {
        "en": "/house-rules/",
        "pl": "/pl/house-rules/",
        "bn": "/bn/house-rules/",
        "ur": "/ur/house-rules/",
    }


def test_switcher_keeps_the_reader_on_the_page_where_there_is_no_translation(client, demo):
    # The food partnership's post is translated into Polish and Urdu only.
    # (Issue 13: this used to lead to the Bengali home page, with no word of why.)
    html = client.get("/networks/food-partnership/first-post/").content.decode()
    links = switcher(html)
    assert links["pl"] == "/pl/networks/food-partnership/first-post/"
    assert links["ur"] == "/ur/networks/food-partnership/first-post/"
    assert links["bn"] == "/networks/food-partnership/first-post/?unavailable=bn"
    assert (
        'href="/networks/food-partnership/first-post/?unavailable=bn" lang="bn" hreflang="bn"'
        ' data-fallback="page"' in html
    )


def test_switcher_marks_the_current_language(client, demo):
    html = client.get("/pl/privacy/").content.decode()
    assert 'href="/pl/privacy/" lang="pl" hreflang="pl" aria-current="true">Polski</a>' in html
    assert 'href="/privacy/" lang="en" hreflang="en">English</a>' in html


def test_a_draft_translation_is_not_offered(client, demo):
    polish = Locale.objects.get(language_code="pl")
    page = Page.objects.get(slug="house-rules", locale=polish)
    page.unpublish()
    links = switcher(client.get("/house-rules/").content.decode())
    assert links["pl"] == "/house-rules/?unavailable=pl"
    assert "pl" not in alternates(client.get("/house-rules/").content.decode())


def test_search_switches_to_the_same_search_in_another_language(client, demo):
    html = client.get("/pl/search/", {"q": "zasady"}).content.decode()
    assert switcher(html)["ur"] == "/ur/search/?q=zasady"
    assert alternates(html)["x-default"] == "http://testserver/search/?q=zasady"


def test_switcher_keeps_the_route_of_a_page_and_its_filters(client, demo):
    html = client.get("/networks/food-partnership/join/").content.decode()
    assert switcher(html)["pl"] == "/pl/networks/food-partnership/join/"
    assert switcher(html)["en"] == "/networks/food-partnership/join/"
    assert alternates(html)["pl"] == "http://testserver/pl/networks/food-partnership/join/"
    html = client.get("/networks/", {"theme": "food", "page": "1"}).content.decode()
    assert switcher(html)["ur"] == "/ur/networks/?theme=food&amp;page=1"
    assert alternates(html)["ur"] == "http://testserver/ur/networks/"  # filters aside
    # No translation: the same route in English, with a notice (issue 13:
    # this used to be the Bengali home page, without the route).
    html = client.get("/networks/food-partnership/join/").content.decode()
    assert switcher(html)["bn"] == "/networks/food-partnership/join/?unavailable=bn"


def test_hreflang_lists_live_translations_and_x_default(client, demo):
    html = client.get("/pl/networks/food-partnership/").content.decode()
    assert alternates(html) == {
        "en": "http://testserver/networks/food-partnership/",
        "pl": "http://testserver/pl/networks/food-partnership/",
        "ur": "http://testserver/ur/networks/food-partnership/",
        "x-default": "http://testserver/networks/food-partnership/",
    }


def test_hreflang_never_points_at_a_page_that_is_not_a_translation(client, demo):
    # No Bengali version of this network: no Bengali alternate (not the home page).
    html = client.get("/networks/food-partnership/").content.decode()
    assert "bn" not in alternates(html)


def test_untranslated_page_still_has_its_own_alternate(client, demo):
    page = StandardPage(title="Only in English", slug="only-in-english")
    demo.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/only-in-english/").content.decode()
    assert alternates(html) == {
        "en": "http://testserver/only-in-english/",
        "x-default": "http://testserver/only-in-english/",
    }


@pytest.mark.parametrize("path", ["/", "/about/", "/networks/", "/blog/", "/search/"])
def test_every_page_has_a_switcher_and_alternates(client, demo, path):
    html = client.get(path).content.decode()
    assert len(switcher(html)) == 4
    assert "x-default" in alternates(html)


def test_404_page_offers_the_home_page_in_every_language(client, demo, settings):
    settings.DEBUG = False
    html = client.get("/pl/no-such-page/").content.decode()
    assert switcher(html) == {"en": "/", "pl": "/pl/", "bn": "/bn/", "ur": "/ur/"}
    assert "Nie znaleziono strony" in html


def _frame_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_language_tags_run_a_fixed_number_of_queries(client, demo):
    # A page with four live versions and one with a single version cost the
    # same: the switcher, hreflang and notice share one lookup per request.
    page = StandardPage(title="Only in English", slug="only-in-english")
    demo.add_child(instance=page)
    page.save_revision().publish()
    # Rendered afresh (the frame's fragment cache empty: see home.fragments).
    cache.clear()
    translated = _frame_queries(client, "/about/")
    cache.clear()
    single = _frame_queries(client, "/only-in-english/")
    assert translated == single + 1  # + the sync lookup, only where translations exist
    # A fifth language does not add a query.
    Locale.objects.create(language_code="ro")
    cache.clear()
    assert _frame_queries(client, "/about/") == translated
    # Once rendered, the frame costs the same on both pages, and less.
    _frame_queries(client, "/only-in-english/")
    warm_translated = _frame_queries(client, "/about/")
    assert warm_translated == _frame_queries(client, "/only-in-english/") < single
