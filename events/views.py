"""Views behind the event pages' routes (see `EventIndexPage` and
`EventPage`) and the personal cancel link."""

import calendar
import datetime

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from home.defences import first_submission, rate_limited

from . import ical, listings, registrations, tasks
from .forms import RegistrationForm
from .models import ACCESS_FEATURES, EventTag, Registration

EVENTS_PER_PAGE = 12
SESSION_REGISTERED = "events_registered"


def _date(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def index_filters(index, request):
    """Returns the index's filters from the query string: network, tag (slugs),
    from, to (dates) and access (features)."""
    network_slug = request.GET.get("network", "")
    network = (
        next((n for n in index.networks if n.slug == network_slug), None) if network_slug else None
    )
    return {
        "network": network,
        "tag": request.GET.get("tag", "")[:100],
        "date_from": _date(request.GET.get("from")),
        "date_to": _date(request.GET.get("to")),
        "access": [a for a in request.GET.getlist("access") if a in dict(ACCESS_FEATURES)],
    }


def index_page(index, request, *, past=False):
    """The upcoming (or past) occurrences, filtered and paginated: fetched
    only if the listing is rendered, not served from its fragment."""
    filters = index_filters(index, request)

    def listed():
        events = listings.events_for(
            index.locale_id,
            network=filters["network"],
            tag=filters["tag"],
            access=filters["access"],
            upcoming=not past,
        )
        events = listings.attach_places(listings.attach_networks(list(events)))
        start, end = listings.day_bounds(filters["date_from"], filters["date_to"])
        occurrences = listings.occurrences_of(events, start=start, end=end, upcoming=not past)
        page_obj = Paginator(occurrences, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        for occurrence in page_obj.object_list:
            occurrence.event.__dict__.setdefault("full_dates", set())
            if listings.is_full(occurrence):
                occurrence.event.full_dates.add(occurrence.key)
        return page_obj

    page_obj = SimpleLazyObject(listed)
    query = request.GET.copy()
    query.pop("page", None)
    context = index.get_context(request)
    context.update(
        {
            "past": past,
            "filters": filters,
            "page_obj": page_obj,
            "occurrences": SimpleLazyObject(lambda: page_obj.object_list),
            "access_features": ACCESS_FEATURES,
            "tags": EventTag.objects.filter(tagged_events__content_object__live=True)
            .distinct()
            .order_by("name"),
            "query": query.urlencode(),
            "past_url": index.url + index.reverse_subpage("past"),
            "atom_url": index.feed_url("atom"),
            "network_calendar_url": index.calendar_url(network=filters["network"])
            if filters["network"]
            else "",
            "tag_calendar_url": index.calendar_url(tag=filters["tag"]) if filters["tag"] else "",
        }
    )
    return TemplateResponse(request, "events/event_index_page.html", context)


def month_page(index, request, year, month):
    """The month view: a table of weeks, each day listing its events."""
    if not (1 <= month <= 12 and 1900 < year < 3000):
        raise Http404
    filters = index_filters(index, request)
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])

    def weeks():
        # Fetched only if the month is rendered, not served from its fragment.
        events = listings.attach_networks(
            list(
                listings.events_for(
                    index.locale_id,
                    network=filters["network"],
                    tag=filters["tag"],
                    access=filters["access"],
                )
            )
        )
        start, end = listings.day_bounds(first, last)
        by_day = {}
        for upcoming in (True, False):
            for occurrence in listings.occurrences_of(
                events, start=start, end=end, upcoming=upcoming
            ):
                # An all-day event is on each of its days; a timed one on the day it starts.
                days = (
                    occurrence.days if occurrence.event.all_day else [occurrence.local_start.date()]
                )
                for day in days:
                    by_day.setdefault(day, []).append(occurrence)
        for day in by_day.values():
            day.sort(key=lambda o: o.start)
        return [
            [(day, by_day.get(day, []) if day.month == month else None) for day in week]
            for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        ]

    previous = first - datetime.timedelta(days=1)
    following = last + datetime.timedelta(days=1)
    context = index.get_context(request)
    context.update(
        {
            "month": first,
            "weeks": SimpleLazyObject(weeks),
            "weekdays": [datetime.date(2024, 1, 1 + i) for i in range(7)],  # a Monday first
            "previous_url": index.url
            + index.reverse_subpage("month", args=[previous.year, previous.month]),
            "next_url": index.url
            + index.reverse_subpage("month", args=[following.year, following.month]),
            "filters": filters,
        }
    )
    return TemplateResponse(request, "events/event_month.html", context)


def calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def feed_calendar(index, request, *, network=None, tag=None, name=None):
    """An iCal feed of every upcoming and recent event (one VEVENT each, the
    repeating ones with their rule)."""
    recent = timezone.now() - datetime.timedelta(days=30)
    events = listings.events_for(
        index.locale_id, network=network, tag=tag, upcoming=True, now=recent
    ).defer(None)  # descriptions go into DESCRIPTION
    pairs = [(event, event.get_full_url(request)) for event in events]
    return calendar_response(ical.feed_ics(name or index.title, pairs), "events.ics")


def event_calendar(event, request):
    """The "Add to calendar" file of one event."""
    return calendar_response(
        ical.event_ics(event, event.get_full_url(request)), f"{event.slug}.ics"
    )


def registration_context(event, request, form=None, notice=""):
    """What the registration section shows: the form (or why it is closed)
    and whether the chosen date is full."""
    upcoming = event.upcoming_occurrences(limit=20)
    occurrence = upcoming[0] if upcoming else None
    reason = event.registration_closed_reason(occurrence)
    target = event.registration_event()
    full = False
    if event.registration_enabled and event.capacity is not None and occurrence is not None:
        places = target.places.filter(occurrence=occurrence.key).first()
        full = places is not None and places.places_left == 0
    if form is None and not reason:
        form = RegistrationForm(occurrences=upcoming if event.is_repeating else ())
    return {
        "registration_form": form,
        "registration_closed": reason,
        "registration_full": full,
        "registration_notice": notice,
        "register_url": event.url + event.reverse_subpage("register"),
    }


def register(event, request):
    """Takes a registration (POST; a GET goes back to the page's form).
    Nothing is stored unless the form, the defences and the rate limit all
    pass; otherwise the page comes back with what was typed."""
    if request.method != "POST":
        return redirect(event.url + "#register")
    upcoming = event.upcoming_occurrences(limit=20)
    form = RegistrationForm(request.POST, occurrences=upcoming if event.is_repeating else ())
    earlier = first_submission(Registration.objects.all(), form.submission_key())
    if earlier is not None:
        # This rendering was stored already (its answer lost, the button
        # pressed again): the same confirmation, nothing stored or sent again.
        request.session[SESSION_REGISTERED] = {"id": earlier.pk, "again": False}
        return redirect(event.url + event.reverse_subpage("registered"))
    status = 400
    if form.is_valid():
        occurrence = form.chosen_occurrence() or (upcoming[0] if upcoming else None)
        reason = event.registration_closed_reason(occurrence)
        email = form.cleaned_data["email"]
        limited = None if reason else rate_limited(request, "event-registration", email=email)
        if reason:
            form.add_error(None, reason)
            status = 403
        elif limited:
            form.add_error(None, limited)
            status = 429
        else:
            registration, created = registrations.register(
                event,
                occurrence,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                access_needs=form.cleaned_data["access_needs"],
                language=request.LANGUAGE_CODE,
                key=form.submission_key(),
            )
            request.session[SESSION_REGISTERED] = {"id": registration.pk, "again": not created}
            return redirect(event.url + event.reverse_subpage("registered"))
    context = event.get_context(request)
    context.update(registration_context(event, request, form=form))
    return TemplateResponse(request, event.get_template(request), context, status=status)


def registered(event, request):
    """The confirmation after registering: a place, or the waiting list."""
    data = request.session.get(SESSION_REGISTERED) or {}
    registration = Registration.objects.filter(pk=data.get("id")).first()
    if registration is None or registration.event.translation_key != event.translation_key:
        return redirect(event.url)
    context = event.get_context(request)
    context.update(
        {
            "registration": registration,
            "again": data.get("again"),
            "occurrence": event.occurrence_on(registration.occurrence) or event.next_occurrence,
            "show_online": registration.status == Registration.Status.CONFIRMED,
        }
    )
    return TemplateResponse(request, "events/registered.html", context)


@require_http_methods(["GET", "POST"])
def cancel_registration(request, token):
    """The personal cancel link: GET asks to confirm, POST cancels. A forged
    link is refused (400); a used one says the place was already cancelled."""
    registration = tasks.registration_for_token(token)
    if registration is None:
        return HttpResponseBadRequest(_("This cancel link is not valid."))
    event = registration.event.specific
    context = {"registration": registration, "event": event, "page": event, "token": token}
    if registration.status == Registration.Status.CANCELLED:
        context["already"] = True
        return TemplateResponse(request, "events/cancel.html", context, status=410)
    if request.method == "POST":
        registrations.cancel(registration)
        context["done"] = True
    return TemplateResponse(request, "events/cancel.html", context)
