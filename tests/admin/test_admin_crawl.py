"""The admin, crawled as each demo role: every admin menu item, every
dashboard panel link, every listing, and the first detail, edit and history
page of each kind found in them, on the demo site with every kind of audit-log
entry present. No page may fail (a 500, a 404 or 403 behind a link the
user was shown, or an error page).

The crawl is generic: it reads the sidebar's own menu (the JSON Wagtail
renders it from) and follows the links in each page's main content, one link
per URL shape ("/admin/pages/N/edit/"), so a new app's admin pages are
covered with no new code here. It stays bounded by depth and by a cap on
pages per role."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from tests.admin.history import DIGITAL, FOOD, make_every_kind_of_log_entry

#: Menu pages are depth 0; their links (a listing's rows, a dashboard panel's
#: links) depth 1; links on those (an edit page's history) depth 2.
MAX_DEPTH = 2
MAX_PAGES_PER_ROLE = 120

#: Links that are not pages to read: they act (on GET they would log out,
#: or start a download) or leave the admin.
SKIP = re.compile(
    r"/logout/|/admin/account/|/admin/bulk/|/preview/|/export|/download|/usage/|/serve/|"
    r"\.(csv|xlsx|json|ics|xml|pdf|txt|jpg|png)$"
)
#: Query parameters that only reorder or page a listing already crawled.
IGNORED_QUERY_KEYS = {"p", "ordering", "next", "export"}

ERROR_MARKERS = ("Internal server error", "Server Error (500)", "Traceback (most recent call")

ROLES = ["admin", "moderator", f"{FOOD}-editor", f"{DIGITAL}-moderator"]


class _Links(HTMLParser):
    """Collects the admin links (`href`) of a page's main content."""

    def __init__(self):
        super().__init__()
        self.links = []
        self._in_main = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main" or attrs.get("id") == "main":
            self._in_main += 1
        if tag == "a" and self._in_main and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "main" and self._in_main:
            self._in_main -= 1


def menu_urls(html):
    """Returns every URL in the sidebar's menu (submenus included)."""
    match = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    assert match, "the admin sidebar was not rendered"
    urls = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "url" and isinstance(value, str):
                    urls.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(match.group(1)))
    return urls


def content_links(html):
    parser = _Links()
    parser.feed(html)
    return parser.links


def shape(url):
    """One key per kind of page: numbers become N, and only the names of
    the query parameters count."""
    parts = urlsplit(url)
    keys = sorted(
        {pair.split("=")[0] for pair in parts.query.split("&") if pair} - IGNORED_QUERY_KEYS
    )
    return re.sub(r"\d+", "N", parts.path), tuple(keys)


def admin_url(href):
    """Returns `href` as an admin path to crawl, or None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/admin/"):
        return None
    if SKIP.search(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client):
    """Visits the admin breadth-first from the dashboard and the menu;
    returns [(url, problem)] for every page that failed, and the pages seen."""
    problems, seen_shapes, visited = [], set(), []
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    html = dashboard.content.decode()
    queue = [(url, 0) for url in menu_urls(html)]
    queue += [(href, 1) for href in content_links(html)]
    while queue and len(visited) < MAX_PAGES_PER_ROLE:
        href, depth = queue.pop(0)
        url = admin_url(href)
        if url is None or shape(url) in seen_shapes:
            continue
        seen_shapes.add(shape(url))
        visited.append(url)
        response = client.get(url, follow=True)
        if response.streaming:  # a download (an export, a file): it answered
            continue
        body = response.content.decode(errors="replace")
        if response.status_code != 200:
            problems.append((url, response.status_code))
            continue
        if any(marker in body for marker in ERROR_MARKERS):
            problems.append((url, "error page"))
            continue
        if depth < MAX_DEPTH and "html" in response.get("Content-Type", ""):
            queue += [(link, depth + 1) for link in content_links(body)]
    return problems, visited


@pytest.fixture
def history(demo):
    return make_every_kind_of_log_entry()


@pytest.mark.parametrize("username", ROLES)
def test_every_admin_page_a_role_can_reach_works(client, login, history, username):
    login(username)
    problems, visited = crawl(client)
    assert problems == []
    # The crawl did reach the menu's pages and beyond, not just the dashboard.
    assert "/admin/reports/site-history/" in visited
    assert len(visited) >= 5


def test_the_crawl_reaches_a_comments_review_page_from_the_queue(client, login, history):
    login("moderator")
    _problems, visited = crawl(client)
    assert any(re.fullmatch(r"/admin/comments/\d+/(\?.*)?", url) for url in visited)
