"""The registration form a resident fills in: name, email, optional access
needs (seen by the organisers only) and, for a repeating event, the date.

It carries the shared defences (`home.defences.HumanCheckFormMixin`); the
per-IP and per-email limit is `_over_rate_limit`, the one place this app
counts attempts until `home.defences.rate_limited` lands.
"""

import hashlib

from django import forms
from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from home.defences import HumanCheckFormMixin, client_ip, hit
from home.forms import LineBreaksMixin

RATE_LIMIT_MESSAGE = _(
    "A lot of registrations have come from your connection or this email address in "
    "the last hour. What you typed is kept below: please try again in an hour."
)


def _over_rate_limit(request, email):
    """Counts one registration attempt per IP address and per email address
    and returns the "try again later" message when either is over its hourly
    limit, else None. (To become `home.defences.rate_limited(request,
    "event-registration", email=email)`.)"""
    limit = settings.PUBLIC_FORMS_RATE_LIMIT_PER_IP
    if not limit:
        return None
    ip = client_ip(request)
    if ip and hit(f"event-registration:ip:{ip}", prefix="events:rate") > limit:
        return RATE_LIMIT_MESSAGE
    key = hashlib.sha256((email or "").strip().lower().encode()).hexdigest()
    if email and hit(f"event-registration:email:{key}", prefix="events:rate") > limit:
        return RATE_LIMIT_MESSAGE
    return None


class RegistrationForm(LineBreaksMixin, HumanCheckFormMixin, forms.Form):
    """Register for an event (or one date of a repeating event)."""

    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Your name must be 80 characters or fewer."),
        },
    )
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("We send your confirmation here. Never published."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.com."),
        },
    )
    access_needs = forms.CharField(
        label=_("Access needs (optional)"),
        help_text=_("Only the organisers see this."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        error_messages={"max_length": _("Please keep this to 1,000 characters or fewer.")},
    )

    def __init__(self, *args, occurrences=(), **kwargs):
        kwargs.setdefault("min_fill_seconds", settings.PUBLIC_FORMS_MIN_FILL_SECONDS)
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.occurrences = {o.key.isoformat(): o for o in occurrences if o.key}
        if self.occurrences:
            self.fields["date"] = forms.ChoiceField(
                label=_("Date"),
                choices=[
                    (key, formats.date_format(o.local_start, "DATETIME_FORMAT"))
                    for key, o in self.occurrences.items()
                ],
                error_messages={
                    "required": _("Choose a date."),
                    "invalid_choice": _("Choose one of the dates listed."),
                },
            )
            self.order_fields(["date", "name", "email", "access_needs"])

    def chosen_occurrence(self):
        """Returns the chosen date's Occurrence (None for a one-off event)."""
        return self.occurrences.get(self.cleaned_data.get("date"))
