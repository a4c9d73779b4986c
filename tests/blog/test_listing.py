"""The blog index, network post lists and tag pages: what readers see, what
they must not see, and a query count that does not grow with the content."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from blog.models import BlogIndexPage, BlogPostPage

pytestmark = pytest.mark.django_db


def titles_in(response):
    return [post.title for post in response.context["posts"]]


def test_index_lists_posts_from_every_network_and_the_site_newest_first(client, blog_index):
    response = client.get("/blog/")
    assert response.status_code == 200
    posts = response.context["posts"]
    dates = [post.date for post in posts]
    assert dates == sorted(dates, reverse=True)
    networks = {post.network.slug if post.network else None for post in posts}
    assert {"food-partnership", "young-people", "health-wellbeing"} <= networks
    html = response.content.decode()
    assert "Five reasons members gave us for not becoming a co-operative" in html
    assert "Borough Food Partnership" in html


def test_index_paginates(client, blog_index):
    first = client.get("/blog/")
    second = client.get("/blog/", {"page": 2})
    assert len(first.context["posts"]) == 10
    assert second.status_code == 200
    assert set(titles_in(first)).isdisjoint(titles_in(second))
    assert 'rel="next"' in first.content.decode()


def test_site_wide_posts_live_under_the_blog(client, blog_index):
    response = client.get("/blog/why-the-networks-publish-together/")
    assert response.status_code == 200
    assert "Why the borough&#x27;s networks now publish together" in response.content.decode()


def test_drafts_and_private_posts_are_not_listed(client, blog_index, network, make_post):
    make_post(network, "A draft about compost", publish=False)
    private = make_post(network, "A members-only note about compost")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for url in ("/blog/", "/blog/network/food-partnership/", "/networks/food-partnership/"):
        html = client.get(url).content.decode()
        assert "compost" not in html, url


def test_network_post_list_shows_only_that_network(client, network):
    response = client.get("/blog/network/food-partnership/")
    assert response.status_code == 200
    assert {post.network.pk for post in response.context["posts"]} == {network.pk}
    html = response.content.decode()
    assert "Posts from Borough Food Partnership" in html
    assert "Ten clubs, ten hosts, one network" not in html


def test_unknown_network_or_tag_is_not_found(client, blog_index):
    assert client.get("/blog/network/no-such-network/").status_code == 404
    assert client.get("/blog/tag/no-such-tag/").status_code == 404
    assert client.get("/blog/tag/no-such-tag/feed/rss/").status_code == 404


def test_tag_page_lists_the_posts_with_that_tag_from_every_network(client, blog_index):
    response = client.get("/blog/tag/trust/")
    assert response.status_code == 200
    posts = response.context["posts"]
    assert posts
    assert all("trust" in [tag.name for tag in post.tags.all()] for post in posts)
    assert len({post.network.pk if post.network else None for post in posts}) >= 3
    assert "Posts tagged “trust”" in response.content.decode()


def test_tags_on_a_post_link_to_their_tag_page(client, blog_index):
    html = client.get("/networks/food-partnership/first-post/").content
    assert b'href="/blog/tag/co-operatives/"' in html
    assert client.get("/blog/tag/co-operatives/").status_code == 200


def test_each_network_page_links_to_its_own_post_list(client, network):
    html = client.get("/networks/food-partnership/").content.decode()
    assert 'href="/blog/network/food-partnership/"' in html
    assert "All posts from Borough Food Partnership" in html
    assert "Ten clubs, ten hosts, one network" not in html


def test_home_page_shows_the_latest_posts_from_every_network(client, blog_index):
    response = client.get("/")
    html = response.content.decode()
    assert "Latest posts" in html
    assert "Five reasons members gave us for not becoming a co-operative" in html
    assert 'href="/blog/"' in html


def test_filter_links_mark_the_current_network(client, network):
    html = client.get("/blog/network/food-partnership/").content.decode()
    assert 'href="/blog/network/food-partnership/" aria-current="page"' in html


def test_a_blog_index_in_another_language_lists_every_post_once_in_its_language_where_translated(
    client, blog_index
):
    """The Polish blog lists every post: the Polish version of those that have
    been translated, the English one of the rest, each marked with its
    language; the English blog lists only English posts."""
    from wagtail.models import Locale

    polish = Locale.objects.get(language_code="pl")
    polish_index = BlogIndexPage.for_locale(polish.pk)
    assert polish_index.locale_id == polish.pk
    assert BlogIndexPage.for_locale(blog_index.locale_id) == blog_index
    response = client.get(polish_index.url, {"page": 1})
    assert response.status_code == 200
    listed = list(response.context["page_obj"].paginator.object_list)
    every_post = BlogPostPage.objects.live().public().filter(locale_id=blog_index.locale_id)
    assert sorted(post.translation_key for post in listed) == sorted(
        post.translation_key for post in every_post
    )
    translated = {post.translation_key for post in listed if post.locale_id == polish.pk}
    assert translated  # the Food Partnership's posts are in Polish
    assert len(translated) < len(listed)  # and the others in English
    html = response.content.decode()
    assert html.count('class="post-summary__title" lang="en">') == sum(
        1 for post in response.context["posts"] if post.locale_id != polish.pk
    )
    english = client.get("/blog/").context["page_obj"].paginator.object_list
    assert {post.locale_id for post in english} == {blog_index.locale_id}


# --- Query counts ---------------------------------------------------------------


LISTING_QUERIES = 9


def count_queries(client, url):
    """Returns the number of queries a warm request to `url` runs."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_posts(make_post, parent, count, start):
    for number in range(start, start + count):
        make_post(
            parent,
            authors=[f"Writer {number}a", f"Writer {number}b", f"Writer {number}c"],
            tags=["counting", f"tag-{number}", f"topic-{number}"],
            days_ago=number,
        )


