"""An all-day event's last day, the one rule (events.models.last_day): its
end date is the last day, and an end at 00:00 on a later day means it ended
the day before. The page, its JSON-LD and the month view follow it (the .ics
in test_ical.py)."""

import datetime
import json
import re

import pytest

from .conftest import local

pytestmark = pytest.mark.django_db


def days_listed(client, event_index, event, year=2027, month=5):
    """Returns the days of the month view that list `event`."""
    response = client.get(f"{event_index.url}month/{year}/{month}/")
    return [
        day
        for week in response.context["weeks"]
        for day, occurrences in week
        if occurrences and any(o.event.pk == event.pk for o in occurrences)
    ]


def when(client, event):
    """Returns the page's dates as text and the JSON-LD's endDate."""
    html = client.get(event.url).content.decode()
    (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    times = re.findall(r'<time datetime="([^"]+)"', html)
    return times, json.loads(ld)["endDate"]


def test_ending_at_midnight_is_one_day_on_the_page_and_in_the_month(
    client, event_index, make_event
):
    event = make_event(start=local(2027, 5, 1, 0, 0), end=local(2027, 5, 2, 0, 0), all_day=True)
    times, end_date = when(client, event)
    assert "2027-05-02" not in times
    assert "2027-05-01" in times
    assert end_date == "2027-05-01"
    assert days_listed(client, event_index, event) == [datetime.date(2027, 5, 1)]


def test_an_end_during_the_last_day_counts_that_day(client, event_index, make_event):
    event = make_event(start=local(2027, 5, 1, 0, 0), end=local(2027, 5, 3, 17, 0), all_day=True)
    times, end_date = when(client, event)
    assert {"2027-05-01", "2027-05-03"} <= set(times)
    assert end_date == "2027-05-03"
    # The month view lists it on each of its days.
    assert days_listed(client, event_index, event) == [
        datetime.date(2027, 5, 1),
        datetime.date(2027, 5, 2),
        datetime.date(2027, 5, 3),
    ]


def test_a_timed_event_is_listed_on_the_day_it_starts(client, event_index, make_event):
    event = make_event(start=local(2027, 5, 1, 22, 0), end=local(2027, 5, 2, 1, 0))
    assert days_listed(client, event_index, event) == [datetime.date(2027, 5, 1)]
