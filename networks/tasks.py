"""Email about networks, sent by the task worker, never inside a request."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from django_tasks import task

from home.staff_email import active_staff, email_staff, send_email

from .models import JoinRequest, NetworkPage, NetworkProposal


def editors_of(network):
    """Returns the network's active editors with an email address."""
    if not network.editors_group_id:
        return []
    return active_staff(network.editors_group.user_set.all())


@task()
def send_join_request_outcome(join_request_id):
    """Tells someone who asked to join a network whether they were accepted,
    in the language of the network's page they asked on, as text and HTML.
    Returns how many emails were sent."""
    join_request = (
        JoinRequest.objects.select_related("network__locale").filter(pk=join_request_id).first()
    )
    if join_request is None or join_request.is_pending:  # erased, or not decided
        return 0
    context = {"join_request": join_request, "network": join_request.network}
    with translation.override(join_request.network.locale.language_code):
        return send_email(
            join_request.email,
            subject=render_to_string("networks/email/join_outcome_subject.txt", context),
            template="networks/email/join_outcome",
            context=context,
        )


@task()
def send_join_request_to_editors(join_request_id):
    """Tells the network's editors, each in their admin language, that someone
    asks to join, with a link to decide it in the admin; Reply-To is the
    requester. Returns how many emails were sent (none if nobody can be told)."""
    join_request = (
        JoinRequest.objects.select_related("network__locale").filter(pk=join_request_id).first()
    )
    if join_request is None:  # erased before the worker got to it
        return 0
    network = join_request.network
    return email_staff(
        editors_of(network),
        subject=lambda: str(join_request),
        template="networks/email/join_request_received",
        context={"join_request": join_request, "network": network},
        link=reverse("networks_join_requests:detail", args=[join_request.pk]),
        reply_to=join_request.email,
    )


@task()
def send_proposal_to_admins(proposal_id):
    """Tells every active site admin, each in their admin language, that
    someone proposes a new network, with a link to decide it in the admin;
    Reply-To is the proposer. Returns how many emails were sent."""
    proposal = NetworkProposal.objects.filter(pk=proposal_id).first()
    if proposal is None:
        return 0
    return email_staff(
        get_user_model().objects.filter(is_superuser=True),
        subject=lambda: gettext("Proposal for a new network: %(name)s") % {"name": proposal.name},
        template="networks/email/proposal_received",
        context={"proposal": proposal},
        link=reverse("networks_proposals:detail", args=[proposal.pk]),
        reply_to=proposal.contact_email,
    )


def _proposer_language(proposal):
    """Returns the language the proposer wrote in, if the site speaks it,
    else the site's."""
    codes = {code for code, _name in settings.LANGUAGES}
    return proposal.language if proposal.language in codes else settings.LANGUAGE_CODE


@task()
def send_proposal_outcome(proposal_id):
    """Tells the person who proposed a network what the site admins decided,
    in the language they wrote in, with the admin's message if any. Returns
    how many emails were sent."""
    proposal = NetworkProposal.objects.filter(pk=proposal_id).first()
    if proposal is None or proposal.is_pending or not proposal.contact_email:
        return 0
    with translation.override(_proposer_language(proposal)):
        accepted = proposal.status == NetworkProposal.Status.ACCEPTED
        return send_email(
            proposal.contact_email,
            subject=(
                gettext("Your proposal for %(name)s is accepted")
                if accepted
                else gettext("Your proposal for %(name)s")
            )
            % {"name": proposal.name},
            template="networks/email/proposal_outcome",
            context={"proposal": proposal, "accepted": accepted},
        )


@task()
def send_contact_message(network_id, name, email, message):
    """Forwards a message from the contact form to the network's contact
    address (or, without one, to its editors), with Reply-To the sender."""
    network = NetworkPage.objects.get(pk=network_id)
    recipients = [network.contact_email] if network.contact_email else []
    if not recipients:
        recipients = [user.email for user in editors_of(network)]
    if not recipients:
        return
    # Written on a translation: say so, since they may prefer an answer in it.
    page_language = None
    if network.locale.language_code != settings.LANGUAGE_CODE:
        page_language = network.locale.get_display_name()
    context = {
        "network": network,
        "name": name,
        "email": email,
        "message": message,
        "page_language": page_language,
        "page_url": network.full_url,
    }
    # In the site's language (the network's contact address has no language
    # of its own), wherever the task runs: the worker, or a test's request.
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("networks/email/contact_subject.txt", context).strip()
        body = render_to_string("networks/email/contact.txt", context)
    EmailMessage(subject, body, None, recipients, reply_to=[email]).send()
