"""Taking, cancelling and promoting registrations, with the places counted
by the database.

Every path locks the event's `EventPlaces` row first (`SELECT … FOR UPDATE`
on PostgreSQL; SQLite's IMMEDIATE transactions take the write lock at
BEGIN), so registrations are numbered in the order they arrive. A place is
taken with a conditional update (`places_left > 0`), never by counting and
then inserting, and a check constraint refuses any write below zero. Emails
are queued only after the transaction commits.
"""

import time

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import F
from django.utils.translation import get_language

from wagtail.log_actions import log

from home.defences import first_submission

from .models import EventPage, EventPlaces, Registration
from .tasks import send_registration_email

LOCK_RETRIES = 50


def _retrying(work):
    """Runs `work()` in a transaction, again if SQLite reports a lock
    (shared-cache test databases do not wait for one)."""
    for attempt in range(LOCK_RETRIES):
        try:
            with transaction.atomic():
                return work()
        except OperationalError as error:
            if "locked" not in str(error) or attempt == LOCK_RETRIES - 1:
                raise
            time.sleep(0.005 * (attempt + 1))
    raise AssertionError("unreachable")


def places_for(event, key):
    """Returns the EventPlaces row of `event` (its default-language page) on
    the date `key` (None for a one-off event), creating it with the event's
    capacity the first time."""
    try:
        with transaction.atomic():
            places, _created = EventPlaces.objects.get_or_create(
                event=event, occurrence=key, defaults={"places_left": event.capacity}
            )
    except IntegrityError:
        places = EventPlaces.objects.get(event=event, occurrence=key)
    return places


def _event_and_places(page, key):
    event = page.registration_event()
    return event, places_for(event, key)


def _lock(places):
    return EventPlaces.objects.select_for_update().get(pk=places.pk)


def _fill(places, by=None):
    """Promotes waiting people, first come first, while places are left.
    Returns the promoted registrations. Safe to run twice."""
    promoted = []
    locked = _lock(places)
    waiting = Registration.objects.waiting().filter(
        event_id=locked.event_id, occurrence=locked.occurrence
    )
    for registration in waiting:
        if locked.places_left is not None:
            taken = EventPlaces.objects.filter(pk=locked.pk, places_left__gt=0).update(
                places_left=F("places_left") - 1
            )
            if not taken:
                break
        promoted.append(registration.promote(by=by, note="place freed"))
    return promoted


def _recount(locked):
    """Sets the places left on the locked row from the event's capacity and
    the confirmed registrations (under the row lock, so nothing can change
    between the count and the write). With fewer places than confirmed
    people (the capacity was lowered), none is left and nobody loses theirs."""
    capacity = EventPage.objects.filter(pk=locked.event_id).values_list("capacity", flat=True)[0]
    confirmed = (
        Registration.objects.confirmed()
        .filter(event_id=locked.event_id, occurrence=locked.occurrence)
        .count()
    )
    locked.places_left = None if capacity is None else max(0, capacity - confirmed)
    locked.save(update_fields=["places_left"])


def _after_commit(kind, registrations):
    ids = [registration.pk for registration in registrations]
    transaction.on_commit(lambda: [send_registration_email.enqueue(pk, kind) for pk in ids])


def register(page, occurrence, *, name, email, access_needs="", language=None, key=None):
    """Registers `email` for `occurrence` of the event `page`. Returns
    (registration, created): an existing live registration with the same
    email comes back with created False (its confirmation is sent again).
    `key` is the form rendering's submission key: a registration already
    stored from it (a resubmission, or a copy arriving at the same moment)
    comes back with created False and nothing is sent again."""
    key_date = occurrence.key
    # Reads too can meet a lock on SQLite's shared-cache test database.
    event, places = _retrying(lambda: _event_and_places(page, key_date))
    email = email.strip()

    def work():
        locked = _lock(places)
        # Under the row lock: a copy of this rendering that took it first is here now.
        earlier = first_submission(Registration.objects.all(), key)
        if earlier is not None:
            return earlier, None
        existing = (
            Registration.objects.active().for_occurrence(event, key_date).by_email(email).first()
        )
        if existing is not None:
            return existing, False
        if locked.places_left is None:
            status = Registration.Status.CONFIRMED
        else:
            taken = EventPlaces.objects.filter(pk=locked.pk, places_left__gt=0).update(
                places_left=F("places_left") - 1
            )
            status = Registration.Status.CONFIRMED if taken else Registration.Status.WAITING
        EventPlaces.objects.filter(pk=locked.pk).update(arrivals=F("arrivals") + 1)
        registration = Registration.objects.create(
            event=event,
            occurrence=key_date,
            name=name,
            email=email,
            access_needs=access_needs,
            language=language or get_language() or "",
            status=status,
            position=locked.arrivals + 1,
            submission_key=key,
        )
        log(
            instance=registration,
            action="events.registration.register",
            data={"to": status},
        )
        return registration, True

    try:
        registration, created = _retrying(work)
    except IntegrityError:  # the same rendering, or the same email, at the same moment
        registration = first_submission(Registration.objects.all(), key)
        if registration is not None:
            return registration, False
        registration = (
            Registration.objects.active().for_occurrence(event, key_date).by_email(email).get()
        )
        created = False
    if created is None:  # stored from this rendering already: answered, never sent again
        return registration, False
    if registration.status == Registration.Status.CONFIRMED:
        _after_commit("confirmed", [registration])
    else:
        _after_commit("waiting", [registration])
    return registration, created


def cancel(registration, by=None):
    """Cancels `registration` and gives its place to the first person
    waiting. Returns the promoted registrations (none if it was cancelled
    already, or was itself waiting)."""
    places = _retrying(lambda: places_for(registration.event, registration.occurrence))

    def work():
        locked = _lock(places)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            return current, []
        was_confirmed = current.status == Registration.Status.CONFIRMED
        current.cancel(by=by)
        promoted = []
        if was_confirmed:
            _recount(locked)
            promoted = _fill(places, by=by)
        return current, promoted

    current, promoted = _retrying(work)
    registration.status = current.status
    _after_commit("promoted", promoted)
    return promoted


def promote_waiting(event, key=None, by=None):
    """Gives free places to the waiting list (idempotent). Returns the
    promoted registrations."""
    places = places_for(event, key)
    promoted = _retrying(lambda: _fill(places, by=by))
    _after_commit("promoted", promoted)
    return promoted


def apply_capacity(event, by=None):
    """After the event's capacity changed: recomputes the places left on
    every date (confirmed people keep their place even if there are now
    fewer places) and promotes the waiting list into any new ones. Returns
    the promoted registrations."""
    promoted = []
    for places in EventPlaces.objects.filter(event=event):

        def work(places=places):
            locked = _lock(places)
            _recount(locked)
            return _fill(locked, by=by)

        promoted += _retrying(work)
    _after_commit("promoted", promoted)
    return promoted
