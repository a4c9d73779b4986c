"""What the event index, the network pages and the home page list: every
occurrence of the published events, in the reader's language, with a fixed
number of queries whatever the number of events and dates (one for the
events, one for their tags, one for their networks, one for the places).
"""

import datetime

from django.utils import timezone

from languages.listings import below_any_translation_of, in_reader_language
from networks.permissions import attach_networks

from . import recurrence
from .models import ACCESS_FIELDS, EventPage, EventPlaces

UPCOMING_LIMIT_PER_EVENT = 60


def events_for(locale_id, *, network=None, tag=None, access=(), upcoming=None, now=None):
    """Returns the published events for a reader of `locale_id`, narrowed to
    `network`, the tag slug `tag` and the access features `access`; with
    `upcoming` True only those not over yet (a queryset)."""
    events = in_reader_language(EventPage.objects.for_listing(), locale_id)
    if network is not None:
        events = below_any_translation_of(events, network)
    if tag:
        events = events.filter(tags__slug=tag).distinct()
    for feature in access:
        if feature in ACCESS_FIELDS:
            events = events.filter(**{feature: True})
    if upcoming:
        events = events.not_over(now)
    return events


def attach_places(events):
    """Sets `places_by_date` ({date or None: places left}) on every event
    with registration, from its default-language page (one query)."""
    keys = {event.translation_key for event in events if event.registration_enabled}
    found = {}
    if keys:
        for places in EventPlaces.objects.filter(event__translation_key__in=keys).select_related(
            "event"
        ):
            found.setdefault(places.event.translation_key, {})[places.occurrence] = (
                places.places_left
            )
    for event in events:
        event.__dict__["places_by_date"] = found.get(event.translation_key, {})
    return events


def is_full(occurrence):
    """Returns True if no place is left on `occurrence` (from attached places)."""
    event = occurrence.event
    if not event.registration_enabled or event.capacity is None:
        return False
    places = event.__dict__.get("places_by_date", {})
    left = places.get(occurrence.key, event.capacity)
    return left is not None and left <= 0


def occurrences_of(events, *, start=None, end=None, upcoming=True, now=None):
    """Returns the occurrences of `events` (a list) that overlap [start, end)
    (aware datetimes, either may be None), upcoming ones soonest first or
    past ones latest first."""
    now = now or timezone.now()
    found = []
    for event in events:
        for occurrence in event.occurrences():
            if upcoming and occurrence.end < now:
                continue
            if not upcoming and occurrence.end >= now:
                continue
            if start is not None and occurrence.end < start:
                continue
            if end is not None and occurrence.start >= end:
                continue
            found.append(occurrence)
    found.sort(key=lambda o: (o.start, o.event.pk), reverse=not upcoming)
    return found


def day_bounds(first, last):
    """Returns aware datetimes for the start of `first` and the end of `last`
    (dates, either may be None), in the events' zone."""
    start = (
        recurrence.localize(datetime.datetime.combine(first, datetime.time.min)) if first else None
    )
    end = (
        recurrence.localize(
            datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min)
        )
        if last
        else None
    )
    return start, end


def upcoming_for(locale_id, *, network=None, days=None, count=None, now=None):
    """Returns the next occurrences (for a network, or within `days`), with
    networks attached: what network pages and the home page show."""
    now = now or timezone.now()
    events = attach_networks(list(events_for(locale_id, network=network, upcoming=True, now=now)))
    end = now + datetime.timedelta(days=days) if days else None
    found = occurrences_of(events, end=end, now=now)
    return found[:count] if count else found
