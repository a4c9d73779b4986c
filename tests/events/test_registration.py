"""Registering: the form, the waiting list, promotion, capacity changes,
the signed cancel link and the emails."""

import datetime

from django.core import mail
from django.core.signing import dumps

import icalendar
import pytest

from events import registrations
from events.models import EventPlaces
from events.tasks import CANCEL_SALT, cancel_token
from home.defences import sign_started

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Ann",
        "email": "ann@example.com",
        "access_needs": "",
        "started": sign_started(0),
    }
    data.update(overrides)
    return data


@pytest.fixture
def event(make_event):
    return make_event(
        "Volunteer evening",
        registration_enabled=True,
        capacity=2,
        online_url="https://meet.example.org/room-42",
    )


def post(client, event, **data):
    return client.post(event.url + "register/", form_data(**data))


def test_register_confirms_and_emails_the_ics_with_a_cancel_link(client, event):
    response = post(client, event)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "You are registered" in page and "room-42" in page
    registration = event.registrations.get()
    assert registration.status == "confirmed" and registration.language == "en"
    (message,) = mail.outbox
    assert message.to == ["ann@example.com"]
    assert "room-42" in message.body and "/registrations/cancel/" in message.body
    name, content, mimetype = message.attachments[0]
    assert mimetype.startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(content)
    assert str(calendar["METHOD"]) == "REQUEST"
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert "room-42" in str(vevent["LOCATION"])


def test_bad_input_gets_field_messages_and_stores_nothing(client, event):
    response = post(client, event, name="", email="not-an-email", access_needs="Step-free, please")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter your name." in html and "Enter an email address like name@example.com." in html
    assert "Step-free, please" in html and 'value="not-an-email"' in html
    assert not event.registrations.exists() and not mail.outbox


def test_too_fast_and_honeypot_are_refused(client, event):
    assert post(client, event, started=sign_started()).status_code == 400
    assert post(client, event, contact_me_by_fax_only="x").status_code == 400
    assert not event.registrations.exists()


def test_csrf_is_enforced(event):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(event.url + "register/", form_data()).status_code == 403


def test_rate_limit_keeps_what_was_typed(client, event, site_settings):
    site_settings.rate_limit_per_ip = 1
    site_settings.save()
    post(client, event)
    response = post(client, event, name="Bob", email="bob@example.com", access_needs="Step-free")
    html = response.content.decode()
    assert response.status_code == 429
    assert "sent from your connection in the last hour" in html
    assert "please try again in an hour" in html
    assert 'value="bob@example.com"' in html and "Step-free" in html
    assert event.registrations.count() == 1


def test_registrations_can_have_their_own_limit(client, event, site_settings):
    from home.models import FormRateLimit

    site_settings.rate_limit_per_ip = 1
    site_settings.save()
    FormRateLimit.objects.create(
        settings=site_settings, form="event-registration", per_ip=5, per_email=1
    )
    assert post(client, event).status_code == 302
    assert post(client, event, name="Bob", email="bob@example.com").status_code == 302
    response = post(client, event, name="Ann again", email="ANN@example.com")
    html = response.content.decode()
    assert response.status_code == 429
    assert "sent from this email address in the last hour" in html
    assert 'value="Ann again"' in html
    assert event.registrations.count() == 2


def test_a_full_event_puts_people_on_the_waiting_list(client, event, registered):
    registered(event, "Ann", "Bob")
    html = client.get(event.url).content.decode()
    assert "waiting list" in html
    response = post(client, event, name="Cat", email="cat@example.com")
    page = client.get(response["Location"]).content.decode()
    assert "waiting list" in page and "room-42" not in page
    assert event.registrations.get(name="Cat").status == "waiting"
    assert "waiting list" in mail.outbox[-1].subject
    assert not mail.outbox[-1].attachments


def test_a_second_registration_says_already_registered_and_resends(client, event):
    post(client, event)
    response = post(client, event, email="ANN@example.com ")
    assert "already registered" in client.get(response["Location"]).content.decode()
    assert event.registrations.count() == 1
    assert len(mail.outbox) == 2


def test_cancel_promotes_the_first_waiting_person_once(event, registered):
    ann, bob, cat, dan = registered(event, "Ann", "Bob", "Cat", "Dan")
    assert [r.status for r in (ann, bob, cat, dan)] == [
        "confirmed",
        "confirmed",
        "waiting",
        "waiting",
    ]
    mail.outbox.clear()
    promoted = registrations.cancel(ann)
    assert promoted == [cat]
    assert registrations.cancel(ann) == []  # safe to run twice
    assert registrations.promote_waiting(event) == []
    cat.refresh_from_db()
    dan.refresh_from_db()
    assert (cat.status, dan.status) == ("confirmed", "waiting")
    assert [m.to for m in mail.outbox] == [["cat@example.com"]]
    assert "place has come up" in mail.outbox[0].subject
    assert EventPlaces.objects.get(event=event).places_left == 0


