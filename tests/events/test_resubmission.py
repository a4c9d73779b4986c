"""A registration form is stored once per rendering: pressed again after a
lost answer, or double-clicked, it takes one place, sends one confirmation
and answers with the same confirmation page; two copies at the same moment
are told apart by the unique submission key; a fresh rendering is a
registration as before (the same email: "already registered")."""

from unittest import mock

from django.core import mail
from django.test import Client

import pytest

from events import registrations
from events.models import EventPlaces
from home.defences import sign_started, submission_key
from tests.racing import at_once, racing_connections

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(make_event):
    return make_event("Volunteer evening", registration_enabled=True, capacity=2)


def form_data(**overrides):
    return {"name": "Ann", "email": "ann@example.com", "access_needs": "",
            "started": sign_started(0), **overrides}  # fmt: skip


def register(client, event, data):
    return client.post(event.url + "register/", data)


def places_left(event):
    return EventPlaces.objects.get(event=event).places_left


def test_the_same_form_posted_twice_takes_one_place_and_sends_once(client, event):
    data = form_data()
    first = register(client, event, data)
    page = client.get(first["Location"]).content.decode()
    second = register(client, event, data)
    assert (first.status_code, second.status_code) == (302, 302)
    assert second["Location"] == first["Location"]
    again = client.get(second["Location"]).content.decode()
    assert "You are registered" in again and "already registered" not in again
    assert again.count("You are registered") == page.count("You are registered")
    (registration,) = event.registrations.all()
    assert registration.submission_key == submission_key(data["started"], data)
    assert places_left(event) == 1
    assert len(mail.outbox) == 1


def test_a_resubmission_in_a_browser_without_the_first_answer_gets_the_confirmation(client, event):
    data = form_data()
    register(client, event, data)
    other = Client()
    response = register(other, event, data)
    assert response.status_code == 302
    assert "You are registered" in other.get(response["Location"]).content.decode()
    assert event.registrations.count() == 1 and len(mail.outbox) == 1


def test_a_fresh_rendering_with_the_same_email_is_already_registered(client, event):
    register(client, event, form_data())
    response = register(client, event, form_data())
    assert "already registered" in client.get(response["Location"]).content.decode()
    assert event.registrations.count() == 1


def test_a_fresh_rendering_from_someone_else_takes_the_next_place(client, event):
    register(client, event, form_data())
    register(client, event, form_data(email="bo@example.com", name="Bo"))
    assert event.registrations.confirmed().count() == 2 and places_left(event) == 0


def test_a_copy_stored_at_the_same_moment_is_answered_as_the_first(client, event):
    """Both copies pass the view's check before either is stored: the second
    finds the first under the event's row lock, takes no place and sends
    nothing."""
    data = form_data()
    register(client, event, data)
    with mock.patch("events.views.first_submission", return_value=None):
        response = register(client, event, data)
    assert response.status_code == 302
    assert "You are registered" in client.get(response["Location"]).content.decode()
    assert event.registrations.count() == 1 and places_left(event) == 1
    assert len(mail.outbox) == 1


def test_the_unique_key_refuses_a_copy_that_slipped_past_every_check(event):
    """The last line: both checks missed the other copy (they ran at the same
    moment); the insert meets the unique key, the place taken in that
    transaction goes back, and the first copy is the answer."""
    data = form_data()
    key = submission_key(data["started"], data)
    occurrence = event.next_occurrence
    first, created = registrations.register(
        event, occurrence, name="Ann", email="ann@example.com", key=key
    )
    assert created
    outbox = len(mail.outbox)
    with mock.patch.object(registrations, "first_submission", side_effect=[None, first]):
        again, created = registrations.register(
            event, occurrence, name="Ann", email="ann+other@example.com", key=key
        )
    assert (again, created) == (first, False)
    assert event.registrations.count() == 1 and places_left(event) == 1
    assert len(mail.outbox) == outbox


@racing_connections
def test_two_copies_posted_at_the_same_moment_take_one_place(make_event):
    """Four copies of one rendering on four database connections, released
    together: each answered with the confirmation, one place taken, one email."""
    event = make_event("Volunteer evening", registration_enabled=True, capacity=2)
    data = form_data()
    statuses = at_once(lambda: register(Client(), event, data).status_code)
    assert statuses == [302] * 4
    assert event.registrations.count() == 1 and places_left(event) == 1
    # Loading the demo sent its own emails in this test's real transactions.
    assert [m.to for m in mail.outbox if "ann@example.com" in m.to] == [["ann@example.com"]]
