"""The event index, the month view, a network's and the home page's
upcoming events, and an event page's JSON-LD."""

import datetime
import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'class="event-card__title">.*?<a href="[^"]*">([^<]+)</a>', html, re.S)


def test_index_lists_upcoming_dates_soonest_first_and_past_apart(client, event_index, make_event):
    soon = make_event("Soon event", days=1, tags=["idx"])
    weekly = make_event("Weekly event", days=2, repeat="weekly", repeat_count=3, tags=["idx"])
    past = make_event("Gone event", days=-3)
    html = client.get(event_index.url, {"tag": "idx"}).content.decode()
    listed = titles(html)
    assert listed.index(soon.title) < listed.index(weekly.title)
    assert listed.count(weekly.title) == 3  # every date of a repeating event
    assert past.title not in listed
    assert past.title in titles(client.get(event_index.url + "past/").content.decode())


def test_filters_by_network_tag_dates_and_access(client, event_index, make_event, other_network):
    mine = make_event("Mine", tags=["soup"], step_free=True, days=3)
    theirs = make_event("Theirs", parent=other_network, days=20)
    listed = titles(client.get(event_index.url, {"network": other_network.slug}).content.decode())
    assert theirs.title in listed and mine.title not in listed
    assert mine.title in titles(client.get(event_index.url, {"tag": "soup"}).content.decode())
    assert theirs.title not in titles(client.get(event_index.url, {"tag": "soup"}).content.decode())
    later = (timezone.localdate() + datetime.timedelta(days=15)).isoformat()
    listed = titles(client.get(event_index.url, {"from": later}).content.decode())
    assert theirs.title in listed and mine.title not in listed
    listed = titles(client.get(event_index.url, {"access": "step_free"}).content.decode())
    assert mine.title in listed and theirs.title not in listed


def test_cancelled_is_shown_on_cards(client, event_index, make_event):
    make_event("Called off", status="cancelled")
    html = client.get(event_index.url).content.decode()
    card = html.split("Called off")[0].rsplit("<li", 1)[1]
    assert "Cancelled" in card


def count_queries(client, url, params=None):
    """Returns the queries of a warm request to `url` (the shared cache
    already holding the locales and the frame, as on a running server)."""
    client.get(url, params or {})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


def test_index_and_month_view_run_a_fixed_number_of_queries(client, event_index, make_event):
    month = timezone.localdate() + datetime.timedelta(days=1)
    month_url = f"{event_index.url}month/{month.year}/{month.month}/"
    make_event(tags=["a"], days=1)
    before = (count_queries(client, event_index.url), count_queries(client, month_url))
    for number in range(6):
        make_event(tags=[f"t{number}"], days=1 + number, repeat="weekly", repeat_count=4)
    after = (count_queries(client, event_index.url), count_queries(client, month_url))
    assert after == before


def test_month_view_is_a_table_with_a_caption(client, event_index, make_event):
    event = make_event("Monthly table event", days=2)
    day = event.local_start
    html = client.get(f"{event_index.url}month/{day.year}/{day.month}/").content.decode()
    assert "<table" in html and "<caption>" in html and 'scope="col"' in html
    assert "Monthly table event" in html
    assert client.get(f"{event_index.url}month/2026/13/").status_code == 404


def test_network_page_lists_its_upcoming_events(client, network, other_network, make_event):
    mine = make_event("Network listed event", days=2)
    theirs = make_event("Elsewhere event", parent=other_network, days=2)
    html = client.get(network.url).content.decode()
    assert "Upcoming events" in html and mine.title in html and theirs.title not in html


def test_home_page_shows_whats_on_this_week(client, demo, make_event):
    soon = make_event("This week event", days=2)
    later = make_event("Next month event", days=30)
    html = client.get("/").content.decode()
    assert "What's on this week" in html or "What&#x27;s on this week" in html
    assert soon.title in html and later.title not in html


def test_json_ld_is_an_escaped_schema_org_event(client, make_event):
    event = make_event(
        "</script><script>alert(1)</script>",
        venue_name="Hall",
        online_url="https://meet.example.org/x",
        cost="£3",
        status="postponed",
    )
    html = client.get(event.url).content.decode()
    assert "<script>alert(1)" not in html
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert data["@type"] == "Event" and data["name"] == event.title
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert {place["@type"] for place in data["location"]} == {"Place", "VirtualLocation"}
    assert data["offers"]["description"] == "£3"
    assert "meet.example.org" not in html


def test_demo_has_the_promised_events(demo):
    from events.models import EventPage

    events = EventPage.objects.filter(locale__language_code="en")
    assert events.filter(status="cancelled").exists()
    assert events.filter(all_day=True).exists()
    assert events.exclude(online_url="").exists()
    assert events.exclude(repeat="").exists()
    full = events.get(slug="volunteer-induction")
    assert full.registrations.confirmed().count() == 3 and full.registrations.waiting().count() == 2
    assert EventPage.objects.filter(locale__language_code="pl").exists()
