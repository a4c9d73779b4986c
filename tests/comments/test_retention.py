"""Retention, applied daily: approved comments past `anonymise_after_months`
lose their writer's email and IP address (name and words stay); pending,
rejected and spam comments past `delete_declined_after_days` are deleted by
the one purge (audited, replies kept); a comment under an open appeal is
never touched. Frozen time (time-machine), a dry run, the command, the task."""

import datetime
import io
import logging

from django.core.management import call_command
from django.utils import timezone

import pytest
import time_machine

from comments import tasks
from comments.models import Comment, CommentAppeal, CommentSettings
from comments.retention import apply_retention
from tests.comments.moderation_fixtures import make_comment, user

pytestmark = pytest.mark.usefixtures("without_demo_comments")

NOW = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def at(delta, page, status="approved", **fields):
    """A comment posted (and decided) `delta` before NOW."""
    comment = make_comment(
        page, status=status, age=timezone.now() - NOW + delta, ip_address="203.0.113.9", **fields
    )
    Comment.objects.filter(pk=comment.pk).update(decided_at=NOW - delta)
    return comment


@pytest.fixture
def aged(frozen, food_post):
    days = datetime.timedelta(days=1)
    return {
        # 24 months before 1 June 2026 is 1 June 2024.
        "old approved": at(datetime.timedelta(days=731), food_post, name="Old Ann"),
        "approved just inside": at(datetime.timedelta(days=729), food_post, name="Young Ann"),
        "old pending": at(181 * days, food_post, "pending"),
        "old rejected": at(181 * days, food_post, "rejected"),
        "old spam": at(181 * days, food_post, "spam"),
        "young rejected": at(179 * days, food_post, "rejected"),
        "old hidden": at(800 * days, food_post, "hidden"),
    }


def state(comment):
    row = Comment.objects.filter(pk=comment.pk).values("name", "body", "email", "ip_address")
    return row.first()


def test_retention_anonymises_and_deletes_what_is_due(aged):
    counts = apply_retention()
    assert counts == {
        "anonymised": 1,
        "deleted": {"pending": 1, "rejected": 1, "spam": 1},
    }
    old = state(aged["old approved"])
    assert old["email"] == "" and old["ip_address"] is None
    assert old["name"] == "Old Ann" and old["body"] == "A thoughtful comment."
    assert state(aged["approved just inside"])["email"] == "resident@example.org"
    for gone in ("old pending", "old rejected", "old spam"):
        assert state(aged[gone]) is None
    for kept in ("young rejected", "old hidden"):
        assert state(aged[kept]) is not None
    # Applying it again finds nothing more.
    assert apply_retention() == {
        "anonymised": 0,
        "deleted": {"pending": 0, "rejected": 0, "spam": 0},
    }


def test_a_dry_run_counts_and_changes_nothing(aged):
    before = list(Comment.objects.order_by("pk").values())
    counts = apply_retention(dry_run=True)
    assert counts["anonymised"] == 1
    assert counts["deleted"] == {"pending": 1, "rejected": 1, "spam": 1}
    assert list(Comment.objects.order_by("pk").values()) == before


def test_time_moves_comments_into_retention(aged):
    with time_machine.travel(NOW + datetime.timedelta(days=3), tick=False):
        counts = apply_retention()
    # Three days on, "approved just inside" (729 days) is past 24 months and
    # "young rejected" (179 days) past 180 days.
    assert counts["anonymised"] == 2
    assert counts["deleted"]["rejected"] == 2


def test_an_open_appeal_is_never_touched(frozen, food_post):
    rejected = at(datetime.timedelta(days=400), food_post, "rejected")
    CommentAppeal.objects.create(comment=rejected, note="Look again", rejected_by=user("moderator"))
    approved = at(datetime.timedelta(days=900), food_post, "approved")
    # An approved comment whose appeal is still open (overturned elsewhere).
    CommentAppeal.objects.create(comment=approved, note="Look again")
    counts = apply_retention()
    assert counts == {"anonymised": 0, "deleted": {"pending": 0, "rejected": 0, "spam": 0}}
    assert state(rejected) is not None
    assert state(approved)["email"] == "resident@example.org"
    # Once decided, the retention applies.
    CommentAppeal.objects.filter(comment=rejected).update(status="upheld")
    assert apply_retention()["deleted"]["rejected"] == 1


def test_the_periods_are_settings_and_zero_switches_them_off(aged):
    settings = CommentSettings.load()
    settings.anonymise_after_months = 0
    settings.delete_declined_after_days = 0
    settings.save()
    assert apply_retention() == {
        "anonymised": 0,
        "deleted": {"pending": 0, "rejected": 0, "spam": 0},
    }
    settings.anonymise_after_months = 1
    settings.save()
    assert apply_retention()["anonymised"] == 2


def test_the_command_prints_and_logs_the_counts(aged, caplog):
    out = io.StringIO()
    call_command("apply_comment_retention", "--dry-run", stdout=out)
    assert out.getvalue() == (
        "Would anonymise 1 approved comments; would delete 1 pending, 1 rejected and 1 spam "
        "comments.\n"
    )
    assert Comment.objects.count() == len(aged)
    with caplog.at_level(logging.INFO, logger="comments.retention"):
        call_command("apply_comment_retention", stdout=out)
    assert "anonymised 1 approved comments" in caplog.text
    assert "1 pending, 1 rejected, 1 spam" in caplog.text
    assert Comment.objects.count() == len(aged) - 3


def test_the_daily_task_applies_it(aged):
    result = tasks.apply_retention_task.enqueue()
    assert result.return_value == {
        "anonymised": 1,
        "deleted": {"pending": 1, "rejected": 1, "spam": 1},
    }
