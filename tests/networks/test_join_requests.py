"""Join a network, contact it, propose a new one: the public forms, and the
decisions staff make on what they receive."""

import time

from django.core import mail
from django.urls import reverse

from wagtail.models import Locale, ModelLogEntry

import pytest

from home.defences import sign_started
from networks.models import JoinRequest, NetworkIndexPage, NetworkPage, NetworkProposal
from tests.factories import user

pytestmark = pytest.mark.django_db

# Shown a minute ago: long enough for a person to fill the form in.
STARTED = {"started": sign_started(time.time() - 60)}

GOOD_JOIN = {
    "name": "Ada Lovelace",
    "email": "ada@example.org",
    "organisation": "Analytical Engines",
    "message": "I bake bread for the food bank.",
    "list_publicly": "on",
    **STARTED,
}


@pytest.fixture
def network(demo):
    return NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")


def join_url(network):
    return network.url + network.reverse_subpage("join")


def test_a_join_request_is_stored_for_the_network(client, network):
    response = client.post(join_url(network), GOOD_JOIN)
    assert response.status_code == 302
    thanks = client.get(response.url)
    assert "Thank you" in thanks.content.decode()
    request = JoinRequest.objects.get(email="ada@example.org")
    assert request.network == network and request.status == "pending"
    assert request.list_publicly
    assert mail.outbox == []  # the requester hears nothing before a decision


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Enter your name."),
        ("email", "", "Enter your email address, so that the network can reply."),
        ("email", "not-an-address", "Enter an email address like name@example.org."),
        ("message", "x" * 2001, "Keep your message under 2,000 characters."),
    ],
)
def test_bad_join_input_is_explained_and_nothing_typed_is_lost(
    client, network, field, value, message
):
    data = {**GOOD_JOIN, field: value}
    response = client.post(join_url(network), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html
    assert not JoinRequest.objects.filter(email=data["email"]).exists()
    # What the person typed in the other fields is still there.
    for other, typed in GOOD_JOIN.items():
        if other not in (field, "list_publicly", "started"):
            assert typed in html, other
    assert "checked" in html  # the "list me" box stays ticked


def test_nothing_is_sent_until_the_decision_is_committed(
    network, django_capture_on_commit_callbacks
):
    request = JoinRequest.objects.create(network=network, name="Ada", email="ada@example.org")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        request.accept(by=user("admin"))
    assert mail.outbox == [] and callbacks  # the email, and the caches' second bump
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1


def test_accepting_tells_the_requester_lists_them_and_is_logged(
    client, network, django_capture_on_commit_callbacks
):
    request = JoinRequest.objects.create(
        network=network, name="Ada Lovelace", email="ada@example.org", list_publicly=True
    )
    editor = user("food-partnership-editor")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("networks_join_requests:detail", args=[request.pk]), {"decision": "accept"}
        )
    request.refresh_from_db()
    assert request.status == "accepted" and request.decided_by == editor
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada@example.org"]
    assert "Welcome to Borough Food Partnership" in mail.outbox[0].subject
    entry = ModelLogEntry.objects.get(action="networks.join_request.accepted")
    assert entry.user == editor and entry.object_id == str(request.pk)
    client.logout()
    assert "Ada Lovelace" in client.get(network.url).content.decode()


