"""Ready-made reasons for rejecting a comment: site admins keep the list in
the comment settings; a moderator rejecting a comment (the queue row, the
review page, bulk) picks one or writes their own, and one or the other is
required. The reason is stored as the decision note, audited, and sent in
the writer's email."""

from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from comments.demo import REJECTION_REASONS
from comments.models import Comment, CommentSettings
from tests.comments.moderation_fixtures import DIGITAL, FOOD, assert_refused, make_comment, user

pytestmark = pytest.mark.usefixtures("without_demo_comments")

OFF_TOPIC = REJECTION_REASONS[0]
QUEUE = "/admin/comments/"


@pytest.fixture(autouse=True)
def reasons(demo):
    """The demo's reasons, as a site admin would have typed them (with a
    blank line and a repeat, which the list leaves out)."""
    settings = CommentSettings.load()
    settings.rejection_reasons = "\n".join([*REJECTION_REASONS, "", OFF_TOPIC])
    settings.save()
    mail.outbox.clear()
    return settings


def audit(comment):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_id=str(comment.pk)
    ).order_by("-timestamp", "-pk")


def reject_url(comment):
    return reverse("comments:action", args=[comment.pk, "reject"])


def test_the_settings_keep_one_reason_a_line_in_order(reasons):
    assert reasons.get_rejection_reasons() == REJECTION_REASONS


def test_the_demo_loads_sensible_reasons():
    from comments.demo import load_rejection_reasons

    settings = CommentSettings.load()
    settings.rejection_reasons = ""
    settings.save()
    load_rejection_reasons()
    assert CommentSettings.load().get_rejection_reasons() == REJECTION_REASONS


def test_every_row_and_the_review_page_offer_the_reasons(client, login, food_post):
    comment = make_comment(food_post)
    login(f"{FOOD}-moderator")
    queue = client.get(QUEUE).content.decode()
    assert f'<option value="{OFF_TOPIC}">{OFF_TOPIC}</option>' in queue
    assert ">Reject</button>" in queue and f'action="{reject_url(comment)}"' in queue
    review = client.get(reverse("comments:review", args=[comment.pk])).content.decode()
    assert f">{OFF_TOPIC}</option>" in review
    assert "Write my own reason" in review


def test_picking_a_reason_rejects_audits_and_tells_the_writer(
    client, login, food_post, django_capture_on_commit_callbacks
):
    comment = make_comment(food_post, notify=True, email="writer@example.org")
    moderator = login(f"{FOOD}-moderator")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reject_url(comment), {"reason": OFF_TOPIC, "next": QUEUE})
    assert response.status_code == 302 and response["Location"] == QUEUE
    comment.refresh_from_db()
    assert comment.status == "rejected" and comment.decision_note == OFF_TOPIC
    entry = audit(comment).first()
    assert entry.action == "comments.reject" and entry.user == moderator
    assert entry.data == {
        "from": "pending",
        "to": "rejected",
        "note": OFF_TOPIC,
        "reason": OFF_TOPIC,
    }
    [email] = [m for m in mail.outbox if m.to == ["writer@example.org"]]
    assert f"The moderator's reason: {OFF_TOPIC}" in email.body


def test_a_reason_and_own_words_go_together(client, login, food_post):
    comment = make_comment(food_post)
    login("moderator")
    client.post(reject_url(comment), {"reason": OFF_TOPIC, "note": "Try the allotments post."})
    comment.refresh_from_db()
    assert comment.decision_note == f"{OFF_TOPIC}\n\nTry the allotments post."


def test_writing_ones_own_reason_on_the_review_page(client, login, food_post):
    comment = make_comment(food_post)
    login("moderator")
    client.post(reject_url(comment), {"reason": "", "note": "Please keep to the co-op vote."})
    comment.refresh_from_db()
    assert comment.status == "rejected"
    assert comment.decision_note == "Please keep to the co-op vote."
    assert "reason" not in audit(comment).first().data


def test_no_reason_and_no_words_is_refused_with_a_message(client, login, food_post):
    comment = make_comment(food_post)
    login("moderator")
    response = client.post(reject_url(comment), {"reason": "", "note": "   ", "next": QUEUE})
    assert response.status_code == 200  # the review page, with the message there
    html = response.content.decode()
    assert "Choose a reason or write one: the writer is told why it is not published." in html
    assert 'name="next" value="/admin/comments/"' in html  # back to the queue afterwards
    comment.refresh_from_db()
    assert comment.status == "pending" and not audit(comment).exists()


def test_a_reason_not_in_the_list_is_refused_and_what_was_typed_stays(client, login, food_post):
    comment = make_comment(food_post)
    login("moderator")
    response = client.post(
        reject_url(comment), {"reason": "Because I said so", "note": "My careful words"}
    )
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert "My careful words" in html
    comment.refresh_from_db()
    assert comment.status == "pending" and not audit(comment).exists()


def test_bulk_reject_with_a_reason(client, login, food_post):
    comments = [make_comment(food_post, name=f"Writer {n}") for n in range(2)]
    login(f"{FOOD}-moderator")
    ids = "&".join(f"id={c.pk}" for c in comments)
    url = f"{reverse('wagtail_bulk_action', args=['comments', 'comment', 'reject'])}?{ids}"
    assert f">{OFF_TOPIC}</option>" in client.get(url).content.decode()
    client.post(url, {"reason": OFF_TOPIC, "note": ""})
    for comment in comments:
        comment.refresh_from_db()
        assert comment.status == "rejected" and comment.decision_note == OFF_TOPIC
        assert audit(comment).first().data["reason"] == OFF_TOPIC


def test_bulk_reject_without_a_reason_is_refused(client, login, food_post):
    comment = make_comment(food_post)
    login(f"{FOOD}-moderator")
    url = (
        f"{reverse('wagtail_bulk_action', args=['comments', 'comment', 'reject'])}?id={comment.pk}"
    )
    response = client.post(url, {"reason": "", "note": ""})
    assert "Choose a reason or write one" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == "pending"


# Who may reject a food-partnership comment with a reason, by its id.
ROLES = {
    "admin": True,
    "moderator": True,
    f"{FOOD}-moderator": True,
    f"{DIGITAL}-moderator": False,
    f"{FOOD}-editor": False,
    f"{DIGITAL}-editor": False,
}


@pytest.mark.parametrize("username, allowed", ROLES.items())
def test_who_may_reject_with_a_reason(client, editors_can_edit, food_post, username, allowed):
    comment = make_comment(food_post)
    client.force_login(user(username))
    response = client.post(reject_url(comment), {"reason": OFF_TOPIC})
    comment.refresh_from_db()
    if allowed:
        assert comment.status == "rejected"
    else:
        assert_refused(response)
        assert comment.status == "pending" and not audit(comment).exists()
