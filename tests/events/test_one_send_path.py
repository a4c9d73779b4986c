"""One send path: `home.staff_email.send_email` carries attachments where
given (and none otherwise, as before), and the registration emails, .ics
and all, go through it."""

from django.core import mail

import pytest

from events import tasks
from home import staff_email

pytestmark = pytest.mark.django_db

CONTEXT = {
    "registration": None,
    "event": None,
    "message": "See you there",
    "event_url": "https://example.org/e/",
    "cancel_url": "https://example.org/c/",
}


def test_send_email_without_attachments_is_as_before():
    assert (
        staff_email.send_email(
            "ann@example.com",
            subject="Hello\nthere",
            template="events/email/staff_message",
            context=CONTEXT,
        )
        == 1
    )
    (message,) = mail.outbox
    assert message.subject == "Hello there" and message.attachments == []
    assert "See you there" in message.body
    assert message.alternatives[0][1] == "text/html"


def test_send_email_carries_attachments():
    staff_email.send_email(
        "ann@example.com",
        subject="Hello",
        template="events/email/staff_message",
        context=CONTEXT,
        attachments=[("a.ics", "BEGIN:VCALENDAR", "text/calendar; charset=utf-8")],
    )
    (message,) = mail.outbox
    assert message.attachments == [("a.ics", "BEGIN:VCALENDAR", "text/calendar; charset=utf-8")]
    assert "See you there" in message.body and message.alternatives


def test_registration_emails_go_through_send_email(monkeypatch, make_event, registered):
    sent = []
    real = staff_email.send_email

    def spy(to, **kwargs):
        sent.append((to, [name for name, _content, _type in kwargs.get("attachments") or ()]))
        return real(to, **kwargs)

    monkeypatch.setattr(tasks, "send_email", spy)
    event = make_event("Send path event", registration_enabled=True, capacity=1)
    mail.outbox.clear()
    registered(event, "Ann", "Bob")  # Ann has the place, Bob waits
    assert sent == [("ann@example.com", ["event.ics"]), ("bob@example.com", [])]
    assert [len(m.attachments) for m in mail.outbox] == [1, 0]
