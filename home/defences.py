"""Defences against automated posting, shared by every public form that a
resident fills in (comments, joining or contacting a network, proposing one).

- `HumanCheckFormMixin` gives a form a honeypot field that people never see
  and a signed timestamp of when the form was shown, so that a post faster
  than a person can type is refused. Both refuse before anything is stored
  and the form comes back with what was typed.
- `hit` counts attempts in the cache that every process shares, for rate
  limits that hold across gunicorn workers.
- `client_ip` finds the poster's address behind a known number of proxies.

What each form does on top (blocklists, link limits, per-email limits) stays
with the form's own app: see `comments.spam`.
"""

import contextlib
import ipaddress
import os
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks
from django.utils.translation import gettext_lazy as _

STARTED_SALT = "comments.form.started"  # kept, so that forms open in a browser stay valid
HONEYPOT_FIELD = "contact_me_by_fax_only"
STARTED_FIELD = "started"
RATE_WINDOW_SECONDS = 60 * 60


def sign_started(now=None):
    """Returns a signed timestamp (milliseconds) for a form's `started` field."""
    now = time.time() if now is None else now
    return signing.Signer(salt=STARTED_SALT).sign(str(int(now * 1000)))


def unsign_started(value):
    """Returns the time (seconds) a signed `started` value was issued, or None
    if it was tampered with."""
    try:
        return int(signing.Signer(salt=STARTED_SALT).unsign(value or "")) / 1000
    except (signing.BadSignature, ValueError):
        return None


class HumanCheckFormMixin:
    """Adds the honeypot and the fill-in clock to a Django form.

    Templates render ``form.started`` (hidden) and the honeypot inside an
    element with the class ``form-trap``; `refusals()` returns the errors that
    are these defences' rather than about what the person typed, so that a
    template can show them without a link to a field nobody can see.
    """

    min_fill_seconds = 3
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
        self.fields[STARTED_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
        if not self.is_bound and unsign_started(self.initial.get(STARTED_FIELD)) is None:
            self.initial[STARTED_FIELD] = sign_started()

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
        if time.time() - started < self.min_fill_seconds:
            raise forms.ValidationError(self.too_fast_message, code="too_fast")
        return started

    def refusals(self):
        """Returns the errors that are the spam defences' (honeypot, fill-in
        time) rather than about what the person typed."""
        return [
            error for name in (HONEYPOT_FIELD, STARTED_FIELD) for error in self.errors.get(name, [])
        ]

    def person_fields(self):
        """Returns the bound fields a person sees and fills in."""
        return [field for field in self if field.name not in (HONEYPOT_FIELD, STARTED_FIELD)]


def client_ip(request):
    """Returns the poster's IP address. Behind N trusted proxies (setting
    COMMENTS_PROXY_COUNT, default 0) it is the Nth address from the right of
    X-Forwarded-For; a client cannot forge the addresses its proxies append."""
    proxies = getattr(settings, "COMMENTS_PROXY_COUNT", 0)
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
    with open(os.path.join(backend._dir, "comments-rate.lock"), "a+b") as handle:
        locks.lock(handle, locks.LOCK_EX)
        try:
            yield
        finally:
            locks.unlock(handle)


def hit(key, window=RATE_WINDOW_SECONDS, backend=None, prefix="comments:rate"):
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
