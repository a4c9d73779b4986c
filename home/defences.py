"""Defences against automated posting: the one module every public form a
resident fills in uses (comments, reports, joining or contacting a network,
proposing one; consultations and events next).

A form opts in three ways, all of them the same for every form:

1. Its class mixes in `HumanCheckFormMixin`: a honeypot field that people
   never see and a signed timestamp of when the form was shown, so that a
   post faster than a person can type is refused. Both refuse before anything
   is stored and the form comes back with what was typed.
2. Its template has ``{% include "home/includes/human_check_fields.html" %}``
   inside the ``<form>``: the hidden clock and the honeypot.
3. Its view, once the form is valid and before anything is stored, calls
   ``message = rate_limited(request, scope, email=...)`` and, if a message
   comes back, adds it to the form (``form.add_error(None, message)``) and
   answers 429 with the page again.

A form that stores something (a comment, a consultation response, an event
registration) is also **idempotent per rendering**: the clock carries a
random nonce for each rendering of the form (`sign_started`; the page cache
fills a fresh clock in per request), and `form.submission_key()` returns it
with a digest of what was sent (the same rendering sent with other words is
another submission).
The model keeps it in a unique, nullable column (`submission_key_field`);
the view first asks `first_submission` whether that rendering was stored
already and, if so, answers as it did the first time (the same redirect, no
second row, no second email). Two copies arriving at the same moment are
told apart by the unique constraint, not by a read-then-write: the view
stores in a savepoint and on `IntegrityError` asks `first_submission` again.
That is what a resident's browser needs when an answer is lost on the way
(a server killed mid-request, a proxy giving up): they press the button
again, or double-click it, and their comment is stored once.

The settings are the site admins', in one place: Settings → Site settings →
Spam defences (`home.models.SiteSettings`): the least time to fill in a form,
the limits per connection and per email address for every form, and
different limits for one kind of form where a site admin wants them.

Counting uses the default cache, which every process shares (`hit`), and the
poster's address is read behind the number of trusted proxies in the setting
TRUSTED_PROXY_COUNT (`client_ip`). What is about one kind of form only
(comments' blocklists and link limits) stays with its app: see `comments.spam`.
"""

import contextlib
import hashlib
import ipaddress
import os
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import SiteSettings

STARTED_SALT = "home.defences.started"
# Clocks signed before the module was named for what it is: still accepted, so
# that a form open in a browser across the upgrade goes through.
OLD_STARTED_SALTS = ("comments.form.started",)
HONEYPOT_FIELD = "contact_me_by_fax_only"
STARTED_FIELD = "started"
RATE_WINDOW_SECONDS = 60 * 60
RATE_PREFIX = "defences:rate"

#: The "try again later" message, by the limit that was reached.
RATE_LIMIT_MESSAGES = {
    "ip": _(
        "A lot of forms have been sent from your connection in the last hour, so this one "
        "was not sent. What you wrote is below: please try again in an hour."
    ),
    "email": _(
        "A lot of forms have been sent from this email address in the last hour, so this "
        "one was not sent. What you wrote is below: please try again in an hour."
    ),
}


#: The length of a submission key (the clock's nonce: 16 random bytes, hex).
SUBMISSION_KEY_LENGTH = 32


