"""An event's page and the event index, page-cached for anonymous readers,
show the moment the event fills up and the moment a place comes free."""

from django.test import Client

import pytest

from events import registrations

pytestmark = pytest.mark.django_db


def state(response):
    return response.get("X-Page-Cache", "")


def test_filling_up_and_a_cancellation_show_on_the_next_request(make_event, settings):
    settings.PAGE_CACHE_SECONDS = 600
    event = make_event("Jam-making workshop", registration_enabled=True, capacity=1)
    for path in (event.url, "/events/"):
        Client().get(path)
        assert state(Client().get(path)) == "hit", path

    registration, _created = registrations.register(
        event, event.next_occurrence, name="Ada", email="ada@example.org"
    )
    full = Client().get(event.url)
    assert state(full) != "hit"
    assert "This event is full" in full.content.decode()
    assert "Full: waiting list open" in Client().get("/events/").content.decode()

    assert state(Client().get(event.url)) == "hit"
    registrations.cancel(registration)
    free_again = Client().get(event.url)
    assert state(free_again) != "hit"
    assert "This event is full" not in free_again.content.decode()


def test_the_ics_file_is_cached_and_dropped_with_its_event(make_event, settings):
    settings.PAGE_CACHE_SECONDS = 600
    event = make_event("Apple pressing")
    Client().get(event.url + "ical/")
    cached = Client().get(event.url + "ical/")
    assert state(cached) == "hit"
    assert cached["Content-Type"].startswith("text/calendar")
    event.title = "Apple pressing (new date)"
    event.save_revision().publish()
    assert "Apple pressing (new date)" in Client().get(event.url + "ical/").content.decode()
