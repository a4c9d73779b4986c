"""Appeals: from the receipt, a rejected comment may be appealed once with a
short note; the appeal waits in the queue as "Appeal" and is decided by a
moderator other than the one who rejected it. Overturn publishes the comment
(its own audited transition), uphold keeps it rejected with an outcome note;
the writer is emailed the outcome in their language. Every step is audited."""

from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse

from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

import pytest

from comments import notifications
from comments.models import Comment, CommentAppeal
from comments.privacy import ERASED_APPEAL, erase_comments, export_comments
from home.models import FormRateLimit, SiteSettings
from tests.comments.moderation_fixtures import user
from tests.comments.public_helpers import html
from tests.comments.receipt_helpers import REASON, receipt_of, rejected_comment, send_appeal
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db


def history(comment):
    content_type = ContentType.objects.get_for_model(Comment)
    return list(
        ModelLogEntry.objects.filter(content_type=content_type, object_id=str(comment.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


# --- The writer's side ----------------------------------------------------------


def test_a_rejected_comment_is_appealed_once(client, demo):
    comment = rejected_comment()
    response = send_appeal(client, comment)
    assert response.status_code == 302
    appeal = CommentAppeal.objects.get(comment=comment)
    assert appeal.status == "open"
    assert appeal.rejected_by == user("food-partnership-moderator")
    assert history(comment)[-1] == "comments.appeal"
    body = html(client.get(response["Location"]))
    assert "Another moderator will read your comment again" in body
    assert "Appeal this decision" not in body

    again = send_appeal(client, comment, note="Please, once more.")
    assert again.status_code == 409
    assert "You have already appealed this decision. You can appeal once." in html(again)
    assert "Please, once more." in html(again)  # given back, not lost
    assert CommentAppeal.objects.filter(comment=comment).count() == 1


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("", "Write a short note saying why the decision should change."),
        ("   \n ", "Write a short note saying why the decision should change."),
        ("x" * 1001, "Please keep your note to 1,000 characters or fewer."),
    ],
)
def test_bad_notes_are_refused_and_nothing_is_stored(client, demo, note, message):
    comment = rejected_comment()
    response = send_appeal(client, comment, note=note)
    assert response.status_code == 400
    assert message in html(response)
    assert not CommentAppeal.objects.exists()
    assert "comments.appeal" not in history(comment)


def test_the_honeypot_refuses_an_appeal(client, demo):
    comment = rejected_comment()
    response = client.post(
        receipt_of(comment), {"note": "Look again", "contact_me_by_fax_only": "bot"}
    )
    assert response.status_code == 400
    assert not CommentAppeal.objects.exists()


def test_a_new_appeal_tells_the_moderators_who_may_decide_it(
    client, demo, django_capture_on_commit_callbacks
):
    comment = rejected_comment(by="food-partnership-moderator")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_appeal(client, comment)
    line = "1 appeal against a rejection is waiting for a decision."
    told = {m.to[0]: m for m in mail.outbox if line in m.body}
    assert user("moderator").email in told
    # Not the moderator who rejected it: they may not decide it.
    assert user("food-partnership-moderator").email not in told
    # Nor another network's moderator.
    assert user("digital-practitioners-moderator").email not in told


def test_a_notice_with_only_appeals_waiting_links_to_the_appeals(demo):
    comment = rejected_comment(by="food-partnership-moderator")
    CommentAppeal.open_for(comment, "Please read it again.")
    Comment.objects.filter(status="pending").delete()
    mail.outbox.clear()
    assert notifications.send_moderator_notice(user("moderator")) == 1
    [message] = mail.outbox
    assert "waiting for moderation" not in message.body
    assert "1 appeal against a rejection is waiting for a decision." in message.body
    assert "?state=appeal" in message.body
    # The moderator who rejected it has nothing to do.
    assert notifications.send_moderator_notice(user("food-partnership-moderator")) == 0


def test_appeals_are_rate_limited(client, demo):
    site_settings = SiteSettings.load()
    FormRateLimit.objects.create(settings=site_settings, form="comment-appeal", per_ip=1)
    first, second = rejected_comment(), rejected_comment(email="other@example.org")
    assert send_appeal(client, first).status_code == 302
    response = send_appeal(client, second)
    assert response.status_code == 429
    assert "try again in an hour" in html(response)
    assert not CommentAppeal.objects.filter(comment=second).exists()


@pytest.mark.parametrize("status", ["pending", "approved", "hidden", "spam"])
def test_only_a_rejected_comment_can_be_appealed(client, demo, status):
    comment = rejected_comment()
    Comment.objects.filter(pk=comment.pk).update(status=status)
    response = send_appeal(client, comment)
    assert response.status_code == 409
    assert not CommentAppeal.objects.exists()


def test_an_appeal_link_reused_after_the_decision_is_refused(client, demo):
    comment = rejected_comment()
    send_appeal(client, comment)
    CommentAppeal.objects.get().uphold(by=user("moderator"), note="It names a neighbour.")
    response = send_appeal(client, comment, note="And again")
    assert response.status_code == 409
    assert "Your appeal has been decided. You can appeal once." in html(response)
    assert CommentAppeal.objects.get().status == "upheld"
    # The receipt itself still reads, with the outcome.
    body = html(client.get(receipt_of(comment)))
    assert "kept the decision" in body
    assert "It names a neighbour." in body


# --- The moderators' side -------------------------------------------------------


@pytest.fixture
def appeal(client, demo):
    comment = rejected_comment(email="appealer@example.org", notify=False, language="pl")
    send_appeal(client, comment)
    client.logout()
    return CommentAppeal.objects.get(comment=comment)


def test_the_queue_lists_open_appeals_as_appeal(client, appeal):
    client.force_login(user("moderator"))
    response = client.get(reverse("comments:index") + "?state=appeal")
    body = html(response)
    assert appeal.comment.body in body
    assert reverse("comments:appeal", args=[appeal.pk]) in body
    assert "Decide appeal" in body


# Who may decide an appeal on network A's comment, rejected by A's moderator.
DECIDERS = {
    "editor A": 404,
    "moderator A": 403,  # rejected it: another moderator decides
    "editor B": 404,
    "moderator B": 404,
    "site moderator": 302,
    "admin": 302,
}


@pytest.mark.parametrize(("role", "expected"), DECIDERS.items())
def test_who_may_decide_an_appeal(client, appeal, role, expected):
    client.force_login(user(ROLES[role]))
    url = reverse("comments:appeal", args=[appeal.pk])
    response = client.post(url, {"decision": "overturn", "note": ""})
    assert response.status_code == expected
    appeal.refresh_from_db()
    assert appeal.status == ("overturned" if expected == 302 else "open")
    if role == "moderator A":
        assert "You rejected this comment, so another moderator decides its appeal" in html(
            response
        )
        assert client.get(url).status_code == 403


def test_overturn_publishes_and_tells_the_writer_in_their_language(
    client, appeal, django_capture_on_commit_callbacks
):
    client.force_login(user("moderator"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("comments:appeal", args=[appeal.pk]),
            {"decision": "overturn", "note": "No one is named after all."},
        )
    assert response.status_code == 302
    appeal.refresh_from_db()
    comment = appeal.comment
    comment.refresh_from_db()
    assert comment.status == "approved"
    assert comment.decided_by == user("moderator")
    assert appeal.status == "overturned" and appeal.decided_by == user("moderator")
    assert history(comment)[-3:] == [
        "comments.appeal",
        "comments.approve",
        "comments.appeal_overturned",
    ]
    [message] = [m for m in mail.outbox if m.to == ["appealer@example.org"]]
    assert "No one is named after all." in message.body
    assert message.subject != "The outcome of your appeal"  # in Polish
    assert "/pl/comments/receipt/" in message.body
    # Deciding again is refused.
    again = client.post(
        reverse("comments:appeal", args=[appeal.pk]), {"decision": "uphold", "note": "x"}
    )
    assert again.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == "overturned"


def test_a_writer_who_asked_for_email_hears_of_an_overturn_once(
    client, demo, django_capture_on_commit_callbacks
):
    comment = rejected_comment(email="asked@example.org", notify=True)
    send_appeal(client, comment)
    appeal = CommentAppeal.objects.get(comment=comment)
    mail.outbox.clear()
    client.force_login(user("moderator"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("comments:appeal", args=[appeal.pk]), {"decision": "overturn"})
    assert [m.subject for m in mail.outbox if m.to == ["asked@example.org"]] == [
        "The outcome of your appeal"
    ]
    # A later publication (hidden, then restored) is announced as usual.
    comment.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        comment.hide(by=user("moderator"), note="A complaint came in.")
    with django_capture_on_commit_callbacks(execute=True):
        Comment.objects.get(pk=comment.pk).restore(by=user("food-partnership-moderator"))
    assert "Your comment is published" in [
        m.subject for m in mail.outbox if m.to == ["asked@example.org"]
    ]


def test_uphold_needs_a_note_and_keeps_the_comment_rejected(
    client, appeal, django_capture_on_commit_callbacks
):
    client.force_login(user("moderator"))
    url = reverse("comments:appeal", args=[appeal.pk])
    response = client.post(url, {"decision": "uphold", "note": ""})
    assert response.status_code == 400
    assert "Say why the rejection stands" in html(response)
    appeal.refresh_from_db()
    assert appeal.status == "open"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "uphold", "note": "It names a neighbour."})
    appeal.refresh_from_db()
    assert appeal.status == "upheld" and appeal.outcome_note == "It names a neighbour."
    assert appeal.comment.status == "rejected"
    assert appeal.comment.decision_note == REASON
    assert history(appeal.comment)[-1] == "comments.appeal_upheld"
    assert [m for m in mail.outbox if m.to == ["appealer@example.org"]]


def test_with_one_moderator_a_site_moderator_decides(client, demo):
    # Rejected by the site moderator: a network moderator (another person) may decide.
    comment = rejected_comment(by="moderator")
    send_appeal(client, comment)
    appeal = CommentAppeal.objects.get()
    client.force_login(user("moderator"))
    assert client.get(reverse("comments:appeal", args=[appeal.pk])).status_code == 403
    client.force_login(user("food-partnership-moderator"))
    assert client.get(reverse("comments:appeal", args=[appeal.pk])).status_code == 200


def test_appeal_steps_read_in_words_in_site_history():
    for action in ("comments.appeal", "comments.appeal_overturned", "comments.appeal_upheld"):
        assert registry.action_exists(action)
        assert registry.get_action_label(action) != action


def test_appeals_are_in_the_privacy_export_and_erased_with_the_comments(client, demo):
    comment = rejected_comment(email="private@example.org")
    send_appeal(client, comment, note="My neighbour agreed to be named.")
    [exported] = export_comments("private@example.org")
    assert exported["appeal"]["note"] == "My neighbour agreed to be named."
    assert exported["appeal"]["status"] == "open"
    erase_comments("private@example.org")
    assert CommentAppeal.objects.get().note == ERASED_APPEAL


def test_site_history_and_the_review_page_show_the_appeal_in_words(client, appeal):
    client.force_login(user("moderator"))
    appeal.overturn(by=user("moderator"), note="Fine after all.")
    history_page = html(client.get(reverse("wagtailadmin_reports:site_history")))
    assert "Writer appealed the rejection" in history_page
    assert "Appeal overturned: comment published" in history_page
    review = html(client.get(reverse("comments:review", args=[appeal.comment.pk])))
    assert "Writer appealed the rejection" in review
    assert "by its writer" in review


def test_an_appealed_comment_is_decided_only_through_its_appeal(client, appeal):
    client.force_login(user("moderator"))
    queue = html(client.get(reverse("comments:index") + "?state=appeal"))
    assert reverse("comments:action", args=[appeal.comment.pk, "approve"]) not in queue
    review = client.get(reverse("comments:review", args=[appeal.comment.pk]))
    assert review.context["actions"] == []
    assert reverse("comments:appeal", args=[appeal.pk]) in html(review)
