"""Fixtures for the events tests: events made to order under a demo network."""

import datetime
import itertools

import pytest

_numbers = itertools.count(1)


def local(year, month, day, hour=18, minute=30):
    from events.recurrence import localize

    return localize(datetime.datetime(year, month, day, hour, minute))


@pytest.fixture(autouse=True)
def _emails_at_once(monkeypatch):
    """Runs what waits for the transaction to commit (queuing emails) at
    once: every test runs inside a transaction that never commits."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


@pytest.fixture
def network(demo):
    from networks.models import NetworkPage

    return NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")


@pytest.fixture
def other_network(demo):
    from networks.models import NetworkPage

    return NetworkPage.objects.get(slug="digital-practitioners", locale__language_code="en")


@pytest.fixture
def event_index(demo):
    from events.models import EventIndexPage

    return EventIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def make_event(network):
    """Returns a function that creates and publishes an event under
    `parent` (the food partnership by default), starting `days` from now."""
    from django.utils import timezone

    from events.models import EventPage

    def _make_event(title=None, *, parent=None, days=5, hours=2, tags=(), **fields):
        number = next(_numbers)
        start = fields.pop("start", None) or timezone.now().replace(
            microsecond=0
        ) + datetime.timedelta(days=days)
        end = fields.pop("end", None) or start + datetime.timedelta(hours=hours)
        event = EventPage(
            title=title or f"Test event {number}",
            slug=f"test-event-{number}",
            summary=fields.pop("summary", f"The summary of test event {number}."),
            start=start,
            end=end,
            **fields,
        )
        parent = parent or network
        event.locale_id = parent.locale_id
        parent.add_child(instance=event)
        if tags:
            event.tags.add(*tags)
        event.save_revision().publish()
        event.refresh_from_db()
        return event

    return _make_event


@pytest.fixture
def registered(make_event):
    """Returns a function that registers people on an event."""
    from events import registrations

    def _registered(event, *people, key=None):
        occurrence = event.occurrence_on(key) if key else event.occurrences()[0]
        return [
            registrations.register(
                event, occurrence, name=name, email=f"{name.lower()}@example.com"
            )[0]
            for name in people
        ]

    return _registered
