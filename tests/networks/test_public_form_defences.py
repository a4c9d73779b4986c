"""The networks' public forms (join, contact, start a network) keep bots out
the way the comment form does: a honeypot, a fill-in clock and a per-IP limit.
Each refusal tells a person what to do, keeps what they typed, and stores or
sends nothing."""

import time
from dataclasses import dataclass

from django.core import mail

import pytest

from home.defences import sign_started
from networks.models import JoinRequest, NetworkIndexPage, NetworkPage, NetworkProposal
from tests.networks.test_join_requests import GOOD_PROPOSAL

pytestmark = pytest.mark.django_db


@dataclass
class PublicForm:
    name: str
    url: str
    data: dict
    typed: str  # something the person typed, to find again on the page
    capture: object  # django_capture_on_commit_callbacks

    def post(self, client, data=None, **extra):
        """Sends the form, running what it leaves for after the commit (the
        contact form's email), so that "nothing sent" is a real check."""
        with self.capture(execute=True):
            return client.post(self.url, self.data if data is None else data, **extra)

    def stored(self):
        """How many things this form has stored or sent."""
        if self.name == "join":
            return JoinRequest.objects.filter(email=self.data["email"]).count()
        if self.name == "start":
            return NetworkProposal.objects.filter(name=self.data["name"]).count()
        return len(mail.outbox)


@pytest.fixture(params=["join", "contact", "start"])
def public_form(request, demo, django_capture_on_commit_callbacks):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    directory = NetworkIndexPage.objects.get(locale__language_code="en")
    started = sign_started(time.time() - 60)
    forms = {
        "join": PublicForm(
            "join",
            network.url + network.reverse_subpage("join"),
            {
                "name": "Ada Lovelace",
                "email": "ada@example.org",
                "message": "I run the community fridge on Thursdays.",
                "started": started,
            },
            "I run the community fridge on Thursdays.",
            django_capture_on_commit_callbacks,
        ),
        "contact": PublicForm(
            "contact",
            network.url + network.reverse_subpage("contact"),
            {
                "name": "Ada Lovelace",
                "email": "ada@example.org",
                "message": "Could the food bank use our van on Saturdays?",
                "started": started,
            },
            "Could the food bank use our van on Saturdays?",
            django_capture_on_commit_callbacks,
        ),
        "start": PublicForm(
            "start",
            directory.url + directory.reverse_subpage("start"),
            {**GOOD_PROPOSAL, "started": started},
            "Keep the river banks clean.",
            django_capture_on_commit_callbacks,
        ),
    }
    return forms[request.param]


def test_the_form_carries_a_hidden_honeypot_and_a_signed_clock(client, public_form):
    html = client.get(public_form.url).content.decode()
    assert 'class="form-trap" aria-hidden="true"' in html
    assert 'name="contact_me_by_fax_only"' in html and 'tabindex="-1"' in html
    assert 'type="hidden" name="started"' in html


def test_a_person_gets_through(client, public_form):
    response = public_form.post(client)
    assert response.status_code == 302
    assert public_form.stored() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"contact_me_by_fax_only": "http://spam.example"},
            "Something in the form looked automatic.",
        ),
        ({"started": "now"}, "Something went wrong with the form. Please press the button again."),
        ({"started": None}, "That was quicker than a person can type."),
    ],
    ids=["honeypot", "forged clock", "too fast"],
)
def test_a_bot_is_refused_and_a_person_keeps_what_they_typed(client, public_form, change, message):
    data = {**public_form.data, **change}
    if "started" in change and change["started"] is None:
        data["started"] = sign_started(time.time() - 1)
    response = public_form.post(client, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "There is a problem" in html
    assert public_form.typed in html
    assert public_form.stored() == 0


def test_a_refused_forged_clock_starts_again_so_the_next_press_can_succeed(
    client, public_form, site_settings
):
    site_settings.min_fill_seconds = 0
    site_settings.save()
    html = public_form.post(client, {**public_form.data, "started": "forged"}).content
    restarted = html.decode().split('name="started" value="')[1].split('"')[0]
    response = public_form.post(client, {**public_form.data, "started": restarted})
    assert response.status_code == 302
    assert public_form.stored() == 1


def test_one_address_sending_too_many_is_refused_for_the_hour(client, public_form, site_settings):
    site_settings.rate_limit_per_ip = 2
    site_settings.save()
    for _ in range(2):
        assert public_form.post(client).status_code == 302
    response = public_form.post(client)
    html = response.content.decode()
    assert response.status_code == 429
    assert "please try again in an hour" in html
    assert public_form.typed in html
    assert public_form.stored() == 2
    # Another address is not held back by this one.
    other = public_form.post(client, public_form.data, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


def test_the_limit_can_be_switched_off(client, public_form, site_settings):
    site_settings.rate_limit_per_ip = 0
    site_settings.save()
    for _ in range(4):
        assert public_form.post(client).status_code == 302