def test_capacity_changes_promote_or_keep_people(event, registered):
    ann, bob, cat, dan = registered(event, "Ann", "Bob", "Cat", "Dan")
    event.capacity = 3
    event.save_revision().publish()
    assert list(event.registrations.confirmed().values_list("name", flat=True)) == [
        "Ann",
        "Bob",
        "Cat",
    ]
    event.capacity = 1
    event.save_revision().publish()
    # Nobody loses a place; nobody else gets one until two have cancelled.
    assert event.registrations.confirmed().count() == 3
    registrations.cancel(ann)
    assert event.registrations.get(name="Dan").status == "waiting"
    registrations.cancel(bob)
    registrations.cancel(cat)
    assert event.registrations.get(name="Dan").status == "confirmed"


def test_every_transition_is_audited(event, registered):
    from wagtail.models import ModelLogEntry

    ann, bob, cat = registered(event, "Ann", "Bob", "Cat")
    registrations.cancel(ann)
    actions = list(ModelLogEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions[-5:] == [
        "events.registration.register",
        "events.registration.register",
        "events.registration.register",
        "events.registration.cancel",
        "events.registration.promote",
    ]


def test_cancel_link_asks_then_cancels_and_cannot_be_reused(client, event, registered):
    (ann,) = registered(event, "Ann")
    url = f"/registrations/cancel/{cancel_token(ann)}/"
    response = client.get(url)
    assert response.status_code == 200 and "Cancel my place" in response.content.decode()
    ann.refresh_from_db()
    assert ann.status == "confirmed"
    assert client.post(url).status_code == 200
    ann.refresh_from_db()
    assert ann.status == "cancelled"
    assert client.post(url).status_code == 410


def test_forged_cancel_links_are_refused(client, event, registered):
    (ann,) = registered(event, "Ann")
    forged = dumps({"r": ann.pk, "s": "00000000-0000-0000-0000-000000000000"}, salt=CANCEL_SALT)
    other_salt = dumps({"r": ann.pk, "s": str(ann.secret)}, salt="something else")
    for token in (forged, other_salt, "nonsense", cancel_token(ann)[:-2] + "xx"):
        assert client.post(f"/registrations/cancel/{token}/").status_code == 400
    ann.refresh_from_db()
    assert ann.status == "confirmed"


def test_change_notice_carries_the_updated_ics_and_cancellation_says_cancel(event, registered):
    registered(event, "Ann", "Bob", "Cat")
    mail.outbox.clear()
    event.start += datetime.timedelta(days=1)
    event.end += datetime.timedelta(days=1)
    event.save_revision().publish()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ann@example.com",
        "bob@example.com",
        "cat@example.com",
    ]
    confirmed = next(m for m in mail.outbox if m.to == ["ann@example.com"])
    vevent = icalendar.Calendar.from_ical(confirmed.attachments[0][1]).walk("VEVENT")[0]
    assert int(vevent["SEQUENCE"]) == 1 and vevent["DTSTART"].dt == event.start
    mail.outbox.clear()
    event.status = "cancelled"
    event.save_revision().publish()
    confirmed = next(m for m in mail.outbox if m.to == ["ann@example.com"])
    calendar = icalendar.Calendar.from_ical(confirmed.attachments[0][1])
    assert str(calendar["METHOD"]) == "CANCEL"
    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["STATUS"]) == "CANCELLED" and int(vevent["SEQUENCE"]) == 2


def test_emails_go_in_the_registrants_language(event):
    occurrence = event.occurrences()[0]
    registrations.register(event, occurrence, name="Ola", email="ola@example.com", language="pl")
    assert mail.outbox[-1].subject.startswith("Twoje miejsce")


def test_closed_registration_is_refused_and_keeps_the_text(client, make_event):
    past_closing = make_event(
        registration_enabled=True,
        registration_closes_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    )
    response = post(client, past_closing)
    assert response.status_code == 403 and "has closed" in response.content.decode()
    assert not past_closing.registrations.exists()


def test_repeating_events_register_per_date(client, make_event):
    from django.utils import timezone

    weekly = make_event(registration_enabled=True, capacity=1, repeat="weekly", repeat_count=3)
    dates = [o.key for o in weekly.occurrences()]
    assert weekly.occurrences()[0].start > timezone.now()
    for key in dates[:2]:
        assert post(client, weekly, date=key.isoformat()).status_code == 302
    assert sorted(weekly.registrations.values_list("occurrence", flat=True)) == dates[:2]
    assert post(client, weekly, date="1999-01-01").status_code == 400
