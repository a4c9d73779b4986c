"""Public forms of the networks: join a network, contact it, propose a new one."""

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from home.defences import HumanCheckFormMixin, rate_limited
from home.forms import LineBreaksMixin

from .models import JoinRequest, NetworkProposal


class PlainLabelsMixin:
    """Labels without Django's trailing colon: "Name", as residents read it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class PublicFormMixin(LineBreaksMixin, HumanCheckFormMixin, PlainLabelsMixin):
    """A form anyone may send: plain labels, a honeypot and a fill-in clock
    (`home.defences`, under the site settings' Spam defences). `email_field`
    names the field whose address the per-email rate limit counts."""

    email_field = "email"


class JoinRequestForm(PublicFormMixin, forms.ModelForm):
    """'Join this network': who you are and whether you may be listed."""

    class Meta:
        model = JoinRequest
        fields = ["name", "email", "organisation", "message", "list_publicly"]
        labels = {
            "name": _("Name"),
            "email": _("Email"),
            "organisation": _("Organisation (if any)"),
            "message": _("Why would you like to join?"),
            "list_publicly": _("List my name and organisation on the network's page"),
        }
        help_texts = {
            "email": _("Only the network's editors see it; it is never published."),
            "list_publicly": _("Only if the network accepts you. You can ask to be removed."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 5})}
        error_messages = {
            "name": {"required": _("Enter your name.")},
            "email": {
                "required": _("Enter your email address, so that the network can reply."),
                "invalid": _("Enter an email address like name@example.org."),
            },
            "message": {"max_length": _("Keep your message under 2,000 characters.")},
        }


class ContactForm(PublicFormMixin, forms.Form):
    """A message to a network, sent to its contact address by email."""

    name = forms.CharField(
        label=_("Name"), max_length=120, error_messages={"required": _("Enter your name.")}
    )
    email = forms.EmailField(
        label=_("Email"),
        help_text=_("So that the network can write back. It is never published."),
        error_messages={
            "required": _("Enter your email address, so that the network can reply."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write your message."),
            "max_length": _("Keep your message under 2,000 characters."),
        },
    )


class NetworkProposalForm(PublicFormMixin, forms.ModelForm):
    """'Start a network': what it is for, who is in it, where, and who to contact."""

    email_field = "contact_email"

    class Meta:
        model = NetworkProposal
        fields = ["name", "purpose", "members", "area", "contact_name", "contact_email"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 5}),
            "members": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "members": _("Organisations, groups or people who would take part."),
            "contact_email": _("Only the people who run Commons see it."),
        }
        error_messages = {
            "name": {"required": _("Give the network a name.")},
            "purpose": {"required": _("Say what the network is for.")},
            "members": {"required": _("Say who would be in the network.")},
            "contact_name": {"required": _("Enter your name.")},
            "contact_email": {
                "required": _("Enter your email address, so that we can reply."),
                "invalid": _("Enter an email address like name@example.org."),
            },
        }


def handle_public_form(request, form_class, *, scope, template, context, on_valid):
    """Shows (GET) and takes (POST) one of the networks' public forms.

    A valid form within the rate limits of `scope` (`home.defences.rate_limited`)
    goes to `on_valid(form)`, which stores or sends it and returns the
    response. Anything else comes back with what the person typed and a clear
    message: field errors, the spam defences' refusals, or the rate limit
    (429). Nothing is stored before all of them pass."""
    form = form_class(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        limited = rate_limited(request, scope, email=form.cleaned_data.get(form.email_field))
        if limited:
            form.add_error(None, limited)
            status = 429
        else:
            return on_valid(form)
    return TemplateResponse(request, template, {**context, "form": form}, status=status)
