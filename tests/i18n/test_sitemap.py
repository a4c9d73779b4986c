"""The XML sitemap lists the site in every language, each page with its
translations as hreflang alternates, and nothing a visitor cannot read."""

import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

import pytest

from blog.models import BlogPostPage
from home.models import StandardPage
from languages.sitemap import MultilingualSitemap

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


@pytest.fixture
def small_sitemap_pages(monkeypatch):
    """Sitemap pages of 7 entries, so that the demo needs several."""
    monkeypatch.setattr(MultilingualSitemap, "limit", 7)
    return 7


def index_locations(client):
    """Returns the sitemap addresses /sitemap.xml names as an index."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    return [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]


def test_past_the_limit_the_sitemap_is_an_index_of_its_pages(client, demo, small_sitemap_pages):
    listed = Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True).count()
    locations = index_locations(client)
    assert len(locations) == -(-listed // small_sitemap_pages)  # rounded up
    assert locations[0] == "http://localhost/sitemap-pages.xml"
    assert locations[1] == "http://localhost/sitemap-pages.xml?p=2"


def test_the_pages_of_a_split_sitemap_list_each_page_once_with_every_translation(
    client, demo, small_sitemap_pages
):
    whole = {}
    for location in index_locations(client):
        response = client.get(location.removeprefix("http://localhost"))
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        urls = root.findall("s:url", NS)
        assert 0 < len(urls) <= small_sitemap_pages
        for url in urls:
            loc = url.find("s:loc", NS).text
            assert loc not in whole
            whole[loc] = {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            }
    pages = Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True)
    assert set(whole) == {page.full_url for page in pages}
    # Translations listed on other pages of the sitemap are still named.
    assert whole["http://localhost/ur/networks/food-partnership/"] == {
        "en": "http://localhost/networks/food-partnership/",
        "pl": "http://localhost/pl/networks/food-partnership/",
        "ur": "http://localhost/ur/networks/food-partnership/",
        "x-default": "http://localhost/networks/food-partnership/",
    }


def test_a_sitemap_page_past_the_last_is_not_found(client, demo, small_sitemap_pages):
    last = len(index_locations(client))
    assert client.get(f"/sitemap-pages.xml?p={last + 1}").status_code == 404
    assert client.get("/sitemap-other.xml").status_code == 404


def test_within_the_limit_the_sitemap_is_one_page(client, demo):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    assert root.tag == f"{{{NS['s']}}}urlset"
