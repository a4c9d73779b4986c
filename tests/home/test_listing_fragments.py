"""A listing served from its fragment (`{% cached_listing %}`) is the very
page rendered afresh, in every language; and a request with a query
parameter that is not a listing's own (a search's words, a tracking tag)
is never stored as a fragment."""

import datetime

from django.core.cache import cache
from django.test import Client

import pytest

from home import fragments

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
LISTINGS = [
    "/",
    "/ur/",
    "/networks/",
    "/bn/networks/",
    "/networks/?status=active",
    "/networks/food-partnership/",
    "/pl/networks/food-partnership/",
    "/blog/",
    "/pl/blog/",
    "/blog/tag/food/",
    "/consultations/",
    "/events/",
    "/events/past/",
    f"/events/month/{TODAY.year}/{TODAY.month}/",
]


@pytest.mark.parametrize("path", LISTINGS)
def test_a_listing_from_its_fragment_is_the_page_rendered_afresh(demo, path):
    fresh = Client().get(path)
    again = Client().get(path)
    assert fresh.status_code == again.status_code == 200
    assert again.content == fresh.content
    fragments.bump(fragments.LISTINGS)
    assert Client().get(path).content == fresh.content


def test_strangers_words_in_the_address_are_never_stored(demo):
    Client().get("/blog/")
    stored = set(cache._cache)  # the tests' local-memory cache
    Client().get("/blog/?utm_source=newsletter")
    assert set(cache._cache) == stored