@pytest.mark.parametrize(
    "url",
    [
        "/blog/",
        "/blog/tag/counting/",
        "/blog/network/food-partnership/",
        "/networks/food-partnership/",
        "/",
    ],
)
def test_listings_run_a_fixed_number_of_queries(client, network, make_post, monkeypatch, url):
    # One page holds every post, so that more posts really means more to show.
    monkeypatch.setattr("blog.models.POSTS_PER_PAGE", 100)
    add_posts(make_post, network, 1, start=1)
    small = count_queries(client, url)
    add_posts(make_post, network, 9, start=2)
    large = count_queries(client, url)
    shown = client.get(url).content.decode().count('class="post-summary"')
    assert large == small, f"{url}: {small} queries with few posts, {large} with many"
    # Beyond what the site's frame costs on a plain page, a listing needs
    # about ten queries: posts, count, authors, tags, networks, filters.
    extra = small - count_queries(client, "/about/")
    # The home page and a network's page also list consultations and events
    # (through their apps' page sections), each a listing of its own.
    listings = 1 if url.startswith("/blog/") else 3
    assert extra <= LISTING_QUERIES * listings, f"{url}: {extra} queries more than a plain page"
    if url.startswith("/blog/"):
        assert shown >= 10


def test_the_blogs_food_tag_has_its_own_slug_beside_the_networks_food_theme(client, blog_index):
    """Blog tags and network themes have tables of their own, so the theme
    "Food" does not push the blog's "food" tag to the slug `food_1`."""
    food_posts = BlogPostPage.objects.live().filter(tags__name="food", locale__language_code="en")
    assert food_posts.exists()
    response = client.get("/blog/tag/food/")
    assert response.status_code == 200
    assert set(titles_in(response)) == {post.title for post in food_posts}
    assert "Posts tagged “food”" in response.content.decode()
    post_html = client.get(food_posts.first().url).content.decode()
    assert 'href="/blog/tag/food/"' in post_html
    assert "food_1" not in post_html
    directory = client.get("/networks/", {"theme": "food"})
    assert [n.slug for n in directory.context["networks"]] == ["food-partnership"]
