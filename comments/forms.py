"""The residents' forms: a comment (or reply) and a report.

Both opt in to the public forms' defences the way every public form does
(`home.defences`): `CommentForm` carries the honeypot and the fill-in clock,
`ReportForm` the honeypot only (a reader may rightly choose a reason and press
the button within a second). The views count the rate limits; what is about
comments only (blocklists, links, trusted commenters) is in `comments.spam`.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.defences import HumanCheckFormMixin, sign_started, unsign_started
from home.forms import LineBreaksMixin

from .models import Comment, CommentReport

__all__ = ["AppealForm", "CommentForm", "ReportForm", "sign_started", "unsign_started"]


class CommentForm(LineBreaksMixin, HumanCheckFormMixin, forms.ModelForm):
    """Name, email, comment and the notification choice, with a honeypot and
    a minimum fill-in time."""

    honeypot_message = _(
        "Something in the form looked automatic. Please check your comment "
        "and press the button again."
    )
    too_fast_message = _(
        "That was quicker than a person can type. Please check your comment, "
        "wait a moment and press the button again."
    )

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


class ReportForm(LineBreaksMixin, HumanCheckFormMixin, forms.ModelForm):
    """Why a reader thinks an approved comment breaks the house rules, with a
    honeypot (and no fill-in clock)."""

    fill_in_clock = False

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


class AppealForm(LineBreaksMixin, HumanCheckFormMixin, forms.Form):
    """The writer's short note when they appeal the rejection of their
    comment, from its receipt, with a honeypot (the receipt link already
    proves who they are, so no fill-in clock)."""

    fill_in_clock = False

    note = forms.CharField(
        label=_("Why should a moderator look again?"),
        max_length=1000,
        help_text=_(
            "A few sentences. Another moderator reads your comment again with this note. "
            "You can appeal once."
        ),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        error_messages={
            "required": _("Write a short note saying why the decision should change."),
            "max_length": _("Please keep your note to 1,000 characters or fewer."),
        },
    )
