"""The demo content has comments in every moderation state, with replies,
reports and link flags, in more than one language, and loading it twice
changes nothing."""

import io

from django.core.management import call_command

import pytest

from comments.models import Comment, CommentReport

pytestmark = pytest.mark.django_db


def test_demo_comments_cover_every_state(demo):
    statuses = set(Comment.objects.values_list("status", flat=True))
    assert statuses == {"pending", "approved", "rejected", "spam", "hidden"}
    assert Comment.objects.reported().filter(status="approved").exists()
    assert Comment.objects.filter(parent__isnull=False, status="approved").exists()
    assert Comment.objects.exclude(flags="").exists()
    assert {"pl", "ur"} <= set(Comment.objects.values_list("language", flat=True))
    assert Comment.objects.values("page").distinct().count() >= 4


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (Comment.objects.count(), CommentReport.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Comment.objects.count(), CommentReport.objects.count()) == counts
