"""Redact before approving: a moderator edits a pending comment's text (a
phone number, a name) and publishes the edit in one step. The public page
shows the edited text only; the text as sent is kept for staff (the review
page, the privacy export) and erased with the rest; the edit is audited with
its reason, and the writer is told it was edited and why."""

from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from comments.models import Comment
from comments.privacy import erase_comments, export_comments
from tests.comments.moderation_fixtures import DIGITAL, FOOD, assert_refused, make_comment, user

pytestmark = pytest.mark.usefixtures("without_demo_comments")

SENT = "Ring Dave on 07700 900123 about the spare allotment plots."
EDITED = "Ring Dave about the spare allotment plots."
WHY = "We took out a phone number (house rule 4)."


@pytest.fixture
def pending(food_post):
    mail.outbox.clear()
    return make_comment(food_post, body=SENT, notify=True, email="writer@example.org")


def review_url(comment):
    return reverse("comments:review", args=[comment.pk])


def edit(client, comment, body=EDITED, reason=WHY, **extra):
    return client.post(
        review_url(comment),
        {"action": "edit_and_approve", "body": body, "edit_reason": reason, **extra},
    )


def audit(comment):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_id=str(comment.pk)
    )


def test_the_review_page_offers_edit_and_approve_with_the_text(client, login, pending):
    login(f"{FOOD}-moderator")
    html = client.get(review_url(pending)).content.decode()
    assert ">Edit and approve</button>" in html
    assert f">\n{SENT}</textarea>" in html


def test_edit_and_approve_publishes_the_edit_only(
    client, login, pending, food_post, django_capture_on_commit_callbacks
):
    moderator = login(f"{FOOD}-moderator")
    with django_capture_on_commit_callbacks(execute=True):
        response = edit(client, pending, next="/admin/comments/")
    assert response.status_code == 302 and response["Location"] == "/admin/comments/"
    pending.refresh_from_db()
    assert pending.status == "approved"
    assert pending.body == EDITED and pending.original_body == SENT

    # The public page: the edited text, never the original.
    client.logout()
    public = client.get(food_post.url).content.decode()
    assert EDITED in public
    assert "07700 900123" not in public

    # The audit entry, with the reason (and not the removed words).
    entry = audit(pending).get(action="comments.edit_and_approve")
    assert entry.user == moderator
    assert entry.data == {"from": "pending", "to": "approved", "note": WHY, "edited": True}
    assert "07700" not in str(entry.data)

    # The writer is told it was published with an edit, and why.
    [email] = [m for m in mail.outbox if m.to == ["writer@example.org"]]
    assert email.subject == "Your comment is published"
    assert "A moderator edited it before publishing it" in email.body
    assert WHY in email.body and EDITED in email.body and "07700" not in email.body
    assert WHY in email.alternatives[0][0]


def test_the_original_is_on_the_review_page_for_moderators_only(
    client, login, pending, editors_can_edit
):
    pending.edit_and_approve(EDITED, by=user("moderator"), reason=WHY)
    login(f"{FOOD}-moderator")
    html = client.get(review_url(pending)).content.decode()
    assert "As the writer sent it (staff only, never published)" in html
    assert SENT in html and WHY in html
    # Published now: no second edit is offered.
    assert ">Edit and approve</button>" not in html


def test_a_plain_approval_email_says_nothing_of_an_edit(
    client, login, pending, django_capture_on_commit_callbacks
):
    login("moderator")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("comments:action", args=[pending.pk, "approve"]))
    [email] = [m for m in mail.outbox if m.to == ["writer@example.org"]]
    assert "edited" not in email.body


@pytest.mark.parametrize(
    "body, reason, message",
    [
        (
            "",
            WHY,
            "The edited comment is empty. Take out only what must go, or reject the comment.",
        ),
        ("   ", WHY, "The edited comment is empty."),
        (SENT, WHY, "The text is unchanged: to publish it as it is, use Approve."),
        (EDITED, "", "Say why you edited it: the writer is told."),
    ],
)
def test_bad_edits_are_refused_with_a_message_and_nothing_changes(
    client, login, pending, body, reason, message
):
    login("moderator")
    response = edit(client, pending, body=body, reason=reason)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    if reason:
        assert reason in html  # nothing typed is lost
    pending.refresh_from_db()
    assert pending.status == "pending" and pending.body == SENT and pending.original_body == ""
    assert not audit(pending).exists()
    assert mail.outbox == []


def test_only_a_pending_comment_can_be_edited(client, login, food_post):
    comment = make_comment(food_post, status="approved", body=SENT)
    login("moderator")
    response = edit(client, comment)
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.body == SENT and not audit(comment).exists()


# Who may edit and approve a food-partnership comment, by its id.
ROLES = {
    "admin": True,
    "moderator": True,
    f"{FOOD}-moderator": True,
    f"{DIGITAL}-moderator": False,  # another network's: the comment is not theirs (404)
    f"{FOOD}-editor": False,  # reads the comment, never decides (403)
    f"{DIGITAL}-editor": False,
}


@pytest.mark.parametrize("username, allowed", ROLES.items())
def test_who_may_edit_and_approve(client, editors_can_edit, pending, username, allowed):
    client.force_login(user(username))
    response = edit(client, pending)
    pending.refresh_from_db()
    if allowed:
        assert pending.status == "approved" and pending.body == EDITED
    else:
        assert_refused(response)
        assert pending.status == "pending" and pending.body == SENT
        assert not audit(pending).exists()


def test_the_privacy_export_has_the_text_as_sent_and_erasure_removes_it(pending):
    pending.edit_and_approve(EDITED, by=user("moderator"), reason=WHY)
    [data] = export_comments("writer@example.org")
    assert data["comment"] == EDITED and data["comment_as_sent"] == SENT
    assert erase_comments("writer@example.org") == 1
    pending.refresh_from_db()
    assert pending.original_body == "" and "07700" not in pending.body
