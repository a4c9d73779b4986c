"""Waiting times in the moderators' queue: each pending comment says how
long it has waited (in words, the exact time in a `<time>` element), the
longest-waiting first; each network's count past its target, to its own
moderators only; escalated rows marked in words and filterable."""

import re
from datetime import UTC, datetime, timedelta

from django.contrib.auth.models import Permission
from django.utils import timezone, translation

import pytest
import time_machine

from blog.models import BlogIndexPage, BlogPostPage
from comments.escalation import escalate_overdue, waiting_label
from comments.models import Comment
from tests.comments.moderation_fixtures import DIGITAL, FOOD, assert_refused, make_comment, network
from tests.conftest import parse_policy

pytestmark = pytest.mark.usefixtures("without_demo_comments")

QUEUE = "/admin/comments/"
NOW = datetime(2027, 3, 2, 12, 0, tzinfo=UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.mark.parametrize(
    ("age", "words"),
    [
        (timedelta(minutes=40), "waiting 40 min"),
        (timedelta(hours=3, minutes=59), "waiting 3 h"),
        (timedelta(hours=47), "waiting 47 h"),
        (timedelta(days=2, hours=5), "waiting 2 days"),
        (timedelta(days=1, hours=0), "waiting 24 h"),
    ],
)
def test_waiting_time_in_words(age, words):
    assert waiting_label(NOW - age, NOW) == words


def test_waiting_time_is_translated():
    with translation.override("pl"):
        assert waiting_label(NOW - timedelta(days=5), NOW) == "czeka 5 dni"
    with translation.override("bn"):
        assert "3" in waiting_label(NOW - timedelta(hours=3), NOW)
        assert waiting_label(NOW - timedelta(hours=3), NOW) != "waiting 3 h"
    with translation.override("ur"):
        assert waiting_label(NOW - timedelta(hours=3), NOW) != "waiting 3 h"


def rows(html):
    """Returns the comment ids of the queue's rows, in order."""
    found = re.findall(r'<td class="title comment-cell" id="comment-(\d+)"', html)
    return [int(pk) for pk in found]


def test_each_pending_comment_says_how_long_it_waited(client, login, food_post, frozen):
    comment = make_comment(food_post, age=timedelta(hours=3, minutes=10))
    login(f"{FOOD}-moderator")
    html = client.get(QUEUE).content.decode()
    posted = timezone.localtime(comment.created_at).isoformat()
    time = rf'<time datetime="{re.escape(posted)}" title="[^"]+">waiting 3 h</time>'
    assert re.search(time, html)
    assert re.search(r"ordering=-created_at[^>]*>\s*Waiting\s*</a>", html)  # the sorted heading


def test_oldest_first_by_default_and_sortable_the_other_way(client, login, food_post, frozen):
    newest = make_comment(food_post, age=timedelta(hours=1))
    oldest = make_comment(food_post, age=timedelta(days=3))
    middle = make_comment(food_post, age=timedelta(hours=30))
    login(f"{FOOD}-moderator")
    assert rows(client.get(QUEUE).content.decode()) == [oldest.pk, middle.pk, newest.pk]
    reverse_order = client.get(QUEUE + "?ordering=-created_at").content.decode()
    assert rows(reverse_order) == [newest.pk, middle.pk, oldest.pk]


def past_target_section(html):
    match = re.search(r'<section class="comment-targets.*?</section>', html, re.S)
    return re.sub(r"\s+", " ", match.group(0)) if match else ""


def test_each_network_counts_the_comments_past_its_target(
    client, login, food_post, digital_post, frozen
):
    food = network(FOOD)
    food.moderation_target_hours = 4
    food.save_revision().publish()
    make_comment(food_post, age=timedelta(hours=5))  # past food's 4 h
    make_comment(food_post, age=timedelta(hours=3))  # not yet
    make_comment(digital_post, age=timedelta(hours=5))  # digital: the 24 h default
    make_comment(digital_post, age=timedelta(hours=25))
    make_comment(digital_post, age=timedelta(hours=26))
    login("moderator")
    section = past_target_section(client.get(QUEUE).content.decode())
    assert "Waiting past the network's target" in section
    assert f"{food.title}</a>: 1 past the 4 h target" in section
    assert f"{network(DIGITAL).title}</a>: 2 past the 24 h target" in section
    assert f"network={food.pk}" in section


COUNTS = """
network | ed A | mod A | ed B | mod B | site mod | admin
A       | yes  | yes   | no   | no    | yes      | yes
B       | no   | no    | yes  | yes   | yes      | yes
"""


@pytest.mark.parametrize(("network_key", "role", "shown"), parse_policy(COUNTS))
def test_who_sees_which_networks_count(
    as_role, editors_can_edit, food_post, digital_post, frozen, network_key, role, shown
):
    make_comment(food_post, age=timedelta(days=2))
    make_comment(digital_post, age=timedelta(days=2))
    title = {"A": network(FOOD).title, "B": network(DIGITAL).title}[network_key]
    section = past_target_section(as_role(role).get(QUEUE).content.decode())
    assert (f"{title}</a>: 1 past" in section) == shown


def test_nothing_past_the_target_shows_no_section(client, login, food_post, frozen):
    make_comment(food_post, age=timedelta(hours=2))
    login(f"{FOOD}-moderator")
    assert past_target_section(client.get(QUEUE).content.decode()) == ""


def test_escalated_rows_say_so_and_can_be_filtered(client, login, food_post, frozen):
    late = make_comment(food_post, age=timedelta(days=2), body="Late one")
    fresh = make_comment(food_post, age=timedelta(hours=1), body="Fresh one")
    assert escalate_overdue() == 1
    login(f"{FOOD}-moderator")
    html = client.get(QUEUE).content.decode()
    assert html.count(">Escalated</strong>") == 1
    assert rows(client.get(QUEUE + "?escalated=yes").content.decode()) == [late.pk]
    assert rows(client.get(QUEUE + "?escalated=no").content.decode()) == [fresh.pk]
    # Once decided, a comment no longer counts as escalated.
    late.approve()
    assert rows(client.get(QUEUE + "?escalated=yes").content.decode()) == []
    assert Comment.objects.escalated().count() == 0


def test_the_escalated_filter_stays_within_the_moderators_networks(
    client, login, food_post, digital_post, frozen
):
    make_comment(food_post, age=timedelta(days=2))
    theirs = make_comment(digital_post, age=timedelta(days=2))
    escalate_overdue()
    login(f"{DIGITAL}-moderator")
    assert rows(client.get(QUEUE + "?escalated=yes").content.decode()) == [theirs.pk]


def test_anonymous_and_staff_without_a_queue_are_refused_the_filter(
    client, user_factory, food_post
):
    response = client.get(QUEUE + "?escalated=yes")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    nobody = user_factory(username="no-rights")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    assert_refused(client.get(QUEUE + "?escalated=yes"))


def test_site_wide_pages_count_past_the_site_default(client, login, frozen):
    site_wide = BlogPostPage.objects.child_of(BlogIndexPage.objects.first()).first()
    comment = make_comment(site_wide, age=timedelta(hours=30))
    assert comment.network_id is None
    login("moderator")
    section = past_target_section(client.get(QUEUE).content.decode())
    assert "Pages outside every network: 1 past the 24 h target" in section
    login(f"{FOOD}-moderator")
    assert past_target_section(client.get(QUEUE).content.decode()) == ""
