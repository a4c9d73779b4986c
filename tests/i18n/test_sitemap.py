"""The XML sitemap lists the site in every language, each page with its
translations as hreflang alternates, and nothing a visitor cannot read."""

import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from blog.models import BlogPostPage
from home.models import StandardPage

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    """Returns {location: {hreflang: href}} from /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_every_live_public_page_in_every_language_is_listed_once(client, demo):
    entries = sitemap(client)
    pages = Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True)
    assert {page.full_url for page in pages} == set(entries)
    assert "http://localhost/pl/networks/food-partnership/" in entries
    assert "http://localhost/ur/house-rules/" in entries


def test_a_translated_page_names_its_translations_and_the_default(client, demo):
    entries = sitemap(client)
    expected = {
        "en": "http://localhost/networks/food-partnership/",
        "pl": "http://localhost/pl/networks/food-partnership/",
        "ur": "http://localhost/ur/networks/food-partnership/",
        "x-default": "http://localhost/networks/food-partnership/",
    }
    assert entries["http://localhost/networks/food-partnership/"] == expected
    # Every version names the same set, itself included.
    assert entries["http://localhost/ur/networks/food-partnership/"] == expected


def test_a_page_in_one_language_only_has_no_alternates(client, demo):
    entries = sitemap(client)
    assert entries["http://localhost/networks/digital-practitioners/"] == {}


def test_drafts_aliases_and_private_pages_are_left_out(client, demo):
    post = BlogPostPage.objects.live().filter(locale__language_code="pl").first()
    post.unpublish()
    network = Page.objects.get(slug="health-wellbeing", locale__language_code="en")
    PageViewRestriction.objects.create(page=network, restriction_type="login")
    aliases = Page.objects.filter(alias_of__isnull=False).live()
    entries = sitemap(client)
    assert post.full_url not in entries
    assert not any(url.startswith(network.full_url) for url in entries)
    assert not any(alias.full_url in entries for alias in aliases)


def test_the_sitemap_runs_a_fixed_number_of_queries(client, demo):
    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get("/sitemap.xml")
        return len(queries)

    count()  # the first request fills the cache of the sites' root paths
    before = count()
    for number in range(10):
        demo.add_child(instance=StandardPage(title=f"Extra page {number}"))
    assert count() == before
