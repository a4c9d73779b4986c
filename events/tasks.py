"""Background tasks (django-tasks) that email registrants, in the language
they registered in, so that no request waits for a mail server. Each task
takes ids, so the queue holds no personal data."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Locale

from django_tasks import task

from home.staff_email import send_email

from . import ical
from .models import Registration

CANCEL_SALT = "events.registration.cancel"


def subject_for(kind, event):
    subjects = {
        "confirmed": _("Your place at %(event)s"),
        "waiting": _("You are on the waiting list for %(event)s"),
        "promoted": _("A place has come up for you at %(event)s"),
        "changed": _("%(event)s has changed"),
        "event_cancelled": _("%(event)s is cancelled"),
    }
    return subjects[kind] % {"event": event.title}


def cancel_token(registration):
    """Returns the signed token of `registration`'s personal cancel link."""
    return signing.dumps({"r": registration.pk, "s": str(registration.secret)}, salt=CANCEL_SALT)


def registration_for_token(token):
    """Returns the registration a cancel token was made for, or None for a
    forged or mangled token, or one for a registration that is gone."""
    try:
        data = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    registration = Registration.objects.select_related("event").filter(pk=data.get("r")).first()
    if registration is None or str(registration.secret) != data.get("s"):
        return None
    return registration


def base_url():
    return getattr(settings, "WAGTAILADMIN_BASE_URL", "http://localhost").rstrip("/")


def cancel_url(registration):
    return base_url() + reverse("events:cancel", args=[cancel_token(registration)])


def _event_in(registration, language):
    """Returns the event page in `language` where translated."""
    event = registration.event.specific
    locale = Locale.objects.filter(language_code=language).first()
    if locale is not None:
        translated = event.get_translation_or_none(locale)
        if translated is not None and translated.live:
            return translated.specific
    return event


def send_registration_message(registration, kind):
    """Sends `registration` the email of `kind` (confirmed, waiting,
    promoted, changed, event_cancelled), in the registrant's language, with
    the event's .ics where they have a place or the event is cancelled,
    through the site's one send path. Returns 1 once sent."""
    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language):
        event = _event_in(registration, language)
        occurrence = event.occurrence_on(registration.occurrence) or event.next_occurrence
        url = event.get_full_url()
        confirmed = registration.status == Registration.Status.CONFIRMED
        attachments = []
        if kind != "waiting" and (confirmed or kind == "event_cancelled"):
            method = "CANCEL" if event.is_cancelled else "REQUEST"
            attachments.append(
                (
                    "event.ics",
                    ical.event_ics(event, url, include_online=confirmed, method=method),
                    f"text/calendar; charset=utf-8; method={method}",
                )
            )
        return send_email(
            registration.email,
            subject=subject_for(kind, event),
            template="events/email/registration",
            context={
                "registration": registration,
                "event": event,
                "occurrence": occurrence,
                "kind": kind,
                "event_url": url,
                "cancel_url": cancel_url(registration),
                "online_url": event.online_url if confirmed else "",
            },
            attachments=attachments,
        )


@task()
def send_registration_email(registration_id, kind):
    """Sends a registrant the email of `kind`. Returns 1 if sent, 0 if the
    registration is gone, erased or no longer concerned."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.erased:
        return 0
    if registration.status == Registration.Status.CANCELLED and kind != "event_cancelled":
        return 0
    return send_registration_message(registration, kind)


@task()
def send_staff_message(registration_id, subject, body):
    """Sends one registrant a message from the event's organisers, in the
    language they registered in (the frame around the organisers' words:
    the event, its page and the cancel link). Returns 1 if sent, 0 if the
    registration is gone or erased."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or registration.erased:
        return 0
    language = registration.language or settings.LANGUAGE_CODE
    with translation.override(language):
        event = _event_in(registration, language)
        return send_email(
            registration.email,
            subject=subject,
            template="events/email/staff_message",
            context={
                "registration": registration,
                "event": event,
                "message": body,
                "event_url": event.get_full_url(),
                "cancel_url": cancel_url(registration),
            },
        )