def test_declining_tells_the_requester_and_does_not_list_them(
    client, network, django_capture_on_commit_callbacks
):
    request = JoinRequest.objects.create(
        network=network, name="Bob Builder", email="bob@example.org", list_publicly=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        request.decline(by=user("food-partnership-editor"))
    assert request.status == "declined"
    assert "decided not to accept" in mail.outbox[0].body
    assert "Bob Builder" not in client.get(network.url).content.decode()


def test_the_outcome_email_has_an_html_version_with_the_networks_message(
    network, django_capture_on_commit_callbacks
):
    request = JoinRequest.objects.create(network=network, name="Cy", email="cy@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        request.decline(by=user("food-partnership-editor"), message="We are full <until> May.")
    [message] = mail.outbox
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert "decided not to accept" in html
    assert "We are full &lt;until&gt; May." in html
    assert "We are full <until> May." in message.body


def test_an_accepted_member_who_did_not_agree_is_not_listed(client, network):
    request = JoinRequest.objects.create(
        network=network, name="Quiet Person", email="quiet@example.org", list_publicly=False
    )
    request.accept(by=user("admin"))
    assert "Quiet Person" not in client.get(network.url).content.decode()


def test_a_decided_request_cannot_be_decided_again(
    client, network, django_capture_on_commit_callbacks
):
    request = JoinRequest.objects.create(network=network, name="Ada", email="ada@example.org")
    client.force_login(user("food-partnership-editor"))
    with django_capture_on_commit_callbacks(execute=True):
        request.decline(by=user("admin"))
        response = client.post(
            reverse("networks_join_requests:detail", args=[request.pk]),
            {"decision": "accept"},
            follow=True,
        )
    assert "already been decided" in response.content.decode()
    request.refresh_from_db()
    assert request.status == "declined"
    assert len(mail.outbox) == 1


def test_join_requests_listing_shows_pending_of_own_network_only(client, demo):
    client.force_login(user("food-partnership-editor"))
    html = client.get(reverse("networks_join_requests:index")).content.decode()
    assert "Priya Shah" in html  # pending, food partnership
    assert "Tom Okafor" not in html  # already accepted: under "Accepted"
    assert "Aisha Rahman" not in html  # another network's
    html = client.get(reverse("networks_join_requests:index"), {"status": "accepted"})
    assert "Tom Okafor" in html.content.decode()


GOOD_CONTACT = {"name": "Ada", "email": "ada@example.org", "message": "Hi!", **STARTED}


def test_contact_form_emails_the_network_without_publishing_its_address(
    client, network, django_capture_on_commit_callbacks
):
    url = network.url + network.reverse_subpage("contact")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, GOOD_CONTACT)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [network.contact_email]
    assert mail.outbox[0].reply_to == ["ada@example.org"]
    assert network.contact_email not in client.get(url).content.decode()


def test_contact_form_bad_input_sends_nothing(client, network):
    url = network.url + network.reverse_subpage("contact")
    response = client.post(url, {**GOOD_CONTACT, "email": "nope", "message": ""})
    html = response.content.decode()
    assert "Enter an email address like name@example.org." in html
    assert "Write your message." in html
    assert 'value="Ada"' in html
    assert mail.outbox == []


GOOD_PROPOSAL = {
    "name": "Riverside Litter Pickers",
    "purpose": "Keep the river banks clean.",
    "members": "Residents of Riverside and the rowing club.",
    "area": "Riverside",
    "contact_name": "Rita River",
    "contact_email": "rita@example.org",
    **STARTED,
}


def test_start_a_network_stores_a_proposal(client, demo):
    directory = NetworkIndexPage.objects.get(locale__language_code="en")
    response = client.post(directory.url + "start/", GOOD_PROPOSAL)
    assert response.status_code == 302
    assert NetworkProposal.objects.get().name == "Riverside Litter Pickers"


def test_start_a_network_bad_input_is_explained(client, demo):
    directory = NetworkIndexPage.objects.get(locale__language_code="en")
    response = client.post(directory.url + "start/", {**GOOD_PROPOSAL, "purpose": ""})
    html = response.content.decode()
    assert "Say what the network is for." in html
    assert "Riverside Litter Pickers" in html
    assert not NetworkProposal.objects.exists()


def test_accepting_a_proposal_creates_a_draft_network_with_its_groups(client, demo):
    proposal = NetworkProposal.objects.create(
        **{key: value for key, value in GOOD_PROPOSAL.items() if key != "started"}
    )
    client.force_login(user("admin"))
    response = client.post(
        reverse("networks_proposals:detail", args=[proposal.pk]), {"decision": "accept"}
    )
    network = NetworkPage.objects.get(title="Riverside Litter Pickers", locale__language_code="en")
    assert response.url == reverse("wagtailadmin_pages:edit", args=[network.pk])
    assert not network.live and network.status == "forming"
    assert network.editors_group.name == "Riverside Litter Pickers editors"
    assert network.moderators_group.name == "Riverside Litter Pickers moderators"
    proposal.refresh_from_db()
    assert proposal.status == "accepted" and proposal.network == network


@pytest.mark.parametrize(
    "username", ["food-partnership-editor", "food-partnership-moderator", "moderator"]
)
def test_only_site_admins_see_and_decide_proposals(client, demo, username):
    proposal = NetworkProposal.objects.create(
        **{key: value for key, value in GOOD_PROPOSAL.items() if key != "started"}
    )
    client.force_login(user(username))
    assert client.get(reverse("networks_proposals:index")).status_code in (302, 403)
    client.post(reverse("networks_proposals:detail", args=[proposal.pk]), {"decision": "accept"})
    proposal.refresh_from_db()
    assert proposal.is_pending


def test_a_message_from_a_translated_network_page_says_which_language_it_came_from(
    client, network, django_capture_on_commit_callbacks
):
    english_url = network.url + network.reverse_subpage("contact")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(english_url, GOOD_CONTACT)
    assert "They wrote from the page in" not in mail.outbox[0].body
    polish = network.get_translation(Locale.objects.get(language_code="pl"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(polish.url + polish.reverse_subpage("contact"), GOOD_CONTACT)
    assert response.status_code == 302
    body = mail.outbox[1].body
    assert f"They wrote from the page in Polski ({polish.full_url})" in body
    assert "Hi!" in body


def test_a_message_as_long_as_the_box_allows_is_sent_with_its_line_breaks(
    client, network, django_capture_on_commit_callbacks
):
    message = "\r\n".join(["We grow food."] * 100)  # 1,300 + 99 breaks
    message += "\r\n" + "x" * (2000 - len(message.replace("\r\n", "\n")) - 1)
    assert len(message.replace("\r\n", "\n")) == 2000 < len(message)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            network.url + network.reverse_subpage("contact"), {**GOOD_CONTACT, "message": message}
        )
    assert response.status_code == 302
    assert "We grow food.\nWe grow food." in mail.outbox[0].body


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_closed_network_refuses_join_requests_on_the_server(client, network, method):
    """The network page hides "Join this network" once a network has closed;
    its join/ route refuses too, so a saved or forged form stores nothing."""
    network.status = "closed"
    network.save(update_fields=["status"])
    assert "Join this network" not in client.get(network.url).content.decode()
    response = getattr(client, method)(join_url(network), GOOD_JOIN)
    assert response.status_code == 403
    html = response.content.decode()
    assert "This network has closed" in html
    assert "your request was not sent" in html
    assert 'name="email"' not in html
    assert not JoinRequest.objects.filter(email="ada@example.org").exists()


def test_start_a_network_is_for_search_engines(client, demo):
    """The page that invites residents to start a network is indexed, with its
    own description and address, and its form posts to that address."""
    directory = NetworkIndexPage.objects.get(locale__language_code="en")
    html = client.get(directory.url + "start/").content.decode()
    head = html.split("</head>", 1)[0]
    assert "noindex" not in head
    assert '<meta name="description" content="Start a network on Commons:' in head
    assert f'<link rel="canonical" href="{directory.full_url}start/">' in head
    assert 'action=""' not in html
    assert f'<form method="post" action="{directory.url}start/"' in html
