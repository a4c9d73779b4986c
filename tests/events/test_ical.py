"""Every .ics and feed parses with icalendar and follows RFC 5545: TZID
with a matching VTIMEZONE, DTSTAMP, SUMMARY = title, a stable UID, SEQUENCE
raised on changes, RRULE/EXDATE, all-day DATE values, STATUS:CANCELLED."""

import datetime

import icalendar
import pytest

from .conftest import local

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return calendar


def vevents(calendar):
    return [c for c in calendar.walk("VEVENT")]


def check_rules(calendar):
    """The rules every VEVENT in every file follows."""
    zones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    for vevent in vevents(calendar):
        for name in ("UID", "DTSTAMP", "SUMMARY", "DTSTART", "DTEND", "URL", "SEQUENCE"):
            assert name in vevent, name
        assert vevent["DTSTAMP"].dt.tzinfo is not None
        start = vevent["DTSTART"]
        if isinstance(start.dt, datetime.datetime):
            tzid = start.params["TZID"]
            assert tzid == "Europe/London" and tzid in zones
            assert vevent["DTEND"].params["TZID"] in zones
        assert "<" not in str(vevent.get("DESCRIPTION", ""))


def ics(client, event):
    return parse(client.get(event.url + "ical/"))


def test_one_event_file(client, make_event):
    event = make_event("Soup & <b>song</b>", venue_name="Hall", venue_postcode="E1 1AA")
    calendar = ics(client, event)
    check_rules(calendar)
    (vevent,) = vevents(calendar)
    assert str(vevent["SUMMARY"]) == event.title
    assert str(vevent["UID"]) == f"{event.translation_key}@commons"
    assert str(vevent["LOCATION"]) == "Hall, E1 1AA"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent["DTSTART"].dt == event.start
    assert "<" not in str(vevent["DESCRIPTION"])


def test_the_event_page_links_add_to_calendar(client, make_event):
    event = make_event()
    html = client.get(event.url).content.decode()
    assert f'href="{event.url}ical/"' in html and "Add to calendar" in html
    assert 'type="text/calendar"' in html


def test_repeating_event_has_rrule_and_exdate_on_wall_clock(client, make_event):
    event = make_event(
        start=local(2027, 3, 16),
        end=local(2027, 3, 16, 20, 0),
        repeat="weekly",
        repeat_until=datetime.date(2027, 4, 13),
        exception_dates="2027-03-30",
    )
    calendar = ics(client, event)
    check_rules(calendar)
    (vevent,) = vevents(calendar)
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["UNTIL"][0].tzinfo is not None
    exdates = [d.dt for d in vevent["EXDATE"].dts]
    assert exdates == [local(2027, 3, 30)]
    assert exdates[0].strftime("%H:%M %Z") == "18:30 BST"
    # The VTIMEZONE knows both offsets, so clients expand to 18:30 every week.
    offsets = {
        sub["TZOFFSETTO"].to_ical() for sub in calendar.walk("STANDARD") + calendar.walk("DAYLIGHT")
    }
    assert {"+0000", "+0100"} <= offsets


def test_all_day_event_uses_dates_and_an_exclusive_end(client, make_event):
    # Ends on 2 May, during the day: on 1 and 2 May, so DTEND is 3 May (exclusive).
    event = make_event(start=local(2027, 5, 1, 0, 0), end=local(2027, 5, 2, 17, 0), all_day=True)
    (vevent,) = vevents(ics(client, event))
    assert vevent["DTSTART"].dt == datetime.date(2027, 5, 1)
    assert vevent["DTEND"].dt == datetime.date(2027, 5, 3)


def test_an_all_day_event_ending_at_midnight_ended_the_day_before(client, make_event):
    # 00:00 on 2 May is the end of 1 May: a one-day event, DTEND 2 May (exclusive).
    event = make_event(start=local(2027, 5, 1, 0, 0), end=local(2027, 5, 2, 0, 0), all_day=True)
    (vevent,) = vevents(ics(client, event))
    assert vevent["DTSTART"].dt == datetime.date(2027, 5, 1)
    assert vevent["DTEND"].dt == datetime.date(2027, 5, 2)


def test_cancelled_event_says_so(client, make_event):
    event = make_event(status="cancelled")
    (vevent,) = vevents(ics(client, event))
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert "Cancelled" in client.get(event.url).content.decode()


def test_online_link_is_never_in_the_public_file_or_page(client, make_event):
    event = make_event(online_url="https://meet.example.org/secret-room")
    response = client.get(event.url + "ical/")
    assert b"secret-room" not in response.content
    assert "secret-room" not in client.get(event.url).content.decode()
    (vevent,) = vevents(parse(response))
    assert str(vevent["LOCATION"]) == "Online"


def test_uid_stays_and_sequence_rises_on_time_place_or_status_change(client, make_event):
    event = make_event()
    first = vevents(ics(client, event))[0]
    assert int(first["SEQUENCE"]) == 0
    event.summary = "A new summary only"
    event.save_revision().publish()
    assert int(vevents(ics(client, event))[0]["SEQUENCE"]) == 0
    for change in (
        {"venue_name": "Another hall"},
        {"status": "postponed"},
        {"start": event.start + datetime.timedelta(hours=1)},
    ):
        for name, value in change.items():
            setattr(event, name, value)
        event.save_revision().publish()
    again = vevents(ics(client, event))[0]
    assert int(again["SEQUENCE"]) == 3
    assert str(again["UID"]) == str(first["UID"])


def test_feeds_for_index_network_and_tag(client, make_event, event_index, network, other_network):
    mine = make_event("Network feed event", tags=["gardening"], repeat="weekly", repeat_count=3)
    theirs = make_event("Other feed event", parent=other_network)
    everything = parse(client.get(event_index.url + "ical/"))
    check_rules(everything)
    titles = {str(v["SUMMARY"]) for v in vevents(everything)}
    assert {mine.title, theirs.title} <= titles
    network_feed = parse(client.get(f"{event_index.url}network/{network.slug}/ical/"))
    titles = {str(v["SUMMARY"]) for v in vevents(network_feed)}
    assert mine.title in titles and theirs.title not in titles
    tag_feed = parse(client.get(f"{event_index.url}tag/gardening/ical/"))
    assert [str(v["SUMMARY"]) for v in vevents(tag_feed)] == [mine.title]
    assert client.get(f"{event_index.url}tag/no-such-tag/ical/").status_code == 404


def test_feeds_are_discoverable(client, event_index, network):
    html = client.get(event_index.url).content.decode()
    assert f'type="text/calendar" href="{event_index.url}ical/"' in html
    html = client.get(network.url).content.decode()
    assert f'type="text/calendar" href="{event_index.url}network/{network.slug}/ical/"' in html


def test_rss_and_atom_of_new_events(client, make_event, event_index):
    import feedparser

    event = make_event("Brand new event")
    for kind in ("rss", "atom"):
        response = client.get(f"{event_index.url}feed/{kind}/")
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert feed.entries[0].title == event.title


def test_the_feed_runs_a_fixed_number_of_queries(client, make_event, event_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(event_index.url + "ical/").status_code == 200
        return len(queries)

    make_event()
    count()  # warm: the site's root paths are cached after the first request
    before = count()
    for _number in range(5):
        make_event(repeat="weekly", repeat_count=3)
    count()  # warm again: publishing refreshes what the first request cached
    assert count() == before
