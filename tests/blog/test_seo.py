"""What search engines and link previews see: description, canonical URL,
Open Graph, schema.org JSON-LD (safely escaped), the sitemap and site search."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

pytestmark = pytest.mark.django_db

POST_URL = "/networks/food-partnership/first-post/"


def head_of(response):
    return response.content.decode().split("</head>", 1)[0]


def json_ld_of(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_post_has_description_canonical_and_open_graph(client, blog_index):
    head = head_of(client.get(POST_URL))
    assert '<meta name="description" content="Before members vote in the spring' in head
    assert f'<link rel="canonical" href="http://localhost{POST_URL}">' in head
    assert '<meta property="og:type" content="article">' in head
    assert (
        '<meta property="og:title" content="Should we become a co-operative? Tell us why not">'
        in head
    )
    assert f'<meta property="og:url" content="http://localhost{POST_URL}">' in head
    assert '<meta property="og:site_name" content="Commons">' in head
    assert '<meta property="article:tag" content="governance">' in head


def test_post_describes_itself_as_a_schema_org_blog_posting(client, blog_index):
    schema = json_ld_of(head_of(client.get(POST_URL)))
    assert schema["@type"] == "BlogPosting"
    assert schema["headline"] == "Should we become a co-operative? Tell us why not"
    assert [author["name"] for author in schema["author"]] == ["Amira Khan", "Tom Okafor"]
    assert schema["publisher"]["name"] == "Borough Food Partnership"
    assert "governance" in schema["keywords"]
    assert schema["datePublished"].startswith(str(client.get(POST_URL).context["page"].date))


def test_json_ld_cannot_be_broken_out_of(client, network, make_post):
    hostile = "</script><script>alert(1)</script><!--"
    post = make_post(network, hostile, authors=[hostile], intro=hostile)
    html = client.get(post.url).content.decode()
    assert "<script>alert(1)" not in html
    schema = json_ld_of(html.split("</head>", 1)[0])
    # Escaped, yet the data is intact for a JSON-LD reader.
    assert schema["headline"] == hostile
    assert schema["author"][0]["name"] == hostile


def test_a_syndicated_post_names_its_source_and_points_canonical_at_it(client, blog_index):
    url = "/networks/digital-practitioners/the-form-nobody-could-finish/"
    html = client.get(url).content.decode()
    original = "https://notebook.example.org/2026/the-form-nobody-could-finish"
    assert f'<link rel="canonical" href="{original}">' in html
    assert f'This post first appeared on <a href="{original}">Joanna&#x27;s notebook</a>' in html
    assert json_ld_of(html.split("</head>", 1)[0])["isBasedOn"] == original


def test_filtered_lists_have_their_own_canonical_url_and_title(client, blog_index):
    head = head_of(client.get("/blog/tag/trust/", {"page": 1}))
    assert '<link rel="canonical" href="http://localhost/blog/tag/trust/">' in head
    assert '<meta property="og:title" content="Posts tagged “trust”">' in head
    assert "<title>Posts tagged “trust” · Commons</title>" in head


def test_every_live_post_is_in_the_sitemap(client, blog_index):
    from blog.models import BlogPostPage

    xml = client.get("/sitemap.xml").content.decode()
    # In every language (see tests/i18n/test_sitemap.py).
    posts = BlogPostPage.objects.live().public()
    assert posts.count() >= 12
    assert posts.exclude(locale_id=blog_index.locale_id).exists()
    for post in posts:
        assert f"<loc>{post.full_url}</loc>" in xml


def test_drafts_are_not_in_the_sitemap(client, network, make_post):
    draft = make_post(network, "Not ready yet", publish=False)
    assert draft.slug.encode() not in client.get("/sitemap.xml").content


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Coproduction cannot be rushed", "Coproduction cannot be rushed"),  # title
        ("Gantt chart", "Coproduction cannot be rushed"),  # body
        ("delivery note", "Five reasons members gave us"),  # body
        ("two-year grant", "Trust takes longer than a funding cycle"),  # intro
        ("places", "Ten clubs, ten hosts, one network"),  # tag only
    ],
)
def test_site_search_finds_posts(client, blog_index, query, expected):
    html = client.get("/search/", {"q": query}).content.decode()
    assert expected in html, query


def test_site_search_finds_a_new_post_by_its_tag(
    client, network, make_post, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_post(network, "Seed swap at the library", tags=["heirloom-tomatoes"])
    html = client.get("/search/", {"q": "heirloom-tomatoes"}).content.decode()
    assert "Seed swap at the library" in html


def test_site_search_runs_the_same_queries_however_many_posts_match(
    client, network, make_post, django_capture_on_commit_callbacks
):
    """Only the page of results shown is loaded in full (10 posts), so the
    search page's cost does not grow with the number of matches."""

    def add_posts(count):
        with django_capture_on_commit_callbacks(execute=True):
            for _ in range(count):
                make_post(network, intro="A note about the compost rota.")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = client.get("/search/", {"q": "compost"}).content.decode()
        return len(captured), html

    add_posts(12)
    client.get("/search/", {"q": "compost"})  # warm the sites' root paths
    few, html = queries()
    assert "12 results" in html
    add_posts(15)
    many, html = queries()
    assert "27 results" in html
    assert html.count('class="result-list__title"') == 10
    assert many == few


def test_site_search_pages_through_every_match_once(
    client, network, make_post, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        titles = {make_post(network, intro="Rota for the orchard.").title for _ in range(13)}
    shown = []
    for number in (1, 2):
        html = client.get("/search/", {"q": "orchard", "page": number}).content.decode()
        shown += [title for title in titles if f">{title}</a>" in html]
    assert sorted(shown) == sorted(titles)
