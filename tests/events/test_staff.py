"""Registrations in the admin: a role × action table (the event's own
network editors see, export and email; everyone else is refused, by id
too), formula-safe exports, privacy export/erase and retention."""

import datetime

from django.core import mail
from django.core.management import call_command

import pytest

from events import privacy
from events.viewsets import formula_safe

pytestmark = pytest.mark.django_db

INDEX = "/admin/events_registrations/"

# role: (sees the registrations in the listing, may export, may email)
MATRIX = {
    "admin": (True, True, True),
    "food-partnership-editor": (True, True, True),
    "digital-practitioners-editor": (False, False, False),
    "food-partnership-moderator": (False, False, False),
    "moderator": (False, False, False),
}


@pytest.fixture
def event(make_event, registered):
    event = make_event("Staff test event", registration_enabled=True, capacity=1)
    registered(event, "Ann", "=Bob")
    return event


@pytest.mark.parametrize("role", MATRIX)
def test_role_by_action(client, login, event, role):
    sees, exports, emails = MATRIX[role]
    login(role)
    listing = client.get(INDEX, {"event": event.pk})
    assert ("ann@example.com" in listing.content.decode()) == sees
    export = client.get(INDEX, {"export": "csv", "event": event.pk})
    body = (
        b"".join(export.streaming_content)
        if export.status_code == 200 and export.streaming
        else b""
    )
    assert (b"ann@example.com" in body) == exports
    response = client.post(
        f"{INDEX}email/{event.pk}/", {"to": "confirmed", "subject": "Hello", "message": "See you"}
    )
    assert (response.status_code == 302 and INDEX in response["Location"]) == emails
    assert (["ann@example.com"] in [m.to for m in mail.outbox if m.subject == "Hello"]) == emails


def test_csv_cells_and_headings_are_formula_safe(client, login, event):
    login("food-partnership-editor")
    export = client.get(INDEX, {"export": "csv", "event": event.pk})
    text = b"".join(export.streaming_content).decode()
    assert "'=bob" in text.lower() and ",=" not in text
    for value in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert formula_safe(value).startswith("'")
    assert formula_safe("Ann") == "Ann"


def test_export_and_erase_personal_data(event):
    data = privacy.export_personal_data("ANN@example.com")
    assert [d["name"] for d in data] == ["Ann"] and data[0]["event"] == event.title
    assert privacy.erase_personal_data("ann@example.com") == 1
    assert privacy.export_personal_data("ann@example.com") == []
    ann = event.registrations.get(erased=True)
    assert ann.name == privacy.ERASED_NAME and "ann" not in ann.email
    assert ann.status == "confirmed"  # the numbers stay


def test_site_privacy_requests_include_event_registrations(event):
    from home import privacy as site_privacy

    assert "events" in [c.key for c in site_privacy.contributors()]
    data = site_privacy.export_personal_data("Ann@Example.com")
    (record,) = data["events"]
    assert record["name"] == "Ann" and record["email"] == "ann@example.com"
    assert record["event"] == event.title and record["status"] == "confirmed"
    assert site_privacy.erase_personal_data("ann@example.com")["events"] == 1
    assert site_privacy.export_personal_data("ann@example.com")["events"] == []
    ann = event.registrations.get(erased=True)
    assert ann.name == site_privacy.ERASED_NAME and "ann" not in ann.email
    assert ann.access_needs == "" and ann.status == "confirmed"
    assert event.registrations.get(erased=False).name == "=Bob"  # nobody else's


def test_a_message_to_attendees_keeps_their_cancel_link(client, login, event):
    login("food-partnership-editor")
    client.post(
        f"{INDEX}email/{event.pk}/",
        {"to": "confirmed", "subject": "Room change", "message": "We meet upstairs.\nBring a mug."},
    )
    (message,) = [m for m in mail.outbox if m.subject == "Room change"]
    assert message.to == ["ann@example.com"]
    assert "We meet upstairs." in message.body and event.title in message.body
    assert "/registrations/cancel/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Bring a mug." in html


def test_retention_removes_details_after_the_event(make_event, registered):
    old = make_event("Old event", days=-100)
    recent = make_event("Recent event", days=-10)
    registered(old, "Ann")
    registered(recent, "Bob")
    call_command("purge_registrations", "--older-than", "90", stdout=__import__("io").StringIO())
    assert old.registrations.get().erased and not recent.registrations.get().erased
    assert privacy.remove_past_attendee_details(90, now=datetime.datetime.now(datetime.UTC)) == 0
