"""A registrant's data on request, and how long we keep attendees' details.

- `export_personal_data(email)`: every registration made with one email
  address, as JSON-ready dicts.
- `erase_personal_data(email, by=None)`: anonymise them (name, email, access
  needs), keeping the numbers (how many came, in what order) and the audit
  trail. Returns how many were anonymised.
- `remove_past_attendee_details(days)`: the same for every registration of
  an event that ended more than `days` ago (setting
  EVENTS_REGISTRATION_RETENTION_DAYS; the `purge_registrations` command).

The first two are events' part of the site-wide privacy requests
(`home.privacy.register("events", …)` in `events.apps`).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from home import privacy as site_privacy

from .models import EventPage, Registration

ERASED_NAME = site_privacy.ERASED_NAME
ERASED_EMAIL_DOMAIN = "erased.invalid"


def export_personal_data(email):
    """Returns every registration made with `email`, as a list of dicts."""
    return [
        {
            "type": "event registration",
            "event": registration.event.title,
            "url": registration.event.full_url,
            "date": registration.occurrence.isoformat() if registration.occurrence else None,
            "name": registration.name,
            "email": registration.email,
            "access_needs": registration.access_needs,
            "language": registration.language,
            "status": registration.status,
            "registered": registration.created_at.isoformat(),
        }
        for registration in Registration.objects.by_email(email)
        .filter(erased=False)
        .select_related("event")
    ]


def _erase(registrations, by=None, reason="erase"):
    count = 0
    with transaction.atomic():
        for registration in registrations.select_for_update():
            registration.name = ERASED_NAME
            registration.email = f"{registration.pk}@{ERASED_EMAIL_DOMAIN}"
            registration.access_needs = ""
            registration.erased = True
            registration.save(update_fields=["name", "email", "access_needs", "erased"])
            log(
                instance=registration,
                action="events.registration.erase",
                user=by if by is not None and by.is_authenticated else None,
                data={"reason": reason},
            )
            count += 1
    return count


def erase_personal_data(email, by=None):
    """Anonymises every registration made with `email`; returns how many."""
    return _erase(Registration.objects.by_email(email).filter(erased=False), by=by)


def remove_past_attendee_details(days, now=None):
    """Anonymises the registrations of events over for more than `days`
    days (repeating events: after their last date). Returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    over = [
        event.pk
        for event in EventPage.objects.filter(
            registrations__erased=False, end__lt=cutoff
        ).distinct()
        | EventPage.objects.filter(registrations__erased=False).exclude(repeat="").distinct()
        if event.occurrences()[-1].end < cutoff
    ]
    return _erase(Registration.objects.filter(event_id__in=over, erased=False), reason="retention")


def remove_expired_attendee_details():
    """The daily scheduled job (home.scheduled): `remove_past_attendee_details`
    after EVENTS_REGISTRATION_RETENTION_DAYS. Returns how many."""
    return remove_past_attendee_details(settings.EVENTS_REGISTRATION_RETENTION_DAYS)
