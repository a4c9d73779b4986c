"""Events: pages, their tags, their occurrences and the registrations for them.

An `EventPage` lives under a NetworkPage; the `EventIndexPage` at /events/
gathers every network's events (see `listings`). A registration is
`confirmed`, `waiting` or `cancelled`; every change of status is one audited
method on `Registration` (`TRANSITIONS`, as comments do), and the places are
counted by the database itself in `EventPlaces` (see `registrations`).
"""

import datetime
import uuid
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Locale, Page, PageManager, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from comments.models import CommentableMixin
from home.admin_forms import PageAdminForm
from home.blocks import BaseStreamBlock
from home.defences import submission_key_field
from home.fragments import FRAME, PAGE_CONTENT, cached_value
from home.querysets import CachedPrivacyMixin
from home.routing import CachedViewRestrictionsMixin, DeferredChildRouteMixin
from languages.listings import in_reader_language
from networks.models import NetworkPage
from networks.permissions import cached_network_for_page

from . import recurrence

ACCESS_FEATURES = [
    ("step_free", _("Step-free access")),
    ("hearing_loop", _("Hearing loop")),
    ("bsl", _("British Sign Language (BSL) interpreter")),
    ("quiet_room", _("Quiet room")),
    ("children_welcome", _("Children welcome")),
]
ACCESS_FIELDS = [name for name, _label in ACCESS_FEATURES]


class EventTag(TagBase):
    """A tag for events only: the events' tags are their own vocabulary,
    apart from the blog's."""

    class Meta:
        verbose_name = _("event tag")
        verbose_name_plural = _("event tags")


class TaggedEvent(TaggedItemBase):
    """The link between an event and one of its tags."""

    tag = models.ForeignKey(EventTag, on_delete=models.CASCADE, related_name="tagged_events")
    content_object = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def last_day(local_start, local_end, *, all_day):
    """Returns the last day an event is on, from its local start and end.
    The one rule for every calendar, page and listing: an all-day event's end
    date is its last day, and an end at 00:00 on a later day means it ended
    the day before (an editor who types "until midnight" means that day,
    not one more). A timed event's last day is the date of its end."""
    if all_day and local_end.time() == datetime.time.min and local_end.date() > local_start.date():
        return local_end.date() - datetime.timedelta(days=1)
    return local_end.date()


@dataclass(frozen=True)
class Occurrence:
    """One date of an event: the event itself for a one-off event, or one of
    a repeating event's dates. `key` is the date for a repeating event
    (registrations are per date) and None otherwise."""

    event: "EventPage"
    start: datetime.datetime
    end: datetime.datetime
    key: datetime.date | None = None

    @property
    def local_start(self):
        return timezone.localtime(self.start, recurrence.event_zone())

    @property
    def local_end(self):
        return timezone.localtime(self.end, recurrence.event_zone())

    @property
    def last_day(self):
        """The last day this date of the event is on (see `last_day`)."""
        return last_day(self.local_start, self.local_end, all_day=self.event.all_day)

    @property
    def days(self):
        """Every day this date of the event is on, first to last."""
        first = self.local_start.date()
        return [first + datetime.timedelta(days=n) for n in range((self.last_day - first).days + 1)]

    @property
    def url_suffix(self):
        return f"?date={self.key.isoformat()}" if self.key else ""


class EventQuerySet(CachedPrivacyMixin, PageQuerySet):
    """Event pages, with names for what listings and feeds need."""

    def published(self):
        """Returns the events any visitor may see: live and public."""
        return self.live().public()

    def not_over(self, now=None):
        """Returns the events with a date still to come or under way: those
        that end after `now`, and every repeating event (expanded later)."""
        now = now or timezone.now()
        return self.filter(models.Q(end__gte=now) | ~models.Q(repeat=""))

    def for_listing(self):
        """Returns the published events without their descriptions, with
        their images and tags fetched up front (a fixed number of queries)."""
        return (
            self.published()
            .defer_streamfields()
            .select_related("image", "locale")
            .prefetch_related("tags")
            .order_by("start", "pk")
        )


