"""Readers report an approved comment: one report per IP address per comment;
after the site's number of reports it is hidden (audited) until a moderator
decides; only approved comments can be reported."""

from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from comments.models import Comment, CommentReport, CommentSettings

from .public_helpers import approved_comment, demo_post, html

pytestmark = pytest.mark.django_db


def report(comment, ip="192.0.2.1", client=None, **data):
    client = client or Client(REMOTE_ADDR=ip)
    return client.post(
        reverse("public_comments:report", args=[comment.pk]), {"reason": "abusive", **data}
    )


def test_the_report_page_quotes_the_comment_and_offers_the_reasons(client, demo):
    comment = approved_comment(demo_post(), name="Quoted Person", body="Quoted <b>words</b>")
    response = client.get(reverse("public_comments:report", args=[comment.pk]))
    assert response.status_code == 200
    text = html(response)
    assert "Quoted &lt;b&gt;words&lt;/b&gt;" in text and "<b>words</b>" not in text
    assert "<legend>Why are you reporting this comment?</legend>" in text
    for label in ("Spam", "Abusive or hateful", "Off topic", "Something else"):
        assert f">{label}</label>" in text
    assert '<button type="submit">Send report</button>' in text
    assert comment.email not in text


def test_a_report_is_stored_and_the_reader_thanked(demo):
    comment = approved_comment(demo_post())
    client = Client(REMOTE_ADDR="192.0.2.1")
    url = reverse("public_comments:report", args=[comment.pk])
    response = client.post(url, {"reason": "off_topic", "detail": "About buses."})
    assert response.status_code == 302
    assert response["Location"] == f"{demo_post().url}#comments"
    stored = CommentReport.objects.get(comment=comment)
    assert (stored.reason, stored.detail, stored.ip_address) == (
        "off_topic",
        "About buses.",
        "192.0.2.1",
    )
    assert "A moderator will look at this comment" in html(client.get(response["Location"]))


def test_one_report_per_ip_address_per_comment(demo):
    comment = approved_comment(demo_post())
    report(comment)
    reader = Client(REMOTE_ADDR="192.0.2.1")  # the same address, another browser
    response = report(comment, client=reader)
    assert response.status_code == 302
    assert comment.reports.count() == 1
    assert "already reported" in html(reader.get(response["Location"]))


def test_enough_reports_hide_the_comment_until_a_moderator_decides(client, demo):
    settings = CommentSettings.load()
    settings.reports_to_hide = 2
    settings.save()
    page = demo_post()
    comment = approved_comment(page, body="Reported words.")
    report(comment, ip="192.0.2.1")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    report(comment, ip="192.0.2.2")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN
    entry = ModelLogEntry.objects.filter(object_id=str(comment.pk)).latest("timestamp")
    assert entry.action == "comments.hide" and entry.user is None
    assert entry.data["note"] == "Hidden after 2 reports from readers"
    assert "Reported words." not in html(client.get(page.url))

    # Restored by a moderator, it starts again from no reports.
    comment.restore(note="Fair comment")
    report(comment, ip="192.0.2.3")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    report(comment, ip="192.0.2.4")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.HIDDEN


@pytest.mark.parametrize("status", ["pending", "rejected", "spam", "hidden"])
def test_only_approved_comments_can_be_reported(client, demo, status):
    comment = Comment.objects.create(
        page=demo_post(), name="N", email="n@example.org", body="b", status=status
    )
    url = reverse("public_comments:report", args=[comment.pk])
    assert client.get(url).status_code == 404
    assert report(comment).status_code == 404
    assert not comment.reports.exists()


def test_a_report_without_a_reason_comes_back_with_a_message(demo):
    comment = approved_comment(demo_post())
    response = report(comment, reason="", detail="Something I typed.")
    assert response.status_code == 400
    text = html(response)
    assert "data-error-summary" in text and "Choose why you are reporting this comment." in text
    assert "Something I typed.</textarea>" in text
    response = report(comment, reason="made-up")
    assert response.status_code == 400
    assert not comment.reports.exists()


def test_the_report_link_leads_back_to_the_readers_translation(demo):
    """The reader goes back to the page they were on (?on=), never to a page
    outside the comment's translations."""
    page = demo_post()
    comment = approved_comment(page)
    other = Comment.objects.public().exclude(page__translation_key=page.translation_key).first()
    url = reverse("public_comments:report", args=[comment.pk])
    response = Client().post(f"{url}?on={other.page_id}", {"reason": "spam"})
    assert response["Location"].startswith(page.url)
