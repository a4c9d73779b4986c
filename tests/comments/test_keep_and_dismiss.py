""" "Keep and dismiss reports": a reported, approved comment that breaks no
rule stays up, its reports stop counting as open, and the decision is
audited; as a row action and a bulk action, for the right roles only."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from comments.models import Comment, CommentReport, InvalidTransition
from tests.comments.moderation_fixtures import *  # noqa: F403 (fixtures)
from tests.comments.moderation_fixtures import DIGITAL, FOOD, assert_refused, make_comment, user

ROLES = {
    "admin": True,
    "moderator": True,
    f"{FOOD}-moderator": True,
    f"{DIGITAL}-moderator": False,
    f"{FOOD}-editor": False,
}


def reported(page, name="Reported"):
    comment = make_comment(page, status=Comment.Status.APPROVED, name=name)
    for reason in (CommentReport.Reason.OFF_TOPIC, CommentReport.Reason.SPAM):
        CommentReport.objects.create(comment=comment, reason=reason)
    return comment


def open_reports():
    return set(Comment.objects.with_open_reports().values_list("pk", flat=True))


def last_entry(comment):
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Comment), object_id=str(comment.pk)
        )
        .order_by("timestamp", "pk")
        .last()
    )


def test_keep_closes_the_reports_and_leaves_the_comment_up(food_post):
    comment = reported(food_post)
    assert comment.pk in open_reports()
    comment.keep(by=user(f"{FOOD}-moderator"), note="Robust but fair")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.pk not in open_reports()
    assert comment.reports.count() == 2  # dismissed, not deleted
    entry = last_entry(comment)
    assert entry.action == "comments.keep"
    assert entry.data == {"from": "approved", "to": "approved", "note": "Robust but fair"}
    # A new report after the decision opens it again.
    CommentReport.objects.create(comment=comment, reason=CommentReport.Reason.ABUSIVE)
    assert comment.pk in open_reports()


def test_keep_does_not_apply_without_open_reports_or_to_other_states(food_post):
    unreported = make_comment(food_post, status=Comment.Status.APPROVED)
    assert not unreported.can_transition("keep")
    with pytest.raises(InvalidTransition):
        unreported.keep(by=user("moderator"))
    hidden = reported(food_post)
    hidden.hide(by=None)  # hidden automatically, reports still open
    assert not hidden.can_transition("keep")


@pytest.mark.parametrize("username, allowed", ROLES.items())
def test_row_action_matrix(client, editors_can_edit, food_post, username, allowed):
    comment = reported(food_post)
    client.force_login(user(username))
    response = client.post(
        reverse("comments:action", args=[comment.pk, "keep"]),
        {"note": "", "next": "/admin/comments/?state=reported"},
    )
    if allowed:
        assert response.status_code == 302
        assert comment.pk not in open_reports()
        assert last_entry(comment).user == user(username)
    else:
        assert_refused(response)
        assert comment.pk in open_reports()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED


def test_the_queue_offers_keep_on_a_reported_row(client, login, food_post):
    comment = reported(food_post)
    login(f"{FOOD}-moderator")
    html = client.get("/admin/comments/", {"state": "reported"}).content.decode()
    assert reverse("comments:action", args=[comment.pk, "keep"]) in html
    assert "Keep and dismiss reports" in html


@pytest.mark.parametrize("username, allowed", ROLES.items())
def test_bulk_action_matrix(client, editors_can_edit, food_post, username, allowed):
    comments = [reported(food_post, name=f"Reported {n}") for n in range(2)]
    client.force_login(user(username))
    ids = "&".join(f"id={c.pk}" for c in comments)
    url = reverse("wagtail_bulk_action", args=["comments", "comment", "keep"])
    client.post(f"{url}?{ids}", {"note": "In bulk"})
    still_open = open_reports()
    for comment in comments:
        assert (comment.pk in still_open) is not allowed
        comment.refresh_from_db()
        assert comment.status == Comment.Status.APPROVED