class EventIndexPage(CachedViewRestrictionsMixin, RoutablePageMixin, DeferredChildRouteMixin, Page):
    """Every network's events at /events/: upcoming and past, by month, with
    filters and calendar feeds. Its routes (relative to the index): ``past/``,
    ``month/<year>/<month>/``, ``ical/`` (every event),
    ``network/<slug>/ical/``, ``tag/<slug>/ical/`` and
    ``feed/rss/`` (``atom``) of new events. The views are in `events.views`."""

    base_form_class = PageAdminForm

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    @classmethod
    def for_locale(cls, locale_id=None):
        """Returns the live event index in `locale_id`, else the default one."""
        indexes = list(cls.objects.live().select_related("locale"))
        return next((i for i in indexes if i.locale_id == locale_id), None) or next(
            (i for i in indexes if i.locale.language_code == settings.LANGUAGE_CODE),
            indexes[0] if indexes else None,
        )

    @cached_property
    def networks(self):
        """Returns the live, public networks in this index's language (the
        network filter's choices)."""
        return list(
            in_reader_language(NetworkPage.objects.live().public(), self.locale_id).order_by(
                "title"
            )
        )

    def get_network(self, slug):
        for network in self.networks:
            if network.slug == slug:
                return network
        raise Http404("No such network")

    def calendar_url(self, network=None, tag=None):
        """Returns the path of the iCal feed of every event, of `network`'s
        or of the tag slug `tag`'s."""
        if network is not None:
            return self.url + self.reverse_subpage("network_calendar", args=[network.slug])
        if tag:
            return self.url + self.reverse_subpage("tag_calendar", args=[tag])
        return self.url + self.reverse_subpage("calendar")

    def feed_url(self, kind="rss"):
        return self.url + self.reverse_subpage("feed", args=[kind])

    def month_url(self, day=None):
        day = day or timezone.localdate()
        return self.url + self.reverse_subpage("month", args=[day.year, day.month])

    def get_cached_paths(self):
        """The paths a CDN purges with this page (Wagtail's frontend cache):
        the listings, the calendar and the feeds. The page cache drops every
        route of the page with it."""
        return ["/", "/past/", "/ical/", "/feed/rss/", "/feed/atom/"]

    @path("")
    def upcoming(self, request):
        """Upcoming events, soonest first, every date of the repeating ones."""
        from . import views

        return views.index_page(self, request)

    @path("past/", name="past")
    def past(self, request):
        """Past events, latest first."""
        from . import views

        return views.index_page(self, request, past=True)

    @path("month/<int:year>/<int:month>/", name="month")
    def month(self, request, year, month):
        """One month as a table."""
        from . import views

        return views.month_page(self, request, year, month)

    @path("ical/", name="calendar")
    def calendar(self, request):
        """The iCal feed of every event."""
        from . import views

        return views.feed_calendar(self, request)

    @path("network/<slug:network_slug>/ical/", name="network_calendar")
    def network_calendar(self, request, network_slug):
        """The iCal feed of one network's events."""
        from . import views

        network = self.get_network(network_slug)
        return views.feed_calendar(self, request, network=network, name=network.title)

    @path("tag/<slug:tag_slug>/ical/", name="tag_calendar")
    def tag_calendar(self, request, tag_slug):
        """The iCal feed of the events with one tag."""
        from . import views

        tag = EventTag.objects.filter(slug=tag_slug).first()
        if tag is None:
            raise Http404("No such tag")
        return views.feed_calendar(self, request, tag=tag_slug, name=tag.name)

    @re_path(r"^feed/(?P<kind>rss|atom)/$", name="feed")
    def feed(self, request, kind):
        """RSS or Atom of new events."""
        from .feeds import EventAtomFeed, EventRssFeed

        return (EventAtomFeed if kind == "atom" else EventRssFeed)()(request, index=self)


