"""Public forms of the networks: join a network, contact it, propose a new one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import JoinRequest, NetworkProposal


class PlainLabelsMixin:
    """Labels without Django's trailing colon: "Name", as residents read it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class JoinRequestForm(PlainLabelsMixin, forms.ModelForm):
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


class ContactForm(PlainLabelsMixin, forms.Form):
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


class NetworkProposalForm(PlainLabelsMixin, forms.ModelForm):
    """'Start a network': what it is for, who is in it, where, and who to contact."""

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
