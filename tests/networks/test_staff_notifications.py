"""The people who decide are told by email: a network's editors of each new
join request, site admins of each "Start a network" proposal, with a link
straight to it in the admin, each in the language they read the admin in."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

import pytest

from networks.models import JoinRequest, NetworkIndexPage, NetworkPage, NetworkProposal
from tests.networks.test_join_requests import GOOD_JOIN, GOOD_PROPOSAL, join_url

pytestmark = pytest.mark.django_db

FOOD_EDITOR = "food-partnership-editor@commons.localhost"
ADMIN = "admin@commons.localhost"


def network(slug="food-partnership", language="en"):
    return NetworkPage.objects.get(slug=slug, locale__language_code=language)


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """Posts a public form and runs what it leaves for after the commit."""

    def _post(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return _post


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def admin_link(name, obj):
    return "http://testserver" + reverse(name, args=[obj.pk])


@pytest.fixture(autouse=True)
def _admin_base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://testserver/"


# --- Join requests ---------------------------------------------------------------


def test_each_editor_of_the_network_gets_one_email_about_a_join_request(demo, post, user_factory):
    food = network()
    second = user_factory(username="second-food-editor", email="second@example.org")
    second.groups.add(food.editors_group)

    response = post(join_url(food), GOOD_JOIN)

    assert response.status_code == 302
    # Nobody else: not the other networks' editors, not any moderator, not the admins.
    assert recipients() == [FOOD_EDITOR, "second@example.org"]
    assert all(len(message.to) == 1 for message in mail.outbox)


def test_the_email_says_who_asks_and_links_to_the_request(demo, post):
    post(join_url(network()), GOOD_JOIN)

    [message] = mail.outbox
    request = JoinRequest.objects.get(email="ada@example.org")
    assert message.subject == "Ada Lovelace wants to join Borough Food Partnership"
    assert "ada@example.org" not in message.subject
    assert "Ada Lovelace" in message.body
    assert "Analytical Engines" in message.body
    assert "I bake bread for the food bank." in message.body
    assert admin_link("networks_join_requests:detail", request) in message.body
    assert message.reply_to == ["ada@example.org"]


def test_a_join_request_to_another_network_emails_only_its_editors(demo, post):
    post(join_url(network("digital-practitioners")), GOOD_JOIN)

    assert recipients() == ["digital-practitioners-editor@commons.localhost"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", ""), ("email", "not-an-address"), ("contact_me_by_fax_only", "http://spam")],
    ids=["missing name", "bad email", "honeypot"],
)
def test_a_join_form_that_is_not_accepted_emails_nobody(demo, post, field, value):
    response = post(join_url(network()), {**GOOD_JOIN, field: value})

    assert response.status_code == 200
    assert not JoinRequest.objects.filter(email="ada@example.org").exists()
    assert mail.outbox == []


@pytest.mark.parametrize("editors", ["none", "without an address", "inactive"])
def test_a_network_without_editors_to_tell_still_takes_the_request(demo, post, editors):
    food = network()
    editor = food.editors_group.user_set.get()
    if editors == "none":
        food.editors_group.user_set.clear()
    elif editors == "without an address":
        get_user_model().objects.filter(pk=editor.pk).update(email="")
    else:
        get_user_model().objects.filter(pk=editor.pk).update(is_active=False)

    response = post(join_url(food), GOOD_JOIN)

    assert response.status_code == 302
    assert JoinRequest.objects.filter(network=food, email="ada@example.org").exists()
    assert mail.outbox == []


def test_each_editor_reads_the_email_in_their_admin_language(demo, post, client, user_factory):
    from wagtail.users.models import UserProfile

    food = network()
    polish_editor = user_factory(username="polish-food-editor", email="pl@example.org")
    polish_editor.groups.add(food.editors_group)
    profile = UserProfile.get_for_user(polish_editor)
    profile.preferred_language = "pl"
    profile.save()
    polish = network(language="pl")
    assert polish.url == "/pl/networks/food-partnership/"

    post(join_url(polish), GOOD_JOIN)  # asked on the Polish page

    by_address = {message.to[0]: message for message in mail.outbox}
    request = JoinRequest.objects.get(email="ada@example.org")
    assert request.network == polish
    message = by_address["pl@example.org"]
    assert message.subject == f"Ada Lovelace chce dołączyć do sieci {polish.title}"
    assert "Nowa prośba o dołączenie do sieci" in message.body
    assert "Imię i nazwisko: Ada Lovelace" in message.body
    assert "Przyjmij lub odrzuć w panelu administracyjnym:" in message.body
    assert admin_link("networks_join_requests:detail", request) in message.body
    # The editor who reads the admin in English reads the email in English.
    english = by_address[FOOD_EDITOR]
    assert english.subject.startswith("Ada Lovelace wants to join")
    assert "Accept or decline it in the admin:" in english.body
    # The page the editor lands on answers them (they may decide it).
    client.force_login(get_user_model().objects.get(email=FOOD_EDITOR))
    link = admin_link("networks_join_requests:detail", request)
    assert client.get(link.removeprefix("http://testserver")).status_code == 200


# --- Proposals -------------------------------------------------------------------


def start_url(language="en"):
    directory = NetworkIndexPage.objects.get(locale__language_code=language)
    return directory.url + directory.reverse_subpage("start")


def test_a_proposal_emails_every_site_admin_and_nobody_else(demo, post, user_factory):
    user_factory(username="second-admin", email="boss@example.org", is_superuser=True)
    user_factory(username="former-admin", is_superuser=True, is_active=False)

    response = post(start_url(), GOOD_PROPOSAL)

    assert response.status_code == 302
    assert recipients() == [ADMIN, "boss@example.org"]


def test_the_proposal_email_says_what_is_proposed_and_links_to_it(demo, post):
    post(start_url(), GOOD_PROPOSAL)

    [message] = mail.outbox
    proposal = NetworkProposal.objects.get()
    assert message.subject == "Proposal for a new network: Riverside Litter Pickers"
    for typed in ("Riverside Litter Pickers", "Keep the river banks clean.", "Rita River"):
        assert typed in message.body
    assert "Residents of Riverside and the rowing club." in message.body
    assert "Area: Riverside" in message.body
    assert admin_link("networks_proposals:detail", proposal) in message.body
    assert "rita@example.org" not in message.subject
    assert message.reply_to == ["rita@example.org"]


def test_a_refused_proposal_emails_nobody(demo, post):
    response = post(start_url(), {**GOOD_PROPOSAL, "contact_me_by_fax_only": "http://spam"})

    assert response.status_code == 200
    assert not NetworkProposal.objects.exists()
    assert mail.outbox == []