class EventPage(CachedViewRestrictionsMixin, CommentableMixin, RoutablePageMixin, Page):
    """An event run by a network (a child of its NetworkPage): when and where,
    how accessible, what it costs, whether it repeats and whether people
    register for it. Comments come from the comments app."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        POSTPONED = "postponed", _("Postponed")

    class Repeat(models.TextChoices):
        NEVER = "", _("Does not repeat")
        WEEKLY = "weekly", _("Every week")
        MONTHLY = "monthly", _("Every month")

    base_form_class = PageAdminForm

    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences: shown in lists, feeds and calendars.")
    )
    description = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("description"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.SCHEDULED, db_index=True
    )
    start = models.DateTimeField(_("starts"), db_index=True)
    end = models.DateTimeField(_("ends"), db_index=True)
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Times are ignored; the dates are inclusive.")
    )
    repeat = models.CharField(_("repeats"), max_length=8, choices=Repeat, blank=True, default="")
    repeat_until = models.DateField(_("repeat until"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        _("number of times"), null=True, blank=True, help_text=_("Instead of an end date.")
    )
    exception_dates = models.TextField(
        _("dates without the event"),
        blank=True,
        help_text=_("One date per line, like 2026-12-22."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("address"), blank=True)
    venue_postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    map_url = models.URLField(
        _("map link"), blank=True, help_text=_("A link to the place on a map website.")
    )
    online_url = models.URLField(
        _("online link"),
        blank=True,
        help_text=_("Shown only to confirmed registrants and in their confirmation email."),
    )
    step_free = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    bsl = models.BooleanField(_("BSL interpreter"), default=False)
    quiet_room = models.BooleanField(_("quiet room"), default=False)
    children_welcome = models.BooleanField(_("children welcome"), default=False)
    accessibility_notes = models.TextField(_("more about access"), blank=True)
    cost = models.CharField(
        _("cost"), max_length=120, blank=True, help_text=_("Leave blank if the event is free.")
    )
    tags = ClusterTaggableManager(through=TaggedEvent, blank=True, verbose_name=_("tags"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    organiser_name = models.CharField(_("organiser"), max_length=120, blank=True)
    organiser_email = models.EmailField(_("organiser's email"), blank=True)
    registration_enabled = models.BooleanField(_("people register"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave blank for no limit.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Blank: when it starts.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("status"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("repeat"),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                FieldPanel("exception_dates"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("venue_postcode"),
                FieldPanel("map_url"),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in ACCESS_FIELDS] + [FieldPanel("accessibility_notes")],
            heading=_("Accessibility"),
        ),
        FieldPanel("description"),
        FieldPanel("cost"),
        FieldPanel("image"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [FieldPanel("organiser_name"), FieldPanel("organiser_email")],
            heading=_("Organiser"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("capacity"),
                FieldPanel("registration_closes_at"),
            ],
            heading=_("Registration"),
        ),
    ]
    settings_panels = Page.settings_panels + CommentableMixin.comment_panels

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
    ]

    # What a translator translates; the rest is the same in every language.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("venue_name"),
        TranslatableField("venue_address"),
        TranslatableField("accessibility_notes"),
        TranslatableField("cost"),
    ] + [
        SynchronizedField(name)
        for name in [
            "status", "start", "end", "all_day", "repeat", "repeat_until", "repeat_count",
            "exception_dates", "venue_postcode", "map_url", "online_url", *ACCESS_FIELDS,
            "image", "tags", "organiser_name", "organiser_email", "registration_enabled",
            "capacity", "registration_closes_at",
        ]
    ]  # fmt: skip

    parent_page_types = ["networks.NetworkPage"]
    subpage_types = []

    objects = PageManager.from_queryset(EventQuerySet)()

    class Meta:
        verbose_name = _("event")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.repeat and self.repeat_until and self.start:
            if self.repeat_until < timezone.localdate(self.start):
                errors["repeat_until"] = _("The last date must be after the first.")
        try:
            recurrence.parse_dates(self.exception_dates)
        except ValueError:
            errors["exception_dates"] = _("Write one date per line, like 2026-12-22.")
        if errors:
            raise ValidationError(errors)

    # --- Routes (views in events.views) -------------------------------------

    def get_cached_paths(self):
        """The paths a CDN purges with this page (Wagtail's frontend cache):
        the event and its .ics file. The page cache drops every route of the page with it."""
        return ["/", "/ical/"]

    @path("")
    def event(self, request):
        """The event's page."""
        return self.render(request)

    @path("ical/", name="calendar")
    def calendar(self, request):
        """ "Add to calendar": the event's .ics file."""
        from . import views

        return views.event_calendar(self, request)

    @path("register/", name="register")
    def register(self, request):
        """Takes a registration (POST)."""
        from . import views

        return views.register(self, request)

    @path("registered/", name="registered")
    def registered(self, request):
        """The confirmation after registering."""
        from . import views

        return views.registered(self, request)

    def get_context(self, request, *args, **kwargs):
        from . import views

        context = super().get_context(request, *args, **kwargs)
        context.update(
            {
                # Both change only with a publish or a tag's change (home.fragments).
                "event_index": cached_value(
                    "event-index",
                    FRAME,
                    lambda: EventIndexPage.for_locale(self.locale_id),
                    vary_on=[self.locale_id],
                    request=request,
                ),
                "upcoming": self.upcoming_occurrences(limit=8),
                "tags": cached_value(
                    "event-tags",
                    PAGE_CONTENT,
                    lambda: list(self.tags.all()),
                    vary_on=[self.pk],
                    request=request,
                ),
                "schema": self.get_schema(request),
                "calendar_url": self.url + self.reverse_subpage("calendar"),
            }
        )
        if "registration_form" not in context:
            context.update(views.registration_context(self, request))
        return context

    def get_schema(self, request=None):
        """Returns the schema.org Event describing this event (for JSON-LD)."""
        occurrence = self.next_occurrence
        modes = {
            (True, False): "OfflineEventAttendanceMode",
            (False, True): "OnlineEventAttendanceMode",
            (True, True): "MixedEventAttendanceMode",
        }
        statuses = {
            self.Status.SCHEDULED: "EventScheduled",
            self.Status.CANCELLED: "EventCancelled",
            self.Status.POSTPONED: "EventPostponed",
        }
        locations = []
        if self.has_venue:
            locations.append(
                {
                    "@type": "Place",
                    "name": self.venue_name or self.location_text(),
                    "address": {
                        "@type": "PostalAddress",
                        "streetAddress": " ".join(self.venue_address.split()),
                        "postalCode": self.venue_postcode,
                        "addressCountry": "GB",
                    },
                }
            )
        if self.is_online:
            locations.append({"@type": "VirtualLocation", "url": self.get_full_url(request)})
        schema = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
            "startDate": (
                occurrence.local_start.date() if self.all_day else occurrence.local_start
            ).isoformat(),
            "endDate": (occurrence.last_day if self.all_day else occurrence.local_end).isoformat(),
            "eventStatus": f"https://schema.org/{statuses[self.status]}",
            "eventAttendanceMode": "https://schema.org/"
            + modes.get((self.has_venue, self.is_online), "OfflineEventAttendanceMode"),
            "location": locations[0] if len(locations) == 1 else locations,
        }
        if self.network:
            schema["organizer"] = {"@type": "Organization", "name": self.network.title}
        if self.cost:
            schema["offers"] = {"@type": "Offer", "description": self.cost, "url": schema["url"]}
        return schema

    # --- Dates --------------------------------------------------------------

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_postponed(self):
        return self.status == self.Status.POSTPONED

    @property
    def is_repeating(self):
        return bool(self.repeat)

    @property
    def local_start(self):
        return timezone.localtime(self.start, recurrence.event_zone())

    @property
    def local_end(self):
        return timezone.localtime(self.end, recurrence.event_zone())

    @property
    def last_day(self):
        """The last day of the event's first date (see `last_day`)."""
        return last_day(self.local_start, self.local_end, all_day=self.all_day)

    @property
    def exceptions(self):
        """Returns the dates the rule skips (an invalid list counts as none)."""
        try:
            return recurrence.parse_dates(self.exception_dates)
        except ValueError:
            return []

    def occurrences(self, limit=None):
        """Returns every Occurrence of the event (one for a one-off event),
        soonest first; a repeating event's dates come from its rule, on local
        wall-clock time (see `events.recurrence`)."""
        if not self.is_repeating:
            return [Occurrence(self, self.start, self.end)]
        duration = self.local_end.replace(tzinfo=None) - self.local_start.replace(tzinfo=None)
        starts = recurrence.occurrence_starts(
            self.start,
            frequency=self.repeat,
            until=self.repeat_until,
            count=self.repeat_count,
            exceptions=self.exceptions,
            limit=limit,
        )
        zone = recurrence.event_zone()
        return [
            Occurrence(
                self,
                start,
                recurrence.shift_end(start, duration, zone),
                key=timezone.localdate(start, zone),
            )
            for start in starts
        ]

    def upcoming_occurrences(self, now=None, limit=None):
        """Returns the occurrences that have not ended by `now`."""
        now = now or timezone.now()
        return [o for o in self.occurrences() if o.end >= now][:limit]

    def occurrence_on(self, key):
        """Returns the occurrence on the date `key` (None for a one-off
        event's only one), or None if the event has no date then."""
        if not self.is_repeating:
            return self.occurrences()[0] if key is None else None
        return next((o for o in self.occurrences() if o.key == key), None)

    @property
    def next_occurrence(self):
        upcoming = self.upcoming_occurrences(limit=1)
        return upcoming[0] if upcoming else self.occurrences()[-1]

    # --- What and where -----------------------------------------------------

    @cached_property
    def network(self):
        """Returns the NetworkPage this event belongs to."""
        return cached_network_for_page(self)

    def get_comment_policy_source(self):
        """Returns the event's network (see CommentableMixin), looked up once."""
        return self.network

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def has_venue(self):
        return bool(self.venue_name or self.venue_address or self.venue_postcode)

    def location_text(self):
        """Returns the venue as one line (name, address, postcode), or "Online"."""
        parts = [self.venue_name, " ".join(self.venue_address.split()), self.venue_postcode]
        text = ", ".join(part for part in parts if part)
        return text or (str(_("Online")) if self.is_online else "")

    def access_features(self):
        """Returns the labels of the access features this event offers."""
        return [label for name, label in ACCESS_FEATURES if getattr(self, name)]

    # --- Calendars ----------------------------------------------------------

    @property
    def calendar_uid(self):
        """Returns the iCalendar UID: the same in every language and after
        every edit (it is the page's translation key)."""
        return f"{self.translation_key}@commons"

    def calendar_fingerprint(self):
        """Returns what calendar apps and registrants must hear about when it
        changes: time, place and status."""
        return "|".join(
            str(value)
            for value in (
                self.start.isoformat() if self.start else "",
                self.end.isoformat() if self.end else "",
                self.all_day,
                self.repeat,
                self.repeat_until,
                self.repeat_count,
                self.exception_dates.strip(),
                self.venue_name,
                " ".join(self.venue_address.split()),
                self.venue_postcode,
                self.online_url,
                self.status,
            )
        )

    @property
    def calendar_sequence(self):
        """Returns the iCalendar SEQUENCE: raised each time the published
        event's time, place or status changed."""
        state = CalendarState.objects.filter(translation_key=self.translation_key).first()
        return state.sequence if state else 0

    # --- Registration -------------------------------------------------------

    def registration_event(self):
        """Returns the page registrations belong to: the event in the site's
        default language, so that every translation shares its places."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self  # the event itself (its locale known without a query)
        default = self.get_translation_or_none(Locale.get_default())
        return default.specific if default is not None else self

    def registration_closes(self, occurrence):
        return self.registration_closes_at or occurrence.start

    def registration_closed_reason(self, occurrence, now=None):
        """Returns why `occurrence` takes no registrations (a sentence), or ""
        when it does."""
        now = now or timezone.now()
        if not self.registration_enabled:
            return _("This event does not take registrations.")
        if self.status != self.Status.SCHEDULED:
            return _("This event is not taking registrations because it is %(status)s.") % {
                "status": self.get_status_display().lower()
            }
        if occurrence is None or now >= self.registration_closes(occurrence):
            return _("Registration for this event has closed.")
        return ""


class CalendarState(models.Model):
    """What calendars last heard about an event (shared by its translations):
    the SEQUENCE and the time, place and status it was raised for."""

    translation_key = models.UUIDField(unique=True)
    sequence = models.PositiveIntegerField(default=0)
    fingerprint = models.TextField(blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("calendar state")

    def __str__(self):
        return f"{self.translation_key} #{self.sequence}"


class EventPlaces(models.Model):
    """The places of one event (or one date of a repeating event), counted by
    the database: a registration takes a place with a conditional update
    (`places_left > 0`) under a row lock, and the check constraint refuses any
    write that would go below zero. `arrivals` numbers registrations in the
    order they arrived. `places_left` is None when there is no limit."""

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="places")
    occurrence = models.DateField(null=True, blank=True)
    places_left = models.PositiveIntegerField(null=True, blank=True)
    arrivals = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("places")
        verbose_name_plural = _("places")
        constraints = [
            models.UniqueConstraint(
                fields=["event"],
                condition=models.Q(occurrence__isnull=True),
                name="events_places_one_per_event",
            ),
            models.UniqueConstraint(
                fields=["event", "occurrence"], name="events_places_one_per_date"
            ),
            models.CheckConstraint(
                condition=models.Q(places_left__isnull=True) | models.Q(places_left__gte=0),
                name="events_places_never_negative",
            ),
        ]

    def __str__(self):
        return f"{self.event_id} {self.occurrence or ''}: {self.places_left}"


class RegistrationQuerySet(models.QuerySet):
    """Registrations, with names for who is coming and who waits."""

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        """Returns the waiting list, first come first."""
        return self.filter(status=Registration.Status.WAITING).order_by("position", "pk")

    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def for_occurrence(self, event, key):
        return self.filter(event=event, occurrence=key)

    def by_email(self, email):
        return self.filter(email__iexact=(email or "").strip())


class Registration(models.Model):
    """A person's place at an event (or on one date of a repeating event), or
    their place on its waiting list. Created by `registrations.register`;
    every later change of status is one of the audited transitions below."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
    occurrence = models.DateField(_("date"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("email"))
    access_needs = models.TextField(_("access needs"), blank=True, max_length=1000)
    language = models.CharField(_("language"), max_length=12, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, db_index=True)
    position = models.PositiveIntegerField(_("arrival"), default=0)
    secret = models.UUIDField(default=uuid.uuid4, editable=False)
    submission_key = submission_key_field()
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    changed_at = models.DateTimeField(_("changed"), null=True, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )
    erased = models.BooleanField(default=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "occurrence", "position", "pk"]
        constraints = [
            # One live registration per email per event, or per date.
            models.UniqueConstraint(
                "event",
                models.functions.Lower("email"),
                condition=models.Q(occurrence__isnull=True) & ~models.Q(status="cancelled"),
                name="events_one_registration_per_email",
            ),
            models.UniqueConstraint(
                "event",
                "occurrence",
                models.functions.Lower("email"),
                condition=~models.Q(status="cancelled"),
                name="events_one_registration_per_email_per_date",
            ),
        ]
        indexes = [models.Index(fields=["event", "occurrence", "status", "position"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    # --- Transitions: one path each, every one audited ---------------------

    TRANSITIONS = {
        "promote": ({Status.WAITING}, Status.CONFIRMED),
        "cancel": ({Status.CONFIRMED, Status.WAITING}, Status.CANCELLED),
    }

    def can_transition(self, action):
        sources, _target = self.TRANSITIONS[action]
        return self.status in sources

    def _transition(self, action, by=None, note=""):
        """Moves the registration along `action` and writes the audit entry.
        Callers hold the places' row lock (see `registrations`)."""
        sources, target = self.TRANSITIONS[action]
        if self.status not in sources:
            raise InvalidTransition(self, action)
        previous = self.status
        with transaction.atomic():
            self.status = target
            self.changed_at = timezone.now()
            self.changed_by = by if by is not None and by.is_authenticated else None
            self.save(update_fields=["status", "changed_at", "changed_by"])
            log(
                instance=self,
                action=f"events.registration.{action}",
                user=self.changed_by,
                data={"from": previous, "to": target, "note": note},
            )
        return self

    def promote(self, by=None, note=""):
        """Gives a waiting person a place. Returns the registration."""
        return self._transition("promote", by, note)

    def cancel(self, by=None, note=""):
        """Cancels the registration (the person's own link, or staff)."""
        return self._transition("cancel", by, note)

    @property
    def occurrence_obj(self):
        return self.event.specific.occurrence_on(self.occurrence)


class InvalidTransition(Exception):
    """Raised when a transition does not apply to a registration's state."""

    def __init__(self, registration, action):
        self.registration = registration
        self.action = action
        super().__init__(f"Cannot {action} a registration that is {registration.status}.")
