"""Receipts: every writer gets a private, signed link (no login) that shows
their comment, its state now in words and, once rejected, the moderator's
reason and the house rules; in the page's language, never cached, never
indexed. Forged, tampered, expired and erased links are refused with a
page that names nothing."""

import datetime
import re

from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from comments.models import Comment, CommentSettings
from comments.privacy import erase_comments
from comments.receipts import RECEIPT_SALT
from home.models import SiteSettings
from tests.comments.moderation_fixtures import FOOD, make_comment, post_in
from tests.comments.public_helpers import demo_post, html, post_comment
from tests.comments.receipt_helpers import REASON, receipt_of, rejected_comment

pytestmark = pytest.mark.django_db


def test_the_held_message_gives_the_receipt_link(client, demo):
    page = demo_post()
    response = post_comment(client, page, body="Could the market open at 8?")
    assert response.status_code == 302
    body = html(client.get(page.url))
    assert "held for moderation" in body
    comment = Comment.objects.get(body="Could the market open at 8?")
    # The link signed for this comment (its token carries the second it was
    # signed in, so compare what it says, not the text).
    links = set(re.findall(r'href="(/comments/receipt/[^"/]+/)"', body))
    assert links
    for link in links:
        assert signing.loads(link.split("/")[-2], salt=RECEIPT_SALT)["c"] == comment.pk
        assert link.rsplit(":", 2)[0] == receipt_of(comment).rsplit(":", 2)[0]
    # And it shows the comment, held.
    receipt = client.get(link)
    assert receipt.status_code == 200
    assert "Could the market open at 8?" in html(receipt)
    assert "Held for moderation." in html(receipt)


def test_a_receipt_is_private_and_never_indexed(client, demo):
    comment = make_comment(post_in(FOOD), body="Mine alone.")
    response = client.get(receipt_of(comment))
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == "same-origin"  # the token never leaves the site
    assert '<meta name="robots" content="noindex, nofollow">' in html(response)


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("pending", "Held for moderation."),
        ("approved", "Published."),
        ("hidden", "Taken down."),
        ("spam", "Held for moderation."),  # a spammer learns nothing
    ],
)
def test_the_receipt_says_where_the_comment_stands(client, demo, status, words):
    comment = make_comment(post_in(FOOD), status=status, body="How it stands.")
    body = html(client.get(receipt_of(comment)))
    assert words in body
    assert "Appeal this decision" not in body


def test_a_rejected_comment_shows_the_reason_and_the_house_rules(client, demo):
    comment = rejected_comment()
    body = html(client.get(receipt_of(comment)))
    assert "Not published." in body
    assert REASON in body
    rules = SiteSettings.load().house_rules_page
    assert rules.url in body
    assert "Appeal this decision" in body


def test_the_receipt_is_in_the_language_of_its_link(client, demo):
    comment = make_comment(post_in(FOOD), language="ur", body="میرا تبصرہ")
    link = receipt_of(comment, "ur")
    assert link.startswith("/ur/")
    body = html(client.get(link))
    assert '<html lang="ur" dir="rtl">' in body
    assert "Held for moderation." not in body  # translated


def test_the_decision_email_carries_the_receipt(client, demo, django_capture_on_commit_callbacks):
    comment = make_comment(post_in(FOOD), notify=True, email="told@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        comment.reject(by=None, note=REASON)
    [message] = [m for m in mail.outbox if m.to == ["told@example.org"]]
    link = receipt_of(comment)
    assert link in message.body
    assert "appeal once" in message.body
    assert client.get(link).status_code == 200


def assert_refused_naming_nothing(response, comment, status=404):
    assert response.status_code == status
    body = html(response)
    for secret in (comment.name, comment.body, comment.email, comment.page.title):
        assert secret and secret not in body
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control


def test_a_forged_link_is_refused(client, demo):
    comment = make_comment(post_in(FOOD), name="Quokka Writer", body="Quokka words")
    forged = signing.dumps({"c": comment.pk, "e": "0" * 12}, salt="some.other.salt")
    response = client.get(reverse("public_comments:receipt", args=[forged]))
    assert_refused_naming_nothing(response, comment)
    assert "This link does not work" in html(response)
    response = client.get(reverse("public_comments:receipt", args=["not-a-token"]))
    assert response.status_code == 404


def test_a_tampered_link_is_refused(client, demo):
    comment = make_comment(post_in(FOOD), name="Quokka Writer", body="Quokka words")
    other = make_comment(post_in(FOOD), name="Other Writer", body="Other words")
    token = receipt_of(comment).rstrip("/").split("/")[-1]
    # Someone else's id in the payload, with the old signature.
    payload, rest = token.split(":", 1)
    swapped = signing.dumps({"c": other.pk, "e": "x"}, salt=RECEIPT_SALT).split(":", 1)[0]
    for bad in (f"{swapped}:{rest}", token[:-1] + ("A" if token[-1] != "A" else "B")):
        response = client.get(reverse("public_comments:receipt", args=[bad]))
        assert_refused_naming_nothing(response, comment)
        assert "Other words" not in html(response)


def test_an_expired_link_is_refused_with_a_clear_message(client, demo):
    comment = make_comment(post_in(FOOD), name="Quokka Writer", body="Quokka words")
    link = receipt_of(comment)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=89)):
        assert client.get(link).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(days=91)):
        response = client.get(link)
    assert_refused_naming_nothing(response, comment, status=410)
    assert "This link has expired" in html(response)


def test_the_receipt_period_is_a_setting(client, demo):
    settings = CommentSettings.load()
    settings.receipt_days = 7
    settings.save()
    comment = make_comment(post_in(FOOD))
    link = receipt_of(comment)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        assert client.get(link).status_code == 410


def test_erasing_the_writer_ends_their_links(client, demo):
    comment = make_comment(post_in(FOOD), email="gone@example.org", body="Quokka words")
    link = receipt_of(comment)
    erase_comments("gone@example.org")
    # The comment is still there (anonymised), but the link is refused.
    assert Comment.objects.filter(pk=comment.pk).exists()
    assert_refused_naming_nothing(client.get(link), comment)


def test_a_deleted_comment_link_is_refused(client, demo):
    comment = make_comment(post_in(FOOD))
    link = receipt_of(comment)
    Comment.objects.filter(pk=comment.pk).delete()
    assert client.get(link).status_code == 404
