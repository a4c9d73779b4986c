"""The events listings (the event index, the month view, a network page's
upcoming events, the home page's week) are kept as fragments with the page
cache off (as the tests run): a registration filling an event, a
cancellation, an event ending or coming within the week shows on the next
request, however long the fragment was kept."""

import datetime
import re

from django.test import Client

import pytest
import time_machine

from events import registrations

pytestmark = pytest.mark.django_db


def text(path):
    return Client().get(path).content.decode()


def card(html, title):
    """Returns the HTML of the event card titled `title` in a listing."""
    found = re.search(
        rf'<li class="event-card[^"]*"[^>]*>(?:(?!</li>).)*{title}.*?</li>', html, re.S
    )
    assert found, title
    return found.group(0)


def month_of(event):
    start = event.local_start
    return f"/events/month/{start.year}/{start.month}/"


def test_an_event_filling_up_and_a_place_coming_free_show_on_the_next_request(make_event):
    event = make_event("Jam-making workshop", registration_enabled=True, capacity=1)
    assert "Full: waiting list open" not in card(text("/events/"), "Jam-making workshop")
    registration, _created = registrations.register(
        event, event.next_occurrence, name="Ada", email="ada@example.org"
    )
    assert "Full: waiting list open" in card(text("/events/"), "Jam-making workshop")
    registrations.cancel(registration)
    assert "Full: waiting list open" not in card(text("/events/"), "Jam-making workshop")


def test_a_cancelled_event_says_so_in_every_listing(make_event):
    event = make_event("Apple day", days=2)
    paths = ["/events/", "/networks/food-partnership/", "/", month_of(event)]
    for path in paths:
        assert "Apple day" in text(path), path
    event.status = event.Status.CANCELLED
    event.save_revision().publish()
    for path in paths:
        html = text(path)
        assert "Apple day" in html, path
        assert 'event-status--cancelled">Cancelled' in html, path


def test_an_event_that_ended_leaves_the_upcoming_listings_at_once(make_event):
    event = make_event("Evening litter pick", days=1, hours=1)
    paths = ["/events/", "/networks/food-partnership/", "/"]
    for path in paths:
        assert "Evening litter pick" in text(path), path
    with time_machine.travel(event.end + datetime.timedelta(seconds=1), tick=False):
        for path in paths:
            assert "Evening litter pick" not in text(path), path
        assert "Evening litter pick" in text("/events/past/")


def test_an_event_shows_in_whats_on_this_week_once_it_is_a_week_away(make_event):
    event = make_event("Seed library opening", days=9)
    assert "Seed library opening" not in text("/")
    with time_machine.travel(
        event.start - datetime.timedelta(days=7) + datetime.timedelta(seconds=1), tick=False
    ):
        assert "Seed library opening" in text("/")
