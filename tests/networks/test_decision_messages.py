"""Deciding a join request: the page says the person will be emailed and
takes a message that goes with the email, stored with the decision and in
the audit log; dates read as people read them."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from networks.models import JoinRequest, NetworkPage, NetworkProposal

pytestmark = pytest.mark.django_db

RECEIVED = datetime(2026, 12, 1, 9, 18, 41, 50999, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def join_request(demo):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    return JoinRequest.objects.create(
        network=network, name="Ada Lovelace", email="ada@example.org", created_at=RECEIVED
    )


def test_the_decision_page_says_who_is_emailed_and_reads_dates(client, login, join_request):
    login("food-partnership-editor")
    html = client.get(reverse("networks_join_requests:detail", args=[join_request.pk])).content
    html = html.decode()
    assert "Ada Lovelace will be emailed your decision at ada@example.org." in html
    assert 'name="message"' in html
    assert "1 December 2026, 09:18" in html
    assert "2026-12-01 09:18" not in html


@pytest.mark.parametrize("decision,subject", [("accept", "Welcome"), ("decline", "Your request")])
def test_the_editors_message_goes_with_the_email_and_is_kept(
    client, login, join_request, django_capture_on_commit_callbacks, decision, subject
):
    editor = login("food-partnership-editor")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("networks_join_requests:detail", args=[join_request.pk]),
            {"decision": decision, "message": "We meet on Tuesdays at the library."},
        )
    join_request.refresh_from_db()
    assert join_request.decision_message == "We meet on Tuesdays at the library."
    assert len(mail.outbox) == 1 and subject in mail.outbox[0].subject
    assert "We meet on Tuesdays at the library." in mail.outbox[0].body
    entry = ModelLogEntry.objects.get(action__startswith="networks.join_request.", user=editor)
    assert entry.data["message"] == "We meet on Tuesdays at the library."


def test_a_proposals_dates_read_as_people_read_them(client, login, demo):
    proposal = NetworkProposal.objects.create(
        name="Cyclists",
        purpose="Safer streets",
        members="Riders",
        contact_name="Bo",
        contact_email="bo@example.org",
        created_at=RECEIVED,
    )
    login("admin")
    html = client.get(reverse("networks_proposals:detail", args=[proposal.pk])).content.decode()
    assert "1 December 2026, 09:18" in html
    assert "Bo will be emailed your decision at bo@example.org." in html
