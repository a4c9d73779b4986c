"""Repeating events: a weekly or monthly rule (python-dateutil's rrule)
expanded on **local wall-clock time**, then given the zone.

A meeting at 18:30 every Tuesday stays at 18:30 across both clock changes,
because the rule runs over naive local times and each date is only then
placed in Europe/London (`localize`). Two wall-clock times need a rule:

- a time that does not exist (01:30 on the last Sunday of March, when the
  clocks jump from 01:00 to 02:00) moves forward by the gap: 02:30 BST;
- a time that occurs twice (01:30 on the last Sunday of October) is the
  first of the two, in summer time (BST, fold=0), as most calendar apps do.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from dateutil.rrule import MONTHLY, WEEKLY, rrule

UTC = datetime.UTC
MAX_OCCURRENCES = 200  # a rule without an end stops here


def event_zone():
    """Returns the zone events are planned in (the site's, Europe/London)."""
    return ZoneInfo(settings.TIME_ZONE)


def localize(naive, zone=None):
    """Returns the aware datetime for the local wall-clock time `naive`: a
    time in a spring-forward gap moves forward by the gap, an ambiguous time
    in the autumn is the first (summer-time) one."""
    zone = zone or event_zone()
    aware = naive.replace(tzinfo=zone, fold=0)
    # Round-tripping through UTC normalises a non-existent time (fold=0 reads
    # it with the offset before the change, which lands after the gap).
    return aware.astimezone(UTC).astimezone(zone)


def parse_dates(text):
    """Returns the dates written one per line (YYYY-MM-DD) in `text`, sorted;
    raises ValueError naming the first line that is not a date."""
    dates = set()
    for line in (text or "").splitlines():
        line = line.strip().rstrip(",")
        if not line:
            continue
        dates.add(datetime.date.fromisoformat(line))
    return sorted(dates)


def occurrence_starts(start, *, frequency, until=None, count=None, exceptions=(), limit=None):
    """Returns the aware start of every occurrence of a rule that begins at
    the aware datetime `start` and repeats `frequency` ("weekly" or
    "monthly") until the date `until` (inclusive) or `count` times, skipping
    the dates in `exceptions`. Without a rule, returns [start]."""
    if frequency not in ("weekly", "monthly"):
        return [start]
    zone = event_zone()
    local = start.astimezone(zone).replace(tzinfo=None)
    kwargs = {"dtstart": local, "freq": WEEKLY if frequency == "weekly" else MONTHLY}
    if count:
        kwargs["count"] = count
    elif until:
        kwargs["until"] = datetime.datetime.combine(until, datetime.time.max)
    else:
        kwargs["count"] = MAX_OCCURRENCES
    skipped = set(exceptions)
    starts = []
    for naive in rrule(**kwargs):
        if naive.date() in skipped:
            continue
        starts.append(localize(naive, zone))
        if limit and len(starts) >= limit:
            break
    return starts


def shift_end(start, duration_local, zone=None):
    """Returns the end of an occurrence starting at aware `start` that lasts
    the wall-clock duration `duration_local` (a timedelta of local time)."""
    zone = zone or event_zone()
    local = start.astimezone(zone).replace(tzinfo=None)
    return localize(local + duration_local, zone)
