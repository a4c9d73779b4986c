"""Reports → Site history reads every kind of entry the project writes, and
shows moderation history to the people who moderate: every comment's to a
site moderator, their networks' to a network moderator, none to an editor."""

from django.urls import reverse

import pytest

from tests.admin.history import DIGITAL, FOOD, make_every_kind_of_log_entry

SITE_HISTORY = "/admin/reports/site-history/"


@pytest.fixture
def history(demo):
    return make_every_kind_of_log_entry()


def test_site_history_renders_every_kind_of_entry_for_the_site_admin(client, login, history):
    login("admin")
    response = client.get(SITE_HISTORY)
    assert response.status_code == 200
    html = response.content.decode()
    for label in (
        "Food Commenter",
        "Digital Commenter",
        "Comment #",  # purged
        "Joiner Accepted",
        "Joiner Declined",
        "Proposed Accepted",
        "Proposed Declined",
    ):
        assert label in html, label
    # A comment's entry links to its review page; join requests and proposals
    # to their own pages.
    assert reverse("comments:review", args=[history["food"].pk]) in html
    assert "/admin/join-requests/" in html
    assert "/admin/network-proposals/" in html


@pytest.mark.parametrize(
    "username, sees_food, sees_digital",
    [
        ("admin", True, True),
        ("moderator", True, True),
        (f"{FOOD}-moderator", True, False),
        (f"{DIGITAL}-moderator", False, True),
        (f"{FOOD}-editor", False, False),
    ],
)
def test_who_reads_moderation_history(client, login, history, username, sees_food, sees_digital):
    login(username)
    response = client.get(SITE_HISTORY)
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Food Commenter" in html) is sees_food
    assert ("Digital Commenter" in html) is sees_digital


def test_a_network_moderator_gets_a_link_to_review_their_comment(client, login, history):
    login(f"{FOOD}-moderator")
    html = client.get(SITE_HISTORY).content.decode()
    assert reverse("comments:review", args=[history["food"].pk]) in html


def test_the_site_moderator_can_filter_history_by_comment_actions(client, login, history):
    login("moderator")
    response = client.get(SITE_HISTORY, {"action": "comments.hide"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Food Commenter" in html
    assert "Digital Commenter" not in html
