"""The residents' forms: a comment (or reply) and a report.

`CommentForm` carries two of the spam defences itself, because both belong to
the form a person fills in: a honeypot field that people never see, and a
signed timestamp of when the form was shown, so that a post faster than a
person can type is refused. Every other defence is in `comments.spam`.
"""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import Comment, CommentReport

STARTED_SALT = "comments.form.started"


def sign_started(now=None):
    """Returns a signed timestamp (milliseconds) for the form's `started` field."""
    now = time.time() if now is None else now
    return signing.Signer(salt=STARTED_SALT).sign(str(int(now * 1000)))


def unsign_started(value):
    """Returns the time (seconds) a signed `started` value was issued, or None
    if it was tampered with."""
    try:
        return int(signing.Signer(salt=STARTED_SALT).unsign(value or "")) / 1000
    except (signing.BadSignature, ValueError):
        return None


class CommentForm(forms.ModelForm):
    """Name, email, comment and the notification choice, with a honeypot and
    a minimum fill-in time."""

    # The honeypot: hidden from people (off screen, out of the tab order,
    # hidden from screen readers); bots fill in every field they find.
    contact_me_by_fax_only = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Comment
        fields = ["name", "email", "body", "notify"]
        labels = {
            "name": _("Name"),
            "email": _("Email"),
            "body": _("Comment"),
            "notify": _("Email me when my comment is published or answered"),
        }
        help_texts = {
            "email": _("Never published. We use it only to tell you about your comment."),
            "body": _("Plain text. Links are allowed; HTML is shown as you typed it."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "maxlength": 80}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            "body": forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
        }
        error_messages = {
            "name": {
                "required": _("Enter your name, or the name you would like to be known by."),
                "max_length": _("Your name must be 80 characters or fewer."),
            },
            "email": {
                "required": _("Enter your email address. It is never published."),
                "invalid": _("Enter an email address like name@example.com."),
            },
            "body": {
                "required": _("Write your comment."),
                "max_length": _(
                    "Your comment must be 5,000 characters or fewer. Please shorten it."
                ),
            },
        }

    def __init__(self, *args, min_fill_seconds=3, **kwargs):
        super().__init__(*args, **kwargs)
        self.min_fill_seconds = min_fill_seconds
        if not self.is_bound and unsign_started(self.initial.get("started")) is None:
            self.initial["started"] = sign_started()

    def clean_contact_me_by_fax_only(self):
        if self.cleaned_data.get("contact_me_by_fax_only"):
            raise forms.ValidationError(
                _(
                    "Something in the form looked automatic. Please check your comment "
                    "and press the button again."
                ),
                code="honeypot",
            )
        return ""

    def clean_started(self):
        started = unsign_started(self.cleaned_data.get("started"))
        if started is None:
            # Tampered with, or missing: start the clock again and ask once more.
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = sign_started()
            raise forms.ValidationError(
                _("Something went wrong with the form. Please press the button again."),
                code="started",
            )
        if time.time() - started < self.min_fill_seconds:
            raise forms.ValidationError(
                _(
                    "That was quicker than a person can type. Please check your comment, "
                    "wait a moment and press the button again."
                ),
                code="too_fast",
            )
        return started

    def refusals(self):
        """Returns the errors that are the spam defences' (honeypot, fill-in
        time) rather than about what the person typed."""
        return [
            error
            for name in ("contact_me_by_fax_only", "started")
            for error in self.errors.get(name, [])
        ]


class ReportForm(forms.ModelForm):
    """Why a reader thinks an approved comment breaks the house rules."""

    class Meta:
        model = CommentReport
        fields = ["reason", "detail"]
        labels = {
            "reason": _("Why are you reporting this comment?"),
            "detail": _("Anything else the moderators should know (optional)"),
        }
        widgets = {
            "reason": forms.RadioSelect,
            "detail": forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        }
        error_messages = {
            "reason": {"required": _("Choose why you are reporting this comment.")},
            "detail": {"max_length": _("Please keep this to 1,000 characters or fewer.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A radio list without a blank "---------" choice.
        self.fields["reason"].choices = CommentReport.Reason.choices