def sign_started(now=None):
    """Returns a signed clock for a form's `started` field: the time it was
    shown (milliseconds) and a random nonce for this rendering, the key that
    makes a resubmitted form store once (`submission_key`). Every call is a
    new rendering: never reuse one value for two readers."""
    now = time.time() if now is None else now
    nonce = secrets.token_hex(SUBMISSION_KEY_LENGTH // 2)
    return signing.Signer(salt=STARTED_SALT).sign(f"{int(now * 1000)}.{nonce}")


def _unsigned_clock(value):
    """Returns (milliseconds, nonce or None) of a signed clock, or None if it
    was tampered with. Clocks signed before the nonce have none."""
    for salt in (STARTED_SALT, *OLD_STARTED_SALTS):
        try:
            unsigned = signing.Signer(salt=salt).unsign(value or "")
        except signing.BadSignature:
            continue
        millis, _, nonce = unsigned.partition(".")
        try:
            return int(millis), (nonce or None)
        except ValueError:
            return None
    return None


def unsign_started(value):
    """Returns the time (seconds) a signed `started` value was issued, or None
    if it was tampered with."""
    clock = _unsigned_clock(value)
    return None if clock is None else clock[0] / 1000


def submission_key(value, data):
    """Returns the key of one submission: the nonce of its signed `started`
    value (the form's rendering) with a digest of what was sent in `data`
    (a QueryDict or dict; the CSRF token and clocks left out). Every copy
    of one submission has the same key; another rendering, or the same
    rendering sent again with other words (the back button, a changed
    answer), has another, so it is stored and never taken for a copy.
    None if the clock was tampered with, or signed before clocks had one."""
    clock = _unsigned_clock(value)
    if clock is None or clock[1] is None:
        return None
    sent = hashlib.sha256(clock[1].encode())
    lists = data.lists() if hasattr(data, "lists") else data.items()
    for name, values in sorted(lists):
        if name == "csrfmiddlewaretoken" or name.endswith(STARTED_FIELD):
            continue
        for one in values if isinstance(values, list | tuple) else [values]:
            sent.update(f"\0{name}\0{one}".encode())
    return sent.hexdigest()[:SUBMISSION_KEY_LENGTH]


def submission_key_field():
    """Returns the model field that keeps a stored submission's key: unique
    (so that two copies of one rendering can never both be stored, however
    they race) and nullable (rows stored before the key, or from a clock
    without one)."""
    return models.CharField(
        _("submission key"),
        max_length=SUBMISSION_KEY_LENGTH,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("The form rendering this was sent from: a resubmission stores nothing new."),
    )


def first_submission(queryset, key):
    """Returns the row of `queryset` stored from the rendering `key`, or None
    (always None without a key). Asked before storing (a resubmission) and
    again after an IntegrityError (a copy stored at the same moment)."""
    if not key:
        return None
    return queryset.filter(submission_key=key).first()


class HumanCheckFormMixin:
    """Adds the honeypot and the fill-in clock to a Django form.

    Templates render both with ``{% include "home/includes/human_check_fields.html" %}``;
    `refusals()` returns the errors that are these defences' rather than
    about what the person typed, so that a template can show them without a
    link to a field nobody can see. The least fill-in time is the site
    admins' (Site settings → Spam defences) unless a form is given
    `min_fill_seconds`. A form a person may rightly send within a second (a
    report: one choice and a button) sets `fill_in_clock = False` and keeps
    the honeypot only.
    """

    min_fill_seconds = None  # None: the site settings' value
    fill_in_clock = True
    honeypot_message = _(
        "Something in the form looked automatic. Please check what you wrote "
        "and press the button again."
    )
    started_message = _("Something went wrong with the form. Please press the button again.")
    too_fast_message = _(
        "That was quicker than a person can type. Please check what you wrote, "
        "wait a moment and press the button again."
    )

    def __init__(self, *args, min_fill_seconds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if min_fill_seconds is not None:
            self.min_fill_seconds = min_fill_seconds
        # The honeypot: hidden from people (off screen, out of the tab order,
        # hidden from screen readers); bots fill in every field they find.
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        if not self.fill_in_clock:
            return
        self.fields[STARTED_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        if not self.is_bound and unsign_started(self.initial.get(STARTED_FIELD)) is None:
            self.initial[STARTED_FIELD] = sign_started()

    def get_min_fill_seconds(self):
        """Returns the least number of seconds a person takes to fill in
        this form: the form's own, else the site settings'."""
        if self.min_fill_seconds is not None:
            return self.min_fill_seconds
        return SiteSettings.load().min_fill_seconds

    def clean_contact_me_by_fax_only(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(self.honeypot_message, code="honeypot")
        return ""

    def clean_started(self):
        started = unsign_started(self.cleaned_data.get(STARTED_FIELD))
        if started is None:
            # Tampered with, or missing: start the clock again and ask once more.
            self.data = self.data.copy()
            self.data[self.add_prefix(STARTED_FIELD)] = sign_started()
            raise forms.ValidationError(self.started_message, code="started")
        if time.time() - started < self.get_min_fill_seconds():
            raise forms.ValidationError(self.too_fast_message, code="too_fast")
        return started

    def submission_key(self):
        """Returns the key of the rendering this form was sent from (the
        clock's nonce, signature checked), or None: see `submission_key`."""
        if not self.fill_in_clock or not self.is_bound:
            return None
        return submission_key(self.data.get(self.add_prefix(STARTED_FIELD)), self.data)

    def refusals(self):
        """Returns the errors that are the spam defences' (honeypot, fill-in
        time) rather than about what the person typed."""
        return [
            error for name in (HONEYPOT_FIELD, STARTED_FIELD) for error in self.errors.get(name, [])
        ]

    def person_fields(self):
        """Returns the bound fields a person sees and fills in."""
        return [field for field in self if field.name not in (HONEYPOT_FIELD, STARTED_FIELD)]


def trusted_proxy_count():
    """Returns how many trusted proxies stand in front of the site: the
    setting TRUSTED_PROXY_COUNT, else its old name COMMENTS_PROXY_COUNT, else 0."""
    count = getattr(settings, "TRUSTED_PROXY_COUNT", None)
    if count is None:
        count = getattr(settings, "COMMENTS_PROXY_COUNT", 0)
    return count or 0


def client_ip(request):
    """Returns the poster's IP address. Behind N trusted proxies (setting
    TRUSTED_PROXY_COUNT, default 0) it is the Nth address from the right of
    X-Forwarded-For; a client cannot forge the addresses its proxies append."""
    proxies = trusted_proxy_count()
    address = request.META.get("REMOTE_ADDR", "")
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


@contextlib.contextmanager
def _counter_lock(backend):
    """Holds an exclusive lock that every process sharing a file cache
    respects; other backends are atomic already."""
    if not isinstance(backend, FileBasedCache):
        yield
        return
    os.makedirs(backend._dir, exist_ok=True)
    with open(os.path.join(backend._dir, "defences-rate.lock"), "a+b") as handle:
        locks.lock(handle, locks.LOCK_EX)
        try:
            yield
        finally:
            locks.unlock(handle)


def hit(key, window=RATE_WINDOW_SECONDS, backend=None, prefix=RATE_PREFIX):
    """Counts one attempt against `key` in the current window (fixed windows
    of `window` seconds) and returns the count so far, this one included.

    On Redis and in local memory `cache.add` + `cache.incr` is atomic. Django's
    file cache (the default on one machine, shared by every gunicorn worker)
    implements `incr` as read-then-write and resets the key's timeout, so
    there the count is taken under an exclusive file lock in the cache
    directory: the limit holds across processes exactly."""
    # The backend itself, not the `cache` proxy, so that isinstance sees it.
    backend = backend or caches["default"]
    bucket = int(time.time() // window)
    key = f"{prefix}:{key}:{bucket}"
    if isinstance(backend, FileBasedCache):
        with _counter_lock(backend):
            count = backend.get(key, 0) + 1
            backend.set(key, count, timeout=window)
            return count
    backend.add(key, 0, timeout=window)
    try:
        return backend.incr(key)
    except ValueError:  # expired between add and incr
        backend.add(key, 1, timeout=window)
        return 1


def email_key(email):
    """Returns the key an email address is counted under: hashed, so that no
    address is written to the cache in clear, and in any letter case."""
    return hashlib.sha256((email or "").strip().lower().encode()).hexdigest()


def over_limit(scope, *, ip, email=None, per_ip=0, per_email=0):
    """Counts one attempt at the form `scope` from `ip` (and `email`) and
    returns "ip" or "email" if it goes over that limit (per hour), or "" if it
    may go ahead. Every attempt that gets this far counts, refused or not, so
    that a flood stays blocked; a limit of 0 is off."""
    if per_ip and ip and hit(f"{scope}:ip:{ip}") > per_ip:
        return "ip"
    if per_email and email and hit(f"{scope}:email:{email_key(email)}") > per_email:
        return "email"
    return ""


def rate_limited(request, scope, *, email=None):
    """Counts one attempt at the form `scope` ("comments", "reports", "join",
    "contact", "proposal", "consultation", "event-registration", …) from the
    poster's IP address and from `email`, under the site settings' limits for
    that form. Returns the "try again later" message (translated) if either
    limit is reached, else None."""
    site_settings = SiteSettings.load(request_or_site=request)
    per_ip, per_email = site_settings.rate_limits_for(scope)
    reached = over_limit(
        scope, ip=client_ip(request), email=email, per_ip=per_ip, per_email=per_email
    )
    return str(RATE_LIMIT_MESSAGES[reached]) if reached else None
