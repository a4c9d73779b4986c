"""Deciding a "Start a network" proposal emails the proposer, in the
language they wrote it in, with the site admin's message, which is kept on
the proposal and in the audit log; only site admins decide."""

from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from networks.models import NetworkIndexPage, NetworkProposal
from tests.networks.test_join_requests import GOOD_PROPOSAL

pytestmark = pytest.mark.django_db

MESSAGE = "We can meet on Thursday at the town hall."


def proposal(language="en", **fields):
    return NetworkProposal.objects.create(
        name="Riverside Cyclists",
        purpose="Safer streets for cycling to school",
        members="Parents and riders",
        contact_name="Bo Rider",
        contact_email="bo@example.org",
        language=language,
        **fields,
    )


def decide(client, obj, decision, message="", capture=None):
    url = reverse("networks_proposals:detail", args=[obj.pk])
    with capture(execute=True):
        return client.post(url, {"decision": decision, "message": message})


def test_a_proposal_sent_in_polish_stores_its_language(client, demo):
    """The public form records the language the proposer wrote in."""
    directory = NetworkIndexPage.objects.get(locale__language_code="pl")
    response = client.post(directory.url + "start/", GOOD_PROPOSAL)
    assert response.status_code == 302
    assert NetworkProposal.objects.get().language == "pl"


@pytest.mark.parametrize(
    "decision, subject",
    [
        ("accept", "Your proposal for Riverside Cyclists is accepted"),
        ("decline", "Your proposal for Riverside Cyclists"),
    ],
)
def test_the_proposer_is_emailed_the_decision_with_the_message(
    client, login, demo, django_capture_on_commit_callbacks, decision, subject
):
    obj = proposal()
    admin = login("admin")
    decide(client, obj, decision, MESSAGE, capture=django_capture_on_commit_callbacks)
    obj.refresh_from_db()
    assert obj.status == ("accepted" if decision == "accept" else "declined")
    assert obj.decision_message == MESSAGE
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["bo@example.org"] and email.subject == subject
    assert "Dear Bo Rider," in email.body and MESSAGE in email.body
    assert MESSAGE in email.alternatives[0][0]
    entry = ModelLogEntry.objects.get(action=f"networks.proposal.{obj.status}", user=admin)
    assert entry.data["message"] == MESSAGE


def test_the_email_is_in_the_proposers_language(
    client, login, demo, django_capture_on_commit_callbacks
):
    obj = proposal(language="pl")
    login("admin")
    decide(client, obj, "decline", MESSAGE, capture=django_capture_on_commit_callbacks)
    email = mail.outbox[0]
    assert email.subject == "Twoja propozycja: Riverside Cyclists"
    assert "Dzień dobry, Bo Rider," in email.body
    assert MESSAGE in email.body  # the admin's words as written
    assert 'lang="pl"' in email.alternatives[0][0]


def test_without_a_message_the_email_still_goes(
    client, login, demo, django_capture_on_commit_callbacks
):
    obj = proposal()
    login("admin")
    decide(client, obj, "decline", capture=django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    assert "A message from the people who run Commons" not in mail.outbox[0].body


def test_the_decision_page_offers_to_email_the_proposer(client, login, demo):
    obj = proposal()
    login("admin")
    html = client.get(reverse("networks_proposals:detail", args=[obj.pk])).content.decode()
    assert "Bo Rider will be emailed your decision at bo@example.org." in html
    assert "Accept and email" in html and "Decline and email" in html
    assert 'name="message"' in html


@pytest.mark.parametrize(
    "username",
    [
        "moderator",
        "food-partnership-editor",
        "food-partnership-moderator",
        "digital-practitioners-editor",
    ],
)
def test_only_site_admins_decide_proposals(
    client, login, demo, django_capture_on_commit_callbacks, username
):
    """Refused by id: the proposal stays pending and nobody is emailed."""
    obj = proposal()
    login(username)
    response = decide(client, obj, "decline", MESSAGE, capture=django_capture_on_commit_callbacks)
    assert response.status_code in {302, 403, 404}
    if response.status_code == 302:
        assert response["Location"] == "/admin/"
    obj.refresh_from_db()
    assert obj.is_pending and obj.decision_message == ""
    assert mail.outbox == []
    assert not ModelLogEntry.objects.filter(action__startswith="networks.proposal.").exists()
