"""The public address comes from SITE_URL: after `migrate`, the sitemap,
feeds, canonical links, JSON-LD and email links name it, never localhost."""

import json
import re
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.sql import emit_post_migrate_signal

from wagtail.models import Site

import pytest

from home.site_url import parse_site_url

POST_URL = "/networks/food-partnership/first-post/"
ADDRESS = "https://commons.example.org"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def served_at_address(demo, settings):
    """The site after `migrate` ran with SITE_URL set (post_migrate is what
    migrate sends at its end, whether or not it applied anything)."""
    settings.SITE_URL = ADDRESS
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    return Site.objects.get(is_default_site=True)


def test_migrate_writes_the_address_into_the_site(served_at_address):
    assert (served_at_address.hostname, served_at_address.port) == ("commons.example.org", 443)
    assert served_at_address.root_url == ADDRESS


def test_without_site_url_the_site_is_left_alone(demo, settings):
    settings.SITE_URL = ""
    before = Site.objects.values_list("hostname", "port").get(is_default_site=True)
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert Site.objects.values_list("hostname", "port").get(is_default_site=True) == before


def test_the_sitemap_lists_pages_at_the_address(client, served_at_address):
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>(.*?)</loc>", xml)
    assert locations
    assert all(location.startswith(f"{ADDRESS}/") for location in locations)
    assert "localhost" not in xml


@pytest.mark.parametrize("feed", ["/blog/feed/rss/", "/blog/feed/atom/"])
def test_feeds_link_to_the_address(client, served_at_address, feed):
    xml = client.get(feed).content.decode()
    urls = set(re.findall(r"https?://[^\"'<\s]+", xml)) - {"http://www.w3.org/2005/Atom"}
    assert f"{ADDRESS}/blog/" in urls
    assert f"{ADDRESS}{POST_URL}" in urls
    assert "testserver" not in xml
    assert "localhost" not in xml


def test_canonical_open_graph_and_json_ld_use_the_address(client, served_at_address):
    html = client.get(POST_URL).content.decode()
    assert f'<link rel="canonical" href="{ADDRESS}{POST_URL}">' in html
    assert f'<meta property="og:url" content="{ADDRESS}{POST_URL}">' in html
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(block.group(1))
    urls = set(re.findall(r"https?://[^\"']+", json.dumps(data))) - {"https://schema.org"}
    assert urls and all(url.startswith(ADDRESS) for url in urls)


def test_email_links_default_to_the_address():
    code = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings';"
        "django.setup(); from django.conf import settings;"
        "print(settings.WAGTAILADMIN_BASE_URL)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"SITE_URL": ADDRESS, "PATH": "/usr/bin:/bin", "COMMONS_TESTING": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == ADDRESS, result.stderr


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://commons.example.org", ("commons.example.org", 443)),
        ("http://127.0.0.1:8150", ("127.0.0.1", 8150)),
        ("http://commons.example.org/", ("commons.example.org", 80)),
    ],
)
def test_addresses_are_read_as_hostname_and_port(url, expected):
    assert parse_site_url(url) == expected


@pytest.mark.parametrize("url", ["commons.example.org", "ftp://x.org", "https://x.org:8443"])
def test_an_address_wagtail_cannot_express_is_refused(url):
    with pytest.raises(ImproperlyConfigured):
        parse_site_url(url)
