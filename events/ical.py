"""iCalendar files (RFC 5545) with the `icalendar` library: one event's
"Add to calendar" file, the feeds of many events, and the files attached to
registrants' emails (METHOD:REQUEST, or METHOD:CANCEL when it is cancelled).

Every DTSTART/DTEND carries TZID=Europe/London and the calendar holds the
matching VTIMEZONE; a repeating event is one VEVENT with its RRULE and
EXDATEs; an all-day event uses DATE values (DTEND the day after the last);
UID is the page's translation key, the same in every language and after
every edit; SEQUENCE is `EventPage.calendar_sequence`.
"""

import datetime

from django.utils import timezone
from django.utils.html import strip_tags

from icalendar import Calendar, Event, vRecur

from . import recurrence
from .models import CalendarState

PRODID = "-//Commons//Events//EN"


def plain_description(event):
    """Returns the event's summary and description as plain text."""
    parts = [event.summary]
    if event.status != event.Status.SCHEDULED:
        parts.insert(0, str(event.get_status_display()).upper())
    description = getattr(event, "description", None)
    if description:
        text = strip_tags(str(description)).strip()
        parts.append("\n".join(line.strip() for line in text.splitlines() if line.strip()))
    if event.cost:
        parts.append(event.cost)
    return "\n\n".join(part for part in parts if part)


def new_calendar(name=None, method=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", recurrence.event_zone().key)
    return calendar


def _add_rule(vevent, event):
    rule = {"freq": "WEEKLY" if event.repeat == "weekly" else "MONTHLY"}
    if event.repeat_count:
        rule["count"] = event.repeat_count
    elif event.repeat_until:
        # UNTIL in UTC, as RFC 5545 requires when DTSTART has a TZID.
        last = datetime.datetime.combine(event.repeat_until, datetime.time(23, 59, 59))
        rule["until"] = recurrence.localize(last).astimezone(datetime.UTC)
    vevent.add("rrule", vRecur(rule))
    exceptions = event.exceptions
    if exceptions:
        start = event.local_start
        if event.all_day:
            vevent.add("exdate", exceptions)
        else:
            vevent.add(
                "exdate",
                [
                    recurrence.localize(
                        datetime.datetime.combine(day, start.time().replace(tzinfo=None))
                    )
                    for day in exceptions
                ],
            )


def build_vevent(event, url, *, sequence=None, include_online=False, stamp=None):
    """Returns the VEVENT for `event` (its whole rule, if it repeats). The
    online link goes in only with `include_online` (registrants' files)."""
    vevent = Event()
    vevent.add("uid", event.calendar_uid)
    vevent.add("dtstamp", stamp or timezone.now().astimezone(datetime.UTC))
    vevent.add("summary", event.title)
    if event.all_day:
        vevent.add("dtstart", event.local_start.date())
        # DTEND of a DATE event is exclusive (RFC 5545): the day after the last.
        vevent.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        vevent.add("dtstart", event.local_start)
        vevent.add("dtend", event.local_end)
    if event.is_repeating:
        _add_rule(vevent, event)
    location = event.location_text()
    if include_online and event.online_url:
        location = f"{location} ({event.online_url})" if event.has_venue else event.online_url
    if location:
        vevent.add("location", location)
    vevent.add("url", url)
    description = plain_description(event)
    if include_online and event.online_url:
        description += f"\n\n{event.online_url}"
    vevent.add("description", description)
    vevent.add("sequence", event.calendar_sequence if sequence is None else sequence)
    vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if event.organiser_email:
        vevent.add(
            "organizer",
            f"mailto:{event.organiser_email}",
            parameters={"cn": event.organiser_name or event.organiser_email},
        )
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    return vevent


def _finish(calendar, events):
    """Adds the VTIMEZONE the events' times need, covering their dates."""
    if any(not event.all_day for event in events):
        years = [event.local_start.year for event in events] or [timezone.now().year]
        calendar.add_missing_timezones(
            first_date=datetime.date(min(years) - 1, 1, 1),
            last_date=datetime.date(max(years) + 3, 1, 1),
        )
    return calendar.to_ical()


def event_ics(event, url, *, include_online=False, method=None):
    """Returns the bytes of one event's .ics file."""
    if method is None and include_online:
        method = "CANCEL" if event.is_cancelled else "REQUEST"
    calendar = new_calendar(method=method)
    calendar.add_component(build_vevent(event, url, include_online=include_online))
    return _finish(calendar, [event])


def feed_ics(name, events_with_urls):
    """Returns the bytes of a feed: every (event, url) pair as a VEVENT."""
    calendar = new_calendar(name=name)
    pairs = list(events_with_urls)
    events = [event for event, _url in pairs]
    # Every event's SEQUENCE in one query, whatever the number of events.
    sequences = dict(
        CalendarState.objects.filter(
            translation_key__in=[event.translation_key for event in events]
        ).values_list("translation_key", "sequence")
    )
    for event, url in pairs:
        sequence = sequences.get(event.translation_key, 0)
        calendar.add_component(build_vevent(event, url, sequence=sequence))
    return _finish(calendar, events)
