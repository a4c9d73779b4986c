"""The resident's answer form: the editor's questions (Wagtail's form
builder), the respondent's name, email and publication choice as the
consultation asks for them, and the shared defences (honeypot, fill-in
clock). Clear messages on each field. The rate limit is the site's
(`home.defences.rate_limited(request, "consultation", email=...)`, under
Site settings → Spam defences), asked by the answering view."""

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from home.defences import HumanCheckFormMixin


class Ask(models.TextChoices):
    """Whether the form asks for the respondent's name or email."""

    NOT_ASKED = "not_asked", _("Not asked")
    OPTIONAL = "optional", _("Optional")
    REQUIRED = "required", _("Required")


class RepeatResponses(models.TextChoices):
    """What a second response from the same email address does."""

    REPLACE = "replace", _("Replaces the first (with a notice)")
    REFUSE = "refuse", _("Is refused with a message")


NAME_FIELD = "respondent_name"
EMAIL_FIELD = "respondent_email"
PUBLISH_FIELD = "may_publish"
OWN_FIELDS = (NAME_FIELD, EMAIL_FIELD, PUBLISH_FIELD)

PUBLISH_QUESTION = _("May we publish your answers without your name?")


class ConsultationAnswerForm(HumanCheckFormMixin, BaseForm):
    """The base of every consultation's answer form."""

    min_fill_seconds = getattr(settings, "CONSULTATION_MIN_FILL_SECONDS", 3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.page
        for name, ask, field in (
            (
                NAME_FIELD,
                page.ask_name,
                forms.CharField(
                    label=_("Name"),
                    max_length=120,
                    widget=forms.TextInput(attrs={"autocomplete": "name"}),
                    error_messages={
                        "required": _("Enter your name."),
                        "max_length": _("Your name must be 120 characters or fewer."),
                    },
                ),
            ),
            (
                EMAIL_FIELD,
                page.ask_email,
                forms.EmailField(
                    label=_("Email"),
                    help_text=_("Never published."),
                    widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
                    error_messages={
                        "required": _("Enter your email address. It is never published."),
                        "invalid": _("Enter an email address like name@example.com."),
                    },
                ),
            ),
        ):
            if ask != Ask.NOT_ASKED:
                field.required = ask == Ask.REQUIRED
                self.fields[name] = field
        if page.ask_to_publish:
            self.fields[PUBLISH_FIELD] = forms.TypedChoiceField(
                label=PUBLISH_QUESTION,
                choices=[("yes", _("Yes")), ("no", _("No"))],
                coerce=lambda value: value == "yes",
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose yes or no.")},
            )

    def answers(self):
        """Returns the cleaned answers to the editor's questions only."""
        return {
            name: value for name, value in self.cleaned_data.items() if name in self.question_names
        }


class ConsultationFormBuilder(FormBuilder):
    """Wagtail's form builder with plain-words messages on every question,
    date pickers for dates, and the consultation's own base form."""

    def __init__(self, fields, page):
        super().__init__(fields)
        self.page = page

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = {
            "required": (
                _("Tick this box to go on.")
                if field.field_type == "checkbox"
                else _("Answer this question.")
            ),
            "invalid": {
                "number": _("Enter a number, like 12."),
                "date": _("Enter a date, like 2026-03-31."),
                "email": _("Enter an email address like name@example.com."),
            }.get(field.field_type, _("Check this answer.")),
            "invalid_choice": _("Choose one of the options."),
            "max_length": _("This answer is too long. Please shorten it."),
        }
        return options

    def create_date_field(self, field, options):
        options["widget"] = forms.DateInput(attrs={"type": "date"})
        return super().create_date_field(field, options)

    def create_multiline_field(self, field, options):
        options["widget"] = forms.Textarea(attrs={"rows": 5})
        options["max_length"] = 10000
        return super().create_multiline_field(field, options)

    def get_form_class(self):
        formfields = self.formfields
        attrs = dict(formfields)
        attrs["question_names"] = tuple(formfields)
        return type("ConsultationForm", (ConsultationAnswerForm,), attrs)
