"""How many queries each public page type runs with the page cache off (a
warm request, as a running server would serve it): exact, so that a change
that adds one is noticed, and within the budget of issue 17 (a post and
every index at most 15). The blog listings and a post also prove that the
count does not grow with their content (tests/blog/test_listing.py,
tests/comments/test_thread_fragment.py)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

pytestmark = pytest.mark.django_db

#: Page → exact queries of a warm anonymous request on the demo content.
QUERIES = {
    "/about/": 1,
    "/": 10,
    "/networks/": 9,
    "/networks/food-partnership/": 17,
    "/blog/": 9,
    "/blog/tag/food/": 10,
    "/networks/food-partnership/first-post/": 1,
    "/pl/networks/food-partnership/first-post/": 1,
    "/consultations/": 8,
    "/networks/food-partnership/should-we-become-a-co-operative/": 2,
    "/networks/food-partnership/food-partnership-priorities/": 5,
    "/networks/food-partnership/weekly-growing-club/": 1,
    "/events/": 8,
}

#: Issue 17's budget: a post, every index and every detail page (open and
#: closed consultation, event) at most this many queries.
BUDGET = 15
WITHIN_BUDGET = [
    "/networks/",
    "/blog/",
    "/networks/food-partnership/first-post/",
    "/pl/networks/food-partnership/first-post/",
    "/consultations/",
    "/events/",
    "/networks/food-partnership/should-we-become-a-co-operative/",
    "/networks/food-partnership/food-partnership-priorities/",
    "/networks/food-partnership/weekly-growing-club/",
]


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
