"""What happens when an event is published: calendars hear of a change of
time, place or status (SEQUENCE is raised), registrants are told (with the
updated .ics, or a cancellation), and a changed capacity moves the waiting
list. A registration taken, cancelled or promoted drops the event's page
from the page cache (places left, "waiting list")."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from wagtail.signals import page_published

from home import page_cache

from . import registrations
from .models import CalendarState, EventPage, Registration
from .tasks import send_registration_email


def record_calendar_change(event):
    """Updates the event's CalendarState; returns True if its time, place or
    status changed since it was last published (SEQUENCE raised)."""
    fingerprint = event.calendar_fingerprint()
    state, created = CalendarState.objects.select_for_update().get_or_create(
        translation_key=event.translation_key, defaults={"fingerprint": fingerprint}
    )
    if created or state.fingerprint == fingerprint:
        return False
    state.sequence += 1
    state.fingerprint = fingerprint
    state.changed_at = timezone.now()
    state.save(update_fields=["sequence", "fingerprint", "changed_at"])
    return True


@receiver(page_published)
def event_published(sender, instance, **kwargs):
    page = instance.specific
    if not isinstance(page, EventPage):
        return
    with transaction.atomic():
        changed = record_calendar_change(page)
        event = page.registration_event()
        if event.pk != page.pk:
            return  # a translation: the original's places and people
        registrations.apply_capacity(event)
        if changed:
            kind = "event_cancelled" if event.is_cancelled else "changed"
            ids = list(
                Registration.objects.active().filter(event=event).values_list("pk", flat=True)
            )
            transaction.on_commit(lambda: [send_registration_email.enqueue(pk, kind) for pk in ids])


@receiver(post_save, sender=Registration, dispatch_uid="events.page_cache_on_registration")
def drop_cached_event_after_registration(sender, instance, **kwargs):
    """The event's places left, its "full" and "waiting list" notices
    changed: drop its page (and the listings that show it) from the caches."""
    if page_cache.invalidation_needed():  # else not even a query inside the lock
        page_cache.invalidate_page(instance.event)
    else:
        page_cache.listings_changed()  # the listings' "full" notices (no query)
