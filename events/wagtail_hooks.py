"""Admin and page wiring for events: audit log actions, the registrations
viewset, and the upcoming-events sections on network pages and the home
page (through the frame's `page_sections` hooks, so neither imports events)."""

import datetime

from django.db.models import Min
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .models import EventIndexPage, EventPage
from .templatetags.events_tags import upcoming_section
from .viewsets import registration_viewset

#: How many days ahead the home page's "What's on this week" looks.
WHATS_ON_DAYS = 7


@hooks.register("register_log_actions")
def register_event_log_actions(actions):
    actions.register_action(
        "events.registration.register", _("Register for an event"), _("Registered for an event")
    )
    actions.register_action(
        "events.registration.promote", _("Promote from the waiting list"), _("Given a place")
    )
    actions.register_action(
        "events.registration.cancel", _("Cancel a registration"), _("Registration cancelled")
    )
    actions.register_action(
        "events.registration.erase", _("Erase a registration"), _("Registration erased")
    )


@hooks.register("network_page_sections")
def network_upcoming_events(context, network):
    """A network's page lists its upcoming events."""
    return upcoming_section(
        context.get("request"), network, network=network, heading=_("Upcoming events")
    )


@hooks.register("home_page_sections")
def home_whats_on(context):
    """The home page shows what's on this week across every network."""
    return upcoming_section(
        context.get("request"),
        context.get("page"),
        days=WHATS_ON_DAYS,
        count=6,
        heading=_("What's on this week"),
    )


@hooks.register("network_page_head")
def network_calendar_link(context, network):
    """A network's page makes its events' iCal feed discoverable."""
    page = network
    index = EventIndexPage.for_locale(page.locale_id)
    if index is None:
        return ""
    return format_html(
        '<link rel="alternate" type="text/calendar" href="{}" title="{}">',
        index.calendar_url(network=page),
        _("%(network)s: events (iCal)") % {"network": page.title},
    )


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


@hooks.register("page_cache_listings")
def event_index_lists_events(page):
    """The event index, its calendar and feeds list every event (home.page_cache)."""
    if isinstance(page, EventPage):
        return EventIndexPage.objects.live()
    return ()


@hooks.register("page_cache_next_change")
def next_event_start_or_end():
    """The next moment the clock changes an events listing (home.page_cache,
    and the timed listing fragments): a live event starts or ends (it moves
    from upcoming to under way to past), or comes within the home page's
    week ("What's on this week"). For a repeating event, its next dates'."""
    now = timezone.now()
    week = datetime.timedelta(days=WHATS_ON_DAYS)
    live = EventPage.objects.live()
    one_off = live.filter(repeat="")
    moments = [
        one_off.filter(**{f"{field}__gt": now}).aggregate(soonest=Min(field))["soonest"]
        for field in ("start", "end")
    ]
    entering = one_off.filter(start__gt=now + week).aggregate(soonest=Min("start"))["soonest"]
    moments.append(entering - week if entering else None)
    for event in live.exclude(repeat="").defer_streamfields():
        for occurrence in event.upcoming_occurrences(now=now, limit=WHATS_ON_DAYS + 2):
            moments += [occurrence.start, occurrence.end, occurrence.start - week]
    return min((moment for moment in moments if moment and moment > now), default=None)
