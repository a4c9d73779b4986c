"""How many queries each public page type runs with the page cache off (a
warm request, as a running server would serve it): exact, so that a change
that adds one is noticed, and within the budget of issue 17 (a post, every
index and listing, the network page and their translations at most 15; the
sitemap fewer). A listing's items come from its fragment on a warm request;
rendered afresh they run a number of queries that does not grow with their
content (tests/blog/test_listing_fragments.py, tests/blog/test_listing.py,
tests/comments/test_thread_fragment.py)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()

#: Page → exact queries of a warm anonymous request on the demo content.
QUERIES = {
    "/about/": 1,
    "/": 1,
    "/ur/": 1,
    "/networks/": 1,
    "/bn/networks/": 1,
    "/networks/food-partnership/": 2,
    "/pl/networks/food-partnership/": 2,
    "/blog/": 1,
    "/pl/blog/": 1,
    "/blog/tag/food/": 2,
    "/networks/food-partnership/first-post/": 1,
    "/pl/networks/food-partnership/first-post/": 1,
    "/consultations/": 1,
    "/networks/food-partnership/should-we-become-a-co-operative/": 2,
    "/networks/food-partnership/food-partnership-priorities/": 5,
    "/networks/food-partnership/weekly-growing-club/": 1,
    "/events/": 1,
    f"/events/month/{TODAY.year}/{TODAY.month}/": 1,
    "/sitemap.xml": 7,
    # PostgreSQL's full-text backend runs two more (its count and ranking).
    "/search/?q=network": 15 if connection.vendor == "sqlite" else 17,
}

#: Issue 17's budget: a post, every index and every detail page (open and
#: closed consultation, event) at most this many queries.
BUDGET = 15
#: Search is neither a post nor an index (its queries are the search backend's).
WITHIN_BUDGET = [path for path in QUERIES if path not in {"/sitemap.xml", "/search/?q=network"}]
#: The sitemap, fewer than a page (it was 22).
SITEMAP_BUDGET = 10


def warm_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_each_page_type_runs_its_exact_number_of_queries(client, demo):
    counted = {url: warm_queries(client, url) for url in QUERIES}
    assert counted == QUERIES


@pytest.mark.parametrize("url", WITHIN_BUDGET)
def test_posts_and_indexes_stay_within_the_budget(client, demo, url):
    assert warm_queries(client, url) <= BUDGET


def test_the_sitemap_runs_fewer_queries_than_a_page(client, demo):
    assert warm_queries(client, "/sitemap.xml") <= SITEMAP_BUDGET
