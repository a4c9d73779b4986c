"""Demo events: per network upcoming and past events, among them one full
with a waiting list, one weekly across a clock change, one online, one
cancelled, one all-day and one with detailed access information. The
Food Partnership's events are translated into Polish and Urdu by the
languages demo (their words are in `languages.demo_texts`).

Dates are relative to the day the demo is loaded, so there is always
something coming up."""

import datetime

from django.utils import timezone

from home.demo import ensure_page, home_page
from home.models import StandardPage
from networks.models import NetworkPage

from . import recurrence, registrations
from .models import EventIndexPage, EventPage

INDEX_INTRO = "Meetings, workshops and gatherings across the borough."


def at(days, hour=18, minute=30):
    """Returns the aware local time `days` from today at hour:minute."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return recurrence.localize(datetime.datetime.combine(day, datetime.time(hour, minute)))


def next_clock_change():
    """Returns the date of the next Europe/London clock change (the last
    Sunday of March or October)."""
    today = timezone.localdate()
    for year in (today.year, today.year + 1):
        for month in (3, 10):
            last = datetime.date(year, month, 31)
            change = last - datetime.timedelta(days=(last.weekday() + 1) % 7)
            if change > today:
                return change
    raise AssertionError("unreachable")


def event_index():
    """Returns the event index, made in place of the placeholder "Events"
    page older versions of the home loader made, if there is one."""
    home = home_page()
    existing = home.get_children().filter(slug="events").first()
    if existing is not None and isinstance(existing.specific, EventIndexPage):
        return existing.specific
    if existing is not None and isinstance(existing.specific, StandardPage):
        existing.delete()
    return ensure_page(
        home,
        EventIndexPage,
        "events",
        title="Events",
        show_in_menus=True,
        intro=INDEX_INTRO,
        before="about",
    )


def demo_events():
    """Returns {network slug: [(slug, fields)]}."""
    change = next_clock_change()
    weekly_start = (change - datetime.timedelta(days=21)) - timezone.localdate()
    weekly_start = max(weekly_start.days, 1)
    return {
        "food-partnership": [
            (
                "volunteer-induction",
                {
                    "title": "New volunteers' evening",
                    "summary": "An evening for new volunteers: food safety and the rota.",
                    "start": at(10),
                    "end": at(10, 20, 30),
                    "venue_name": "St Anne's Hall",
                    "venue_address": "12 Market Street",
                    "venue_postcode": "E1 6AN",
                    "map_url": "https://www.openstreetmap.org/search?query=E1%206AN",
                    "registration_enabled": True,
                    "capacity": 3,
                    "step_free": True,
                    "organiser_name": "Amira Khan",
                    "organiser_email": "volunteers@commons.localhost",
                },
            ),
            (
                "weekly-growing-club",
                {
                    "title": "Weekly growing club",
                    "summary": "Every week at the allotment: seeds, soil and tea.",
                    "start": at(weekly_start),
                    "end": at(weekly_start, 20, 0),
                    "repeat": "weekly",
                    "repeat_until": change + datetime.timedelta(days=21),
                    "venue_name": "Mile End allotments",
                    "venue_postcode": "E3 4QY",
                    "children_welcome": True,
                },
            ),
            (
                "accessible-cooking",
                {
                    "title": "Cooking together",
                    "summary": "A relaxed cooking session for everyone.",
                    "start": at(17, 11, 0),
                    "end": at(17, 14, 0),
                    "venue_name": "Community kitchen",
                    "venue_address": "3 Bow Road",
                    "venue_postcode": "E3 2SE",
                    "step_free": True,
                    "hearing_loop": True,
                    "bsl": True,
                    "quiet_room": True,
                    "accessibility_notes": "Level entry from the street and an accessible toilet.",
                    "cost": "£2, or free",
                    "registration_enabled": True,
                    "capacity": 12,
                },
            ),
            (
                "autumn-harvest-supper",
                {
                    "title": "Harvest supper",
                    "summary": "We shared what the gardens grew.",
                    "start": at(-30),
                    "end": at(-30, 21, 0),
                    "venue_name": "St Anne's Hall",
                },
            ),
        ],
        "digital-practitioners": [
            (
                "online-accessibility-clinic",
                {
                    "title": "Online accessibility clinic",
                    "summary": "Bring a website or a form; we test it together.",
                    "start": at(6, 12, 30),
                    "end": at(6, 13, 30),
                    "online_url": "https://meet.example.org/commons-clinic",
                    "registration_enabled": True,
                    "capacity": 30,
                },
            ),
            (
                "show-and-tell",
                {
                    "title": "Show and tell",
                    "summary": "Five-minute talks about what we built.",
                    "start": at(-14),
                    "end": at(-14, 20, 0),
                    "venue_name": "The Library",
                },
            ),
        ],
        "health-wellbeing": [
            (
                "wellbeing-walk",
                {
                    "title": "Wellbeing walk",
                    "summary": "A gentle walk by the canal.",
                    "start": at(4, 10, 0),
                    "end": at(4, 11, 30),
                    "status": EventPage.Status.CANCELLED,
                    "venue_name": "Canal towpath, Mile End Lock",
                },
            ),
            (
                "health-fair",
                {
                    "title": "Community health fair",
                    "summary": "Stalls, checks and advice all day.",
                    "start": at(2, 0, 0),
                    "end": at(2, 23, 0),
                    "all_day": True,
                    "venue_name": "Town Hall",
                },
            ),
            (
                "carers-cafe",
                {
                    "title": "Carers' café",
                    "summary": "Time out for carers.",
                    "start": at(-7, 14, 0),
                    "end": at(-7, 16, 0),
                    "venue_name": "Library café",
                },
            ),
        ],
        "young-people": [
            (
                "youth-forum",
                {
                    "title": "Youth forum",
                    "summary": "Have your say on youth services.",
                    "start": at(8, 17, 0),
                    "end": at(8, 19, 0),
                    "venue_name": "Youth centre",
                    "registration_enabled": True,
                    "capacity": 40,
                },
            ),
            (
                "summer-games",
                {
                    "title": "Summer games",
                    "summary": "Games in the park.",
                    "start": at(-60, 13, 0),
                    "end": at(-60, 17, 0),
                    "venue_name": "Victoria Park",
                },
            ),
        ],
    }


WAITING_LIST = [
    ("Ola Nowak", "ola@example.com", "pl"),
    ("Ben Carter", "ben@example.com", "en"),
    ("Rima Begum", "rima@example.com", "bn"),
    ("Sam Lee", "sam@example.com", "en"),
    ("Hina Malik", "hina@example.com", "ur"),
]


def load(out):
    index = event_index()
    made = 0
    for network_slug, events in demo_events().items():
        network = NetworkPage.objects.filter(slug=network_slug, locale=index.locale).first()
        if network is None:
            continue
        for slug, fields in events:
            if network.get_children().filter(slug=slug).exists():
                continue
            ensure_page(network, EventPage, slug, **fields)
            made += 1
    full = EventPage.objects.filter(slug="volunteer-induction").first()
    if full is not None and not full.registrations.exists():
        occurrence = full.occurrences()[0]
        for name, email, language in WAITING_LIST:
            registrations.register(full, occurrence, name=name, email=email, language=language)
    out.write(f"  events: the event index and {made} event(s)")
