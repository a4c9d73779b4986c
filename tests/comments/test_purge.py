"""purge_comments: only rejected and spam comments past the retention
period go, with a dry run, counts and an audit entry for each; nothing else
is ever deleted."""

import io
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from comments.models import Comment
from tests.comments.moderation_fixtures import make_comment, user

# These tests count exact comments: they start from none (the demo has some).
pytestmark = pytest.mark.usefixtures("without_demo_comments")


@pytest.fixture
def aged(food_post):
    """One comment per state, decided 200 days ago, plus young ones."""
    long_ago = timezone.now() - timedelta(days=200)
    comments = {}
    for status in ["pending", "approved", "rejected", "spam", "hidden"]:
        comment = make_comment(
            food_post, status=status, name=f"old {status}", age=timedelta(days=201)
        )
        Comment.objects.filter(pk=comment.pk).update(decided_at=long_ago)
        comments[f"old {status}"] = comment
    young = make_comment(food_post, name="young rejected")
    young.reject(by=user("moderator"))
    comments["young rejected"] = young
    parent = make_comment(
        food_post, status="rejected", name="old rejected with a reply", age=timedelta(days=300)
    )
    Comment.objects.filter(pk=parent.pk).update(decided_at=long_ago)
    make_comment(food_post, status="approved", name="reply", parent=parent)
    return comments


def run(*args):
    out = io.StringIO()
    call_command("purge_comments", *args, stdout=out)
    return out.getvalue()


def names():
    return set(Comment.objects.values_list("name", flat=True))


def test_dry_run_counts_and_deletes_nothing(aged):
    before = names()
    assert run("--dry-run") == "Would purge 1 rejected and 1 spam comments older than 180 days.\n"
    assert names() == before


def test_purge_removes_only_old_rejected_and_spam(aged):
    old_rejected = aged["old rejected"]
    assert run() == "Purged 1 rejected and 1 spam comments older than 180 days.\n"
    assert names() == {
        "old pending",
        "old approved",
        "old hidden",
        "young rejected",
        "old rejected with a reply",
        "reply",
    }
    entry = ModelLogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=str(old_rejected.pk),
        action="comments.purge",
    )
    assert entry.data == {"status": "rejected", "retention_days": 180}
    assert "old rejected" not in entry.label


def test_retention_is_explicit(aged):
    assert "Purged 0 rejected and 0 spam" in run("--older-than", "365")
    with pytest.raises(CommandError):
        run("--older-than", "0")


def test_a_shorter_retention_reaches_younger_comments(aged):
    young = aged["young rejected"]
    Comment.objects.filter(pk=young.pk).update(decided_at=timezone.now() - timedelta(days=10))
    assert run("--older-than", "7") == "Purged 2 rejected and 1 spam comments older than 7 days.\n"
    assert "young rejected" not in names()
    assert "old rejected with a reply" in names()
