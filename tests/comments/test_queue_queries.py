"""The queue's queries: an email-like search looks the address up by its
start (any case) instead of searching every comment's text, the listing's
count comes from the state counts (no second count of the same rows), and
the number of queries per page is fixed."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from comments.models import Comment
from tests.comments.moderation_fixtures import FOOD, make_comment

pytestmark = pytest.mark.usefixtures("without_demo_comments")

QUEUE = "/admin/comments/"


def names_in(response):
    return {c.name for c in response.context["object_list"]}


def test_an_email_like_search_finds_addresses_that_start_with_it_in_any_case(
    client, login, food_post
):
    make_comment(food_post, name="Asha", email="Resident42@Example.org")
    make_comment(food_post, name="Ben", email="resident421@example.org")
    make_comment(food_post, name="Cai", email="someone@example.org", body="mail resident42@x")
    make_comment(food_post, name="Dee", email="theresident42@example.org")
    login(f"{FOOD}-moderator")
    assert names_in(client.get(QUEUE, {"q": "resident42@"})) == {"Asha"}
    assert names_in(client.get(QUEUE, {"q": "RESIDENT42@"})) == {"Asha"}
    assert names_in(client.get(QUEUE, {"q": "resident42@example.org"})) == {"Asha"}
    # Without an "@" it is a search of names, text and addresses anywhere, as before.
    assert names_in(client.get(QUEUE, {"q": "resident42"})) == {"Asha", "Ben", "Cai", "Dee"}
    # The counts follow the same search.
    counts = {
        v: n for v, _label, n in client.get(QUEUE, {"q": "resident42@"}).context["state_counts"]
    }
    assert counts[Comment.Status.PENDING] == 1


def test_editors_still_cannot_look_comments_up_by_email(client, login, editors_can_edit, food_post):
    make_comment(food_post, name="Asha", email="resident42@example.org")
    login(f"{FOOD}-editor")
    assert names_in(client.get(QUEUE, {"q": "resident42@"})) == set()


def comment_counts(queries):
    return [q["sql"] for q in queries if "COUNT(" in q["sql"] and "comments_comment" in q["sql"]]


@pytest.mark.parametrize("state", ["pending", "", "approved", "reported"])
def test_the_listing_is_counted_once_with_the_state_counts(client, login, food_post, state):
    for i in range(30):
        make_comment(food_post, name=f"c{i}", status="pending" if i % 3 else "approved")
    login(f"{FOOD}-moderator")
    client.get(QUEUE)  # the menu badge's count, cached from then on
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(QUEUE, {"state": state})
    # One count per state (grouped), one of the reported, one of the appeals
    # and one of those waiting past their network's target: none for the paginator.
    assert len(comment_counts(ctx.captured_queries)) == 4
    expected = {"pending": 20, "": 30, "approved": 10, "reported": 0}[state]
    assert response.context["paginator"].count == expected
    assert len(response.context["object_list"]) == min(expected, 25)


def test_a_moderators_queue_page_takes_a_fixed_number_of_queries(client, login, food_post):
    for i in range(30):
        make_comment(food_post, name=f"c{i}")
    login(f"{FOOD}-moderator")
    client.get(QUEUE)
    with CaptureQueriesContext(connection) as ctx:
        client.get(QUEUE)
    assert len(ctx.captured_queries) == QUEUE_QUERIES, [q["sql"][:120] for q in ctx]


#: Session and user (2), permissions and profile (3), the moderation scope (3),
#: the networks (1), the state counts (2) and the appeals' (1), the comment
#: settings (1), the networks' targets and the count past them (2), the
#: default locale (1), the menu and filters' choices, the page of comments
#: and their reports, the site.
QUEUE_QUERIES = 29
