"""The registration form a resident fills in: name, email, optional access
needs (seen by the organisers only) and, for a repeating event, the date.

It carries the shared defences (`home.defences.HumanCheckFormMixin`); its
view counts attempts with `home.defences.rate_limited(request,
"event-registration", email=...)`, under the limits in Site settings → Spam
defences.
"""

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from home.defences import HumanCheckFormMixin
from home.forms import LineBreaksMixin


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
