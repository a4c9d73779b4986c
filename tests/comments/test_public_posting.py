"""A resident posts a comment or a reply: Post/Redirect/Get, held for
moderation, shown back to its writer alone; bad input comes back filled in with
a message per field; closed pages refuse every path and store nothing."""

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import pytest

from comments.models import Comment, CommentPolicy

from .public_helpers import (
    approved_comment,
    demo_post,
    form_data,
    html,
    post_comment,
    post_reply,
)

pytestmark = pytest.mark.django_db


def test_a_comment_is_stored_pending_and_the_resident_is_sent_back(client, demo):
    page = demo_post()
    before = Comment.objects.count()
    response = post_comment(client, page, body="Card payments please.\nAnd more benches.")
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}#comments-status"
    assert Comment.objects.count() == before + 1
    comment = Comment.objects.latest("pk")
    assert comment.status == Comment.Status.PENDING
    assert (comment.page_id, comment.parent_id, comment.language) == (page.pk, None, "en")
    assert comment.email == "ruth.adeyemi@example.org"
    assert comment.ip_address == "127.0.0.1"
    assert comment.flags == "" and comment.notify is False

    text = html(client.get(response["Location"]))
    assert "Thank you. Your comment is held for moderation." in text
    assert "Card payments please.<br>And more benches." in text
    # Nobody else sees it: not another visitor, not the same one's public list.
    assert "Card payments please." not in html(Client().get(page.url))


def test_the_thank_you_is_said_once_but_the_held_text_stays_for_its_writer(client, demo):
    page = demo_post()
    post_comment(client, page, body="Still waiting, still mine.")
    first = html(client.get(page.url))
    second = html(client.get(page.url))
    assert "Thank you." in first and "Thank you." not in second
    assert "Still waiting, still mine." in second and "Held for moderation" in second
    Comment.objects.latest("pk").reject()
    assert "Still waiting, still mine." not in html(client.get(page.url))


def test_the_notification_choice_is_stored(client, demo):
    post_comment(client, demo_post(), notify="on")
    assert Comment.objects.latest("pk").notify is True


def test_a_comment_posted_in_polish_is_stored_with_its_language(client, demo):
    page = demo_post()
    client.post(
        f"/pl{reverse('public_comments:post', args=[page.pk])}",
        form_data(),
    )
    assert Comment.objects.latest("pk").language == "pl"


def test_a_reply_to_an_approved_comment_is_stored_under_it(client, demo):
    page = demo_post()
    parent = approved_comment(page)
    response = post_reply(client, page, parent, body="Answering you.")
    assert response.status_code == 302
    reply = Comment.objects.latest("pk")
    assert (reply.parent_id, reply.page_id, reply.status) == (parent.pk, page.pk, "pending")


@pytest.mark.parametrize("kind", ["pending", "rejected", "spam", "hidden", "reply", "elsewhere"])
def test_a_reply_to_anything_but_an_approved_top_level_comment_is_refused(client, demo, kind):
    page = demo_post()
    if kind == "reply":
        parent = approved_comment(page, parent=approved_comment(page))
    elif kind == "elsewhere":
        other = Comment.objects.public().exclude(page__translation_key=page.translation_key)
        parent = other.top_level().first()
    else:
        parent = Comment.objects.create(
            page=page, name="N", email="n@example.org", body="b", status=kind
        )
    before = Comment.objects.count()
    response = post_reply(client, page, parent, body="My careful reply.")
    assert response.status_code == 404
    assert Comment.objects.count() == before
    text = html(response)
    assert "your reply was not posted" in text
    assert "My careful reply.</textarea>" in text  # kept, to post as a new comment
    assert f'action="/comments/{page.pk}/"' in text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Enter your name"),
        ("name", "   ", "Enter your name"),
        ("name", "N" * 81, "Your name must be 80 characters or fewer"),
        ("email", "", "Enter your email address"),
        ("email", "ruth@", "Enter an email address like name@example.com"),
        ("body", "", "Write your comment"),
        ("body", " \n ", "Write your comment"),
        ("body", "x" * 5001, "Your comment must be 5,000 characters or fewer"),
    ],
)
def test_bad_input_comes_back_filled_in_with_a_message_on_the_field(
    client, demo, field, value, message
):
    page = demo_post()
    before = Comment.objects.count()
    typed = {"name": "Ruth Adeyemi", "email": "ruth@example.org", "body": "My words\nkept."}
    typed[field] = value
    response = post_comment(client, page, **typed)
    assert response.status_code == 400
    assert Comment.objects.count() == before
    text = html(response)
    # The error summary (focused by commons.js) links to the field...
    assert 'data-error-summary tabindex="-1"' in text
    assert f'<li><a href="#id_{field}">{message}' in text
    # ...and the field carries its own message, marked invalid and described by it.
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{message}' in text
    widget = text.split(f'id="id_{field}"')[0].rsplit("<", 1)[1]
    assert 'aria-invalid="true"' in widget and f"id_{field}_error" in widget
    # Everything else typed is still there.
    for other, kept in typed.items():
        if other != field:
            assert kept.replace("\n", "\n") in text


