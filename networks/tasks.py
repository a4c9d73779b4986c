"""Email about networks, sent by the task worker, never inside a request."""

from django.core.mail import EmailMessage, send_mail
from django.template.loader import render_to_string
from django.utils import translation

from django_tasks import task


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
def send_contact_message(network_id, name, email, message):
    """Forwards a message from the contact form to the network's contact
    address (or, without one, to its editors), with Reply-To the sender."""
    from .models import NetworkPage

    network = NetworkPage.objects.get(pk=network_id)
    recipients = [network.contact_email] if network.contact_email else []
    if not recipients and network.editors_group_id:
        recipients = list(
            network.editors_group.user_set.filter(is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    if not recipients:
        return
    context = {"network": network, "name": name, "email": email, "message": message}
    subject = render_to_string("networks/email/contact_subject.txt", context).strip()
    body = render_to_string("networks/email/contact.txt", context)
    EmailMessage(subject, body, None, recipients, reply_to=[email]).send()
