"""Email about networks, sent by the task worker, never inside a request."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection, send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from django_tasks import task


def _addresses(users):
    """Returns the distinct email addresses of the active users among `users`."""
    emails = users.filter(is_active=True).exclude(email="").values_list("email", flat=True)
    return list(dict.fromkeys(emails))


def editor_addresses(network):
    """Returns the addresses of the network's active editors (none without a group)."""
    if not network.editors_group_id:
        return []
    return _addresses(network.editors_group.user_set.all())


def admin_url(name, pk):
    """Returns the absolute link to the admin view `name` of object `pk`, for
    an email read away from the site."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=[pk])


def _send_to_each(recipients, subject, body, reply_to):
    """Sends one message per recipient, so that nobody sees the others'
    addresses. The subject is kept on one line whatever a form held."""
    subject = " ".join(subject.split())
    messages = [EmailMessage(subject, body, None, [to], reply_to=[reply_to]) for to in recipients]
    return get_connection().send_messages(messages) or 0


@task()
def send_join_request_outcome(join_request_id):
    """Tells someone who asked to join a network whether they were accepted."""
    from .models import JoinRequest

    join_request = JoinRequest.objects.select_related("network").get(pk=join_request_id)
    if join_request.is_pending:
        return
    context = {"join_request": join_request, "network": join_request.network}
    with translation.override(join_request.network.locale.language_code):
        subject = render_to_string("networks/email/join_outcome_subject.txt", context).strip()
        body = render_to_string("networks/email/join_outcome.txt", context)
    send_mail(subject, body, None, [join_request.email])


@task()
def send_join_request_to_editors(join_request_id):
    """Tells the network's editors, in the network's language, that someone
    asks to join, with a link to decide it in the admin; Reply-To is the
    requester. Returns how many emails were sent (none if nobody can be told)."""
    from .models import JoinRequest

    join_request = (
        JoinRequest.objects.select_related("network__locale").filter(pk=join_request_id).first()
    )
    if join_request is None:  # erased before the worker got to it
        return 0
    network = join_request.network
    recipients = editor_addresses(network)
    if not recipients:
        return 0
    context = {
        "join_request": join_request,
        "network": network,
        "admin_url": admin_url("networks_join_requests:detail", join_request.pk),
    }
    with translation.override(network.locale.language_code):
        subject = str(join_request)
        body = render_to_string("networks/email/join_request_received.txt", context)
    return _send_to_each(recipients, subject, body, join_request.email)


@task()
def send_proposal_to_admins(proposal_id, language_code):
    """Tells every active site admin, in the language of the page it was sent
    from, that someone proposes a new network, with a link to decide it in the
    admin; Reply-To is the proposer. Returns how many emails were sent."""
    from .models import NetworkProposal

    proposal = NetworkProposal.objects.filter(pk=proposal_id).first()
    recipients = _addresses(get_user_model().objects.filter(is_superuser=True))
    if proposal is None or not recipients:
        return 0
    context = {
        "proposal": proposal,
        "admin_url": admin_url("networks_proposals:detail", proposal.pk),
    }
    with translation.override(language_code):
        subject = gettext("Proposal for a new network: %(name)s") % {"name": proposal.name}
        body = render_to_string("networks/email/proposal_received.txt", context)
    return _send_to_each(recipients, subject, body, proposal.contact_email)


@task()
def send_contact_message(network_id, name, email, message):
    """Forwards a message from the contact form to the network's contact
    address (or, without one, to its editors), with Reply-To the sender."""
    from .models import NetworkPage

    network = NetworkPage.objects.get(pk=network_id)
    recipients = [network.contact_email] if network.contact_email else []
    if not recipients:
        recipients = editor_addresses(network)
    if not recipients:
        return
    context = {"network": network, "name": name, "email": email, "message": message}
    subject = render_to_string("networks/email/contact_subject.txt", context).strip()
    body = render_to_string("networks/email/contact.txt", context)
    EmailMessage(subject, body, None, recipients, reply_to=[email]).send()
