"""The one list of scheduled jobs (home.scheduled) and the command that runs
them: every registered job runs, a failing job does not stop the others (the
command reports it and exits non-zero), --dry-run changes nothing."""

import io
from datetime import timedelta

from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest

from comments.models import Comment
from home import scheduled

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_these_jobs(monkeypatch):
    """An empty registry for the test, the site's own jobs put back after."""
    monkeypatch.setattr(scheduled, "_jobs", {})
    return scheduled


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("run_scheduled_jobs", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_every_app_registers_its_periodic_work():
    names = {job.name: job.every for job in scheduled.registered_jobs()}
    assert names == {
        "publish_scheduled_pages": "hourly",
        "comment_retention": "daily",
        "escalate_overdue_comments": "hourly",
        "remind_overdue_outcomes": "daily",
        "erase_expired_consultation_details": "daily",
        "purge_registrations": "daily",
    }
    # Each registered path names a real callable.
    for job in scheduled.registered_jobs():
        assert callable(job.resolve())


def test_the_command_runs_each_job_of_its_frequency(only_these_jobs):
    ran = []
    only_these_jobs.register("count", lambda: ran.append("count") or 3, every="daily")
    only_these_jobs.register("tick", lambda: ran.append("tick") or "ticked", every="hourly")
    out, _ = run("--daily")
    assert ran == ["count"]
    assert "count: 3" in out
    out, _ = run("--hourly")
    assert ran == ["count", "tick"]
    assert "tick: ticked" in out
    run()  # neither option: both
    assert sorted(ran[2:]) == ["count", "tick"]


def test_a_failing_job_does_not_stop_the_others(only_these_jobs):
    ran = []

    def broken():
        raise RuntimeError("the mail server is down")

    only_these_jobs.register("a_first", lambda: ran.append("a") or 1)
    only_these_jobs.register("b_broken", broken)
    only_these_jobs.register("c_last", lambda: ran.append("c") or 2)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 scheduled job.*failed: b_broken"):
        call_command("run_scheduled_jobs", "--daily", stdout=out, stderr=err)
    assert ran == ["a", "c"]
    assert "b_broken FAILED: RuntimeError: the mail server is down" in err.getvalue()
    assert "2 of 3 job(s) succeeded" in out.getvalue()


def test_a_job_named_by_a_path_that_does_not_exist_is_a_failure_too(only_these_jobs):
    only_these_jobs.register("missing", "comments.privacy.no_such_job")
    with pytest.raises(CommandError, match="missing"):
        run("--daily")


def test_dry_run_changes_nothing(demo):
    long_ago = timezone.now() - timedelta(days=400)
    old_spam = Comment.objects.filter(status=Comment.Status.SPAM).first()
    Comment.objects.filter(pk=old_spam.pk).update(decided_at=long_ago, created_at=long_ago)
    comments_before = Comment.objects.count()
    out, _ = run("--daily", "--dry-run")
    assert "Would run comment_retention (daily)." in out
    assert "nothing was changed" in out
    assert Comment.objects.count() == comments_before
    # ... and the real run purges it.
    out, _ = run("--daily")
    assert not Comment.objects.filter(pk=old_spam.pk).exists()
    assert "comment_retention: " in out


def test_registering_checks_the_frequency(only_these_jobs):
    with pytest.raises(ValueError):
        only_these_jobs.register("weekly", lambda: 0, every="weekly")
