"""The spam defences run before anything is stored: honeypot, fill-in time and
rate limits refuse (keeping what was typed); the blocklist stores the comment
as spam through the audited transition; too many links flag it for a moderator."""

import time

from django.test import Client

from wagtail.models import ModelLogEntry

import pytest

from comments.forms import sign_started
from comments.models import Comment, CommentSettings

from .public_helpers import demo_post, html, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment_settings(db):
    settings = CommentSettings.load()
    yield settings


def assert_refused_and_kept(response, status, message, before):
    assert response.status_code == status
    assert Comment.objects.count() == before
    text = html(response)
    assert message in text
    assert "data-error-summary" in text
    assert "Ruth Adeyemi" in text and "Could the Saturday market take card payments?" in text
    return text


def test_the_honeypot_refuses_a_bot_and_keeps_the_text_for_a_person(client, demo):
    before = Comment.objects.count()
    response = post_comment(client, demo_post(), contact_me_by_fax_only="http://spam.example")
    text = assert_refused_and_kept(response, 400, "looked automatic", before)
    # The trap comes back empty, so that a person pressing again gets through.
    assert 'name="contact_me_by_fax_only" id="id_contact_me_by_fax_only" value=""' in text
    assert "http://spam.example" not in text


def test_a_form_sent_faster_than_a_person_types_is_refused(client, demo, site_settings):
    page = demo_post()
    before = Comment.objects.count()
    started = sign_started(time.time() - 1)
    response = post_comment(client, page, started=started)
    text = assert_refused_and_kept(response, 400, "quicker than a person can type", before)
    # The clock keeps running: the same form pressed again later goes through.
    assert f'value="{started}"' in text
    site_settings.min_fill_seconds = 0
    site_settings.save()
    assert post_comment(client, page, started=started).status_code == 302


def test_a_missing_or_forged_timestamp_is_refused(client, demo):
    page = demo_post()
    before = Comment.objects.count()
    forged = f"{int(time.time() * 1000) - 60_000}:forged"
    for started in ("", forged):
        response = post_comment(client, page, started=started)
        assert_refused_and_kept(response, 400, "Something went wrong with the form", before)


def test_the_minimum_fill_in_time_is_a_site_setting(client, demo, site_settings):
    site_settings.min_fill_seconds = 120
    site_settings.save()
    response = post_comment(client, demo_post())  # written in 60 seconds
    assert response.status_code == 400


def test_rate_limit_per_ip_address(client, demo, site_settings):
    site_settings.rate_limit_per_ip = 3
    site_settings.save()
    page = demo_post()
    for i in range(3):
        assert post_comment(client, page, email=f"r{i}@example.org").status_code == 302
    before = Comment.objects.count()
    response = post_comment(client, page, email="r9@example.org")
    assert_refused_and_kept(response, 429, "from your connection in the last hour", before)
    # Another address is not affected.
    other = Client(REMOTE_ADDR="192.0.2.99")
    assert post_comment(other, page, email="r10@example.org").status_code == 302


def test_rate_limit_per_email_address_across_addresses(demo, site_settings):
    site_settings.rate_limit_per_email = 2
    site_settings.save()
    page = demo_post()
    for i in range(2):
        client = Client(REMOTE_ADDR=f"192.0.2.{i + 1}")
        assert post_comment(client, page, email="same@example.org").status_code == 302
    before = Comment.objects.count()
    client = Client(REMOTE_ADDR="192.0.2.50")
    response = post_comment(client, page, email="SAME@example.org")
    assert_refused_and_kept(response, 429, "from this email address", before)


def test_rate_limits_of_zero_are_off(client, demo, site_settings):
    site_settings.rate_limit_per_ip = 0
    site_settings.rate_limit_per_email = 0
    site_settings.save()
    for _ in range(12):
        assert post_comment(client, demo_post()).status_code == 302


@pytest.mark.parametrize(
    ("setting", "entry", "overrides", "note"),
    [
        ("blocked_words", "casino", {"body": "Best CASINO in town!"}, "Blocked word (casino)"),
        ("blocked_words", "casino", {"name": "Casino Royale"}, "Blocked word (casino)"),
        ("blocked_emails", "bad@example.net", {"email": "Bad@Example.net"}, "bad@example.net"),
        ("blocked_emails", "@spam.example", {"email": "x@spam.example"}, "@spam.example"),
        ("blocked_ips", "127.0.0.1", {}, "Blocked IP address (127.0.0.1)"),
        ("blocked_ips", "127.0.0.0/8", {}, "Blocked IP address (127.0.0.0/8)"),
    ],
)
def test_blocklisted_comments_are_stored_as_spam_and_audited(
    client, demo, comment_settings, setting, entry, overrides, note
):
    setattr(comment_settings, setting, f"something-else\n{entry}\n")
    comment_settings.save()
    page = demo_post()
    response = post_comment(client, page, **overrides)
    assert response.status_code == 302
    comment = Comment.objects.latest("pk")
    assert comment.status == Comment.Status.SPAM
    entry = ModelLogEntry.objects.filter(object_id=str(comment.pk)).latest("timestamp")
    assert entry.action == "comments.mark_spam" and entry.user is None
    assert note in entry.data["note"]
    # The poster is told what everyone is told; the public sees nothing.
    assert "held for moderation" in html(client.get(page.url))
    assert comment.body not in html(Client().get(page.url))


def test_a_blocked_word_only_matches_whole_words(client, demo, comment_settings):
    comment_settings.blocked_words = "ass"
    comment_settings.save()
    post_comment(client, demo_post(), body="The class assembled at the bus pass.")
    assert Comment.objects.latest("pk").status == Comment.Status.PENDING


def test_more_links_than_allowed_are_held_and_flagged_not_refused(client, demo, comment_settings):
    assert comment_settings.max_links == 2
    page = demo_post()
    post_comment(client, page, body="See https://a.example and http://b.example/x.")
    assert Comment.objects.latest("pk").flags == ""
    post_comment(client, page, body="https://a.example https://b.example https://c.example")
    comment = Comment.objects.latest("pk")
    assert (comment.status, comment.flags) == (Comment.Status.PENDING, "links:3")


def test_a_refused_post_stores_nothing_at_all(client, demo, site_settings):
    """Not a comment, not a log entry: a refusal leaves no trace in the database."""
    site_settings.rate_limit_per_ip = 1
    site_settings.save()
    page = demo_post()
    post_comment(client, page)
    counts = (Comment.objects.count(), ModelLogEntry.objects.count())
    post_comment(client, page)  # rate limited
    post_comment(client, page, contact_me_by_fax_only="x")  # honeypot
    post_comment(client, page, name="")  # bad input
    assert (Comment.objects.count(), ModelLogEntry.objects.count()) == counts
