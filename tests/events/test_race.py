"""Capacity under concurrency: 50 people register at the same moment for 10
places, 20 times over. Exactly 10 are confirmed and 40 wait, numbered in the
order the database took them, on whichever database the suite runs (SQLite
by default, PostgreSQL with DATABASE_URL).

Each registration runs in its own thread with its own connection and
really commits, so the test works on the committed demo database directly
(no flush of the whole database afterwards, which would cost a demo reload)
and deletes what it made at the end.
"""

import threading
import time

from django.db import connection, connections

import pytest

PEOPLE = 50
PLACES = 10
ROUNDS = 20


@pytest.fixture
def committed(django_db_blocker):
    with django_db_blocker.unblock():
        from tests.conftest import load_demo_content

        load_demo_content()
        made = []
        yield made
        from wagtail.models import ModelLogEntry

        from events.models import EventPage, Registration

        ids = list(Registration.objects.filter(event__in=made).values_list("pk", flat=True))
        ModelLogEntry.objects.filter(
            content_type__app_label="events", object_id__in=[str(i) for i in ids]
        ).delete()
        for event in EventPage.objects.filter(pk__in=[e.pk for e in made]):
            event.delete()


def race(event, occurrence):
    """Registers PEOPLE at once; returns the seconds it took."""
    from events import registrations

    barrier = threading.Barrier(PEOPLE)
    errors = []

    def one(number):
        try:
            barrier.wait()
            registrations.register(
                event, occurrence, name=f"Person {number}", email=f"p{number}@example.com"
            )
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one, args=(n,)) for n in range(PEOPLE)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return time.perf_counter() - started


def test_fifty_at_once_for_ten_places_twenty_times(committed, monkeypatch):
    import datetime

    from django.utils import timezone

    from events import registrations
    from events.models import EventPage, EventPlaces
    from networks.models import NetworkPage

    monkeypatch.setattr(registrations, "_after_commit", lambda kind, regs: None)
    network = NetworkPage.objects.get(slug="young-people", locale__language_code="en")
    timings = []
    for round_number in range(ROUNDS):
        start = timezone.now() + datetime.timedelta(days=3)
        event = EventPage(
            title=f"Race {round_number}",
            slug=f"race-{round_number}-{int(time.time() * 1000)}",
            summary="Fifty people, ten places.",
            start=start,
            end=start + datetime.timedelta(hours=1),
            registration_enabled=True,
            capacity=PLACES,
            locale_id=network.locale_id,
        )
        network.add_child(instance=event)
        committed.append(event)
        timings.append(race(event, event.occurrences()[0]))

        people = list(event.registrations.order_by("position"))
        assert len(people) == PEOPLE
        assert [p.position for p in people] == list(range(1, PEOPLE + 1))
        assert [p.status for p in people] == ["confirmed"] * PLACES + ["waiting"] * (
            PEOPLE - PLACES
        )
        assert EventPlaces.objects.get(event=event).places_left == 0
    print(
        f"\n{connection.vendor}: {ROUNDS} races of {PEOPLE} for {PLACES} places, "
        f"median {sorted(timings)[ROUNDS // 2]:.2f}s each"
    )