def test_trusted_commenters_are_approved_automatically_where_the_network_allows(client, demo):
    page = demo_post()
    network = page.get_parent().specific
    network.comment_policy = CommentPolicy.TRUST_REGULARS
    network.trusted_after = 2
    network.save()
    email = "regular@example.org"
    for _ in range(2):
        approved_comment(page, email=email)
    post_comment(client, page, email="REGULAR@example.org", body="Trusted words.")
    comment = Comment.objects.latest("pk")
    assert comment.status == Comment.Status.APPROVED
    entry = ModelLogEntry.objects.filter(object_id=str(comment.pk)).latest("timestamp")
    assert entry.action == "comments.approve" and entry.user is None
    assert entry.data["note"] == "Trusted commenter"
    assert "Thank you. Your comment is published." in html(client.get(page.url))


def test_not_trusted_with_too_few_approvals_a_rejection_or_the_default_policy(client, demo):
    page = demo_post()
    network = page.get_parent().specific
    email = "almost@example.org"
    for _ in range(3):
        approved_comment(page, email=email)
    # Hold every comment (the default): held.
    post_comment(client, page, email=email)
    assert Comment.objects.latest("pk").status == Comment.Status.PENDING
    network.comment_policy = CommentPolicy.TRUST_REGULARS
    network.trusted_after = 5
    network.save()
    post_comment(client, page, email=email)
    assert Comment.objects.latest("pk").status == Comment.Status.PENDING
    network.trusted_after = 3
    network.save()
    Comment.objects.create(page=page, name="A", email=email, body="b").reject()
    post_comment(client, page, email=email)
    assert Comment.objects.latest("pk").status == Comment.Status.PENDING


def test_a_trusted_commenter_with_too_many_links_is_still_held(client, demo):
    page = demo_post()
    network = page.get_parent().specific
    network.comment_policy = CommentPolicy.TRUST_REGULARS
    network.trusted_after = 1
    network.save()
    approved_comment(page, email="linker@example.org")
    body = "https://a.example https://b.example https://c.example"
    post_comment(client, page, email="linker@example.org", body=body)
    comment = Comment.objects.latest("pk")
    assert (comment.status, comment.flags) == ("pending", "links:3")


def close_by_page(page):
    page.comments_open = False
    page.save()
    return "Comments are closed on this page."


def close_by_age(page):
    page.comments_close_after_days = 10
    page.first_published_at = timezone.now() - timedelta(days=11)
    page.save()
    return "Comments closed automatically"


def close_by_network(page):
    network = page.get_parent().specific
    network.comments_close_after_days = 5
    network.save()
    page.first_published_at = timezone.now() - timedelta(days=6)
    page.save()
    return "Comments closed automatically"


def close_by_page_type(page, monkeypatch):
    monkeypatch.setattr(
        type(page), "get_comments_closed_reason", lambda self: "The consultation has closed."
    )
    return "The consultation has closed."


@pytest.mark.parametrize("close", [close_by_page, close_by_age, close_by_network, "page_type"])
def test_every_path_refuses_once_comments_are_closed(client, demo, close, monkeypatch):
    page = demo_post()
    parent = approved_comment(page)
    reason = close_by_page_type(page, monkeypatch) if close == "page_type" else close(page)
    before = (Comment.objects.count(), parent.reports.count())

    text = html(client.get(page.url))
    assert reason in text and 'id="id_body"' not in text and "?reply_to=" not in text

    response = post_comment(client, page, body="Too late, sadly.")
    assert response.status_code == 403
    assert reason in html(response) and "Too late, sadly.</textarea>" in html(response)

    response = post_reply(client, page, parent, body="Late reply.")
    assert response.status_code == 403 and "Late reply.</textarea>" in html(response)

    report_url = reverse("public_comments:report", args=[parent.pk])
    assert reason in html(client.get(report_url))
    response = client.post(report_url, {"reason": "spam"})
    assert response.status_code == 403 and "Reports are closed too" in html(response)

    assert (Comment.objects.count(), parent.reports.count()) == before


def test_a_page_that_is_not_live_or_takes_no_comments_refuses(client, demo):
    page = demo_post()
    before = Comment.objects.count()
    assert post_comment(client, page.get_parent()).status_code == 404  # a network page
    page.unpublish()
    assert post_comment(client, page).status_code == 404
    assert client.get(reverse("public_comments:post", args=[page.pk])).status_code == 405
    assert Comment.objects.count() == before


def test_after_a_refused_comment_reply_and_cancel_links_lead_back_to_the_page(client, demo):
    # The refused form is shown at the form's own address (POST only), so
    # links relative to it would answer 405.
    page = demo_post()
    parent = approved_comment(page)
    text = html(post_comment(client, page, body=""))
    reply_link = f'href="{page.url}?reply_to={parent.pk}#comment-form"'
    assert reply_link in text
    assert 'href="?reply_to=' not in text
    text = html(post_reply(client, page, parent, body=""))
    assert f'href="{page.url}#comment-{parent.pk}">Cancel reply' in text
    assert client.get(f"{page.url}?reply_to={parent.pk}").status_code == 200


def test_a_comment_as_long_as_the_box_allows_is_taken_with_its_line_breaks(client, demo):
    # The box allows 5,000 characters, counting a line break as one; the
    # browser sends each as two (CR LF).
    page = demo_post()
    body = "\r\n".join(["Line of thought."] * 250)  # 4,000 + 249 breaks
    body = body + "\r\n" + "x" * (5000 - len(body.replace("\r\n", "\n")) - 1)
    assert len(body.replace("\r\n", "\n")) == 5000 and len(body) > 5000
    response = post_comment(client, page, body=body)
    assert response.status_code == 302
    stored = Comment.objects.latest("pk").body
    assert len(stored) == 5000 and "\r" not in stored
