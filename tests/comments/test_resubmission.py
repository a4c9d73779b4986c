"""A comment form is stored once per rendering: a resident whose answer was
lost (a server killed mid-request) presses "Post comment" again, or
double-clicks it, and their comment is stored once, answered as the first
time; two copies arriving at the same moment are told apart by the unique
submission key; a fresh rendering is a new comment."""

import time
from unittest import mock

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from comments import views
from comments.models import Comment
from home.defences import first_submission, sign_started, submission_key
from tests.racing import at_once, racing_connections

from .public_helpers import approved_comment, demo_post, form_data, html, post_comment

pytestmark = pytest.mark.django_db


def mine(page):
    return Comment.objects.filter(page=page, email="ruth.adeyemi@example.org")


def url(page):
    return reverse("public_comments:post", args=[page.pk])


def test_the_same_form_posted_twice_stores_once_and_answers_the_same(client, demo):
    page = demo_post()
    data = form_data()
    first = client.post(url(page), data)
    outbox = len(mail.outbox)
    second = client.post(url(page), data)
    assert (first.status_code, second.status_code) == (302, 302)
    assert second["Location"] == first["Location"] == f"{page.url}#comments-status"
    (comment,) = mine(page)
    assert comment.submission_key == submission_key(data["started"], data)
    assert len(mail.outbox) == outbox
    # The resident sees their comment held, as after the first answer.
    assert "held for moderation" in html(client.get(second["Location"]))


def test_the_same_rendering_sent_with_other_words_is_another_comment(client, demo):
    """The back button: a resident posts, goes back to the form they sent
    and writes a second comment in it. Its words differ, so it is stored,
    never taken for a copy of the first."""
    page = demo_post()
    data = form_data(body="My first thought.")
    assert client.post(url(page), data).status_code == 302
    assert client.post(url(page), {**data, "body": "And a second one."}).status_code == 302
    assert sorted(mine(page).values_list("body", flat=True)) == [
        "And a second one.",
        "My first thought.",
    ]


def test_a_resubmission_whose_first_answer_was_lost_is_theirs_in_a_new_session(client, demo):
    """The first answer (and its session cookie) never reached the browser:
    the resubmission shows the held comment to them all the same."""
    page = demo_post()
    data = form_data(body="Lost on the way, sent again.")
    assert client.post(url(page), data).status_code == 302
    again = Client(REMOTE_ADDR="127.0.0.1")  # a browser without the first answer's cookie
    response = again.post(url(page), data)
    assert response.status_code == 302
    assert mine(page).count() == 1
    assert "Lost on the way, sent again." in html(again.get(page.url))


def test_a_resubmission_is_not_counted_against_the_rate_limit(client, demo, site_settings):
    site_settings.rate_limit_per_ip = 1
    site_settings.save()
    page = demo_post()
    data = form_data()
    assert client.post(url(page), data).status_code == 302
    assert client.post(url(page), data).status_code == 302
    assert mine(page).count() == 1


def test_a_fresh_rendering_is_a_new_comment(client, demo):
    page = demo_post()
    assert post_comment(client, page).status_code == 302
    assert post_comment(client, page).status_code == 302  # form_data signs a new clock
    assert mine(page).count() == 2


def test_a_reply_posted_twice_stores_once(client, demo):
    page = demo_post()
    parent = approved_comment(page)
    data = form_data(body="A reply, sent twice.")
    reply_url = reverse("public_comments:reply", args=[page.pk, parent.pk])
    assert [client.post(reply_url, data).status_code for _ in range(2)] == [302, 302]
    assert list(parent.replies.values_list("body", flat=True)) == ["A reply, sent twice."]


def test_a_copy_stored_at_the_same_moment_is_answered_as_the_first(client, demo):
    """The race: both copies pass the check before either is stored; the
    unique key refuses the second insert, which is then answered as the
    first, and nothing is stored half-way."""
    page = demo_post()
    data = form_data()
    key = submission_key(data["started"], data)
    Comment.objects.create(
        page=page, name="Ruth", email="ruth.adeyemi@example.org", body="First copy.",
        submission_key=key,
    )  # fmt: skip
    calls = []

    def not_yet_then_real(queryset, key):
        calls.append(key)
        return None if len(calls) == 1 else first_submission(queryset, key)

    with mock.patch.object(views, "first_submission", side_effect=not_yet_then_real):
        response = client.post(url(page), data)
    assert len(calls) == 2  # checked, stored and refused, checked again
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}#comments-status"
    assert list(mine(page).values_list("body", flat=True)) == ["First copy."]
    assert "First copy." in html(client.get(page.url))


def test_clocks_signed_before_the_nonce_still_post_without_a_key(client, demo):
    from django.core import signing

    from home.defences import STARTED_SALT

    old = signing.Signer(salt=STARTED_SALT).sign(str(int((time.time() - 60) * 1000)))
    page = demo_post()
    assert post_comment(client, page, started=old).status_code == 302
    assert mine(page).get().submission_key is None
    # Without a key there is nothing to deduplicate by: a second post is a second comment.
    assert post_comment(client, page, started=old).status_code == 302
    assert mine(page).count() == 2


def test_a_forged_key_is_no_key(client, demo):
    page = demo_post()
    data = form_data()
    post_comment(client, page, started=data["started"])
    forged = data["started"].replace(".", ".f", 1)
    assert submission_key(forged, {}) is None
    response = post_comment(client, page, started=forged)
    assert response.status_code == 400
    assert mine(page).count() == 1


def test_every_rendering_has_its_own_key():
    keys = {submission_key(sign_started(), {}) for _ in range(100)}
    assert len(keys) == 100 and None not in keys


@racing_connections
def test_two_copies_posted_at_the_same_moment_store_once(demo):
    """Two browsers' copies of one rendering, on two database connections,
    released together: both answered as the first, one row."""
    page = demo_post()
    data = form_data(body="Double-clicked.")
    statuses = at_once(lambda: Client(REMOTE_ADDR="127.0.0.1").post(url(page), data).status_code)
    assert statuses == [302] * 4
    assert list(mine(page).values_list("body", flat=True)) == ["Double-clicked."]
