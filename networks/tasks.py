"""Email about networks, sent by the task worker, never inside a request."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection, send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from django_tasks import task

from languages.translations import admin_language


def active_staff(users):
    """Returns the active users among `users` who have an email address, one
    per address, with their admin language at hand."""
    by_email = {}
    for user in (
        users.filter(is_active=True).exclude(email="").select_related("wagtail_userprofile")
    ):
        by_email.setdefault(user.email.lower(), user)
    return list(by_email.values())


def editors_of(network):
    """Returns the network's active editors with an email address."""
    if not network.editors_group_id:
        return []
    return active_staff(network.editors_group.user_set.all())


def admin_url(name, pk):
    """Returns the absolute link to the admin view `name` of object `pk`, for
    an email read away from the site."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=[pk])


def _send_to_each(users, compose, reply_to):
    """Sends one message to each of `users`, so that nobody sees the others'
    addresses, written in the language each reads the admin in: `compose()`
    returns (subject, body) in the active language. The subject is kept on
    one line whatever a form held. Returns how many were sent."""
    messages = []
    for user in users:
        with translation.override(admin_language(user)):
            subject, body = compose()
        subject = " ".join(str(subject).split())
        messages.append(EmailMessage(subject, body, None, [user.email], reply_to=[reply_to]))
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
    """Tells the network's editors, each in their admin language, that someone
    asks to join, with a link to decide it in the admin; Reply-To is the
    requester. Returns how many emails were sent (none if nobody can be told)."""
    from .models import JoinRequest

    join_request = (
        JoinRequest.objects.select_related("network__locale").filter(pk=join_request_id).first()
    )
    if join_request is None:  # erased before the worker got to it
        return 0
    network = join_request.network
    context = {
        "join_request": join_request,
        "network": network,
        "admin_url": admin_url("networks_join_requests:detail", join_request.pk),
    }

    def compose():
        body = render_to_string("networks/email/join_request_received.txt", context)
        return str(join_request), body

    return _send_to_each(editors_of(network), compose, join_request.email)


@task()
def send_proposal_to_admins(proposal_id):
    """Tells every active site admin, each in their admin language, that
    someone proposes a new network, with a link to decide it in the admin;
    Reply-To is the proposer. Returns how many emails were sent."""
    from .models import NetworkProposal

    proposal = NetworkProposal.objects.filter(pk=proposal_id).first()
    if proposal is None:
        return 0
    context = {
        "proposal": proposal,
        "admin_url": admin_url("networks_proposals:detail", proposal.pk),
    }

    def compose():
        subject = gettext("Proposal for a new network: %(name)s") % {"name": proposal.name}
        return subject, render_to_string("networks/email/proposal_received.txt", context)

    admins = active_staff(get_user_model().objects.filter(is_superuser=True))
    return _send_to_each(admins, compose, proposal.contact_email)


@task()
def send_contact_message(network_id, name, email, message):
    """Forwards a message from the contact form to the network's contact
    address (or, without one, to its editors), with Reply-To the sender."""
    from .models import NetworkPage

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
