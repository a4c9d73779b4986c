"""Which network a page is in, asked of `networks` (the one place that reads
the page tree): a page, a listing of pages, and every page of some networks
in every language."""

from wagtail.models import Page

import pytest

from blog.models import BlogIndexPage, BlogPostPage
from networks.models import NetworkPage
from networks.permissions import (
    attach_networks,
    in_networks,
    network_for_page,
    networks_for_pages,
)

pytestmark = pytest.mark.django_db


def network(slug, language="en"):
    return NetworkPage.objects.get(slug=slug, locale__language_code=language)


def posts_of(slug, language="en"):
    return list(BlogPostPage.objects.child_of(network(slug, language)))


def site_wide_post():
    index = BlogIndexPage.objects.get(locale__language_code="en")
    return BlogPostPage.objects.child_of(index).first()


def test_a_post_is_in_its_network_and_a_site_wide_post_in_none(demo):
    food = network("food-partnership")
    assert network_for_page(posts_of("food-partnership")[0]) == food
    assert network_for_page(food) == food
    assert network_for_page(demo) is None
    assert network_for_page(site_wide_post()) is None
    assert network_for_page(None) is None


def test_a_translated_post_is_in_the_translated_network(demo):
    polish_post = posts_of("food-partnership", "pl")[0]
    assert network_for_page(polish_post) == network("food-partnership", "pl")


def test_the_networks_of_a_listing_take_one_query(demo, django_assert_num_queries):
    pages = [*posts_of("food-partnership"), *posts_of("digital-practitioners"), site_wide_post()]
    with django_assert_num_queries(1):
        networks = networks_for_pages(pages)
    assert {networks[page.pk].slug if networks[page.pk] else None for page in pages} == {
        "food-partnership",
        "digital-practitioners",
        None,
    }
    with django_assert_num_queries(1):
        attach_networks(pages)
    assert pages[0].network == network("food-partnership")
    assert pages[-1].network is None


def test_every_page_of_a_network_in_every_language(demo):
    food = network("food-partnership")
    pages = in_networks(Page.objects.all(), [food])
    ids = set(pages.values_list("pk", flat=True))
    for language in ("en", "pl", "ur"):
        assert network(food.slug, language).pk in ids
        assert {post.pk for post in posts_of(food.slug, language)} <= ids
    assert not {post.pk for post in posts_of("digital-practitioners")} & ids
    assert demo.pk not in ids
    assert site_wide_post().pk not in ids
    assert in_networks(Page.objects.all(), []).count() == 0
