"""RSS and Atom feeds: they parse in feedparser, carry the full content, the
network and tags as categories and the authors' names, never an email, and
pages announce them with <link rel="alternate">."""

import re

import feedparser
import pytest

pytestmark = pytest.mark.django_db

FEEDS = [
    "/blog/feed/rss/",
    "/blog/feed/atom/",
    "/blog/network/food-partnership/feed/rss/",
    "/blog/network/food-partnership/feed/atom/",
    "/blog/tag/trust/feed/rss/",
    "/blog/tag/trust/feed/atom/",
]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
    return response, parsed


@pytest.mark.parametrize("url", FEEDS)
def test_feed_parses_without_error_and_has_entries(client, blog_index, url):
    response, parsed = parse(client, url)
    kind = "rss" if "/rss/" in url else "atom"
    assert parsed.version == ("rss20" if kind == "rss" else "atom10")
    assert response["Content-Type"].startswith(f"application/{kind}+xml")
    assert parsed.feed.title
    assert len(parsed.entries) >= 3
    for entry in parsed.entries:
        assert entry.title
        assert entry.link.startswith("http://testserver/")
        assert entry.get("published_parsed")


@pytest.mark.parametrize("url", FEEDS)
def test_feed_never_carries_an_email_address(client, blog_index, url, make_post, network):
    make_post(network, "Posted by someone with an email", authors=["Pat Example"], tags=["trust"])
    response = client.get(url)
    assert not EMAIL.search(response.content.decode()), url


def test_feed_entries_carry_full_content_network_tags_and_authors(client, blog_index):
    _response, parsed = parse(client, "/blog/network/food-partnership/feed/atom/")
    entry = next(e for e in parsed.entries if e.title.startswith("Five reasons members"))
    content = entry.content[0].value
    # The whole body, table included, not just the introduction.
    assert "The steering group is not recommending a vote yet" in content
    assert "Directors&#x27; legal responsibilities" in content or "Directors' legal" in content
    assert entry.summary.startswith("Sixty-three of you answered")
    categories = {tag.term for tag in entry.tags}
    assert {"Borough Food Partnership", "co-operatives", "governance"} <= categories
    assert entry.author == "Tom Okafor"


def test_rss_items_carry_full_content_in_content_encoded(client, blog_index):
    _response, parsed = parse(client, "/blog/feed/rss/")
    entry = next(e for e in parsed.entries if e.title == "Coproduction cannot be rushed")
    assert "None of that fits in a Gantt chart" in entry.content[0].value
    assert "Digital Practitioners Network" in {tag.term for tag in entry.tags}
    assert "Sunita Mehta" in entry.author


def test_network_feed_holds_only_that_networks_posts(client, blog_index):
    _response, parsed = parse(client, "/blog/network/food-partnership/feed/rss/")
    assert parsed.entries
    for entry in parsed.entries:
        assert "/networks/food-partnership/" in entry.link


def test_tag_feed_holds_only_posts_with_that_tag(client, blog_index):
    _response, parsed = parse(client, "/blog/tag/trust/feed/atom/")
    for entry in parsed.entries:
        assert "trust" in {tag.term for tag in entry.tags}


def test_feed_links_in_content_are_absolute(client, blog_index, network, make_post):
    make_post(
        network,
        "Links inside a post",
        body=[{"type": "paragraph", "value": '<p>See <a href="/about/">about us</a>.</p>'}],
    )
    _response, parsed = parse(client, "/blog/network/food-partnership/feed/rss/")
    entry = next(e for e in parsed.entries if e.title == "Links inside a post")
    assert 'href="http://testserver/about/"' in entry.content[0].value


def test_syndicated_post_credits_its_original_source_in_the_feed(client, blog_index):
    _response, parsed = parse(client, "/blog/network/digital-practitioners/feed/rss/")
    entry = next(e for e in parsed.entries if e.title == "The form nobody could finish")
    assert "First published on Joanna" in entry.content[0].value
    assert "https://notebook.example.org/" in entry.content[0].value


def test_drafts_are_not_in_feeds(client, blog_index, network, make_post):
    make_post(network, "An unpublished draft", publish=False)
    for url in FEEDS[:4]:
        assert b"An unpublished draft" not in client.get(url).content


@pytest.mark.parametrize(
    ("page_url", "feed_url"),
    [
        ("/blog/", "/blog/feed/rss/"),
        ("/blog/tag/trust/", "/blog/tag/trust/feed/rss/"),
        ("/blog/network/food-partnership/", "/blog/network/food-partnership/feed/rss/"),
        ("/networks/food-partnership/", "/blog/network/food-partnership/feed/rss/"),
        (
            "/networks/food-partnership/first-post/",
            "/blog/network/food-partnership/feed/rss/",
        ),
    ],
)
def test_pages_announce_their_feeds(client, blog_index, page_url, feed_url):
    html = client.get(page_url).content.decode()
    head = html.split("</head>", 1)[0]
    assert f'<link rel="alternate" type="application/rss+xml" href="{feed_url}"' in head
    atom_url = feed_url.replace("/rss/", "/atom/")
    assert f'<link rel="alternate" type="application/atom+xml" href="{atom_url}"' in head
    # Each announced feed answers.
    assert client.get(feed_url).status_code == 200
