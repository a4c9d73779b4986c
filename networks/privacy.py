"""The networks' part of privacy requests (`home.privacy`, registered in
`NetworksConfig.ready`): join requests and proposals for a new network.

Messages sent with a network's contact form are not stored: they are emailed
to the network (`tasks.send_contact_message`) and kept nowhere on the site,
so there is nothing to export or erase.

Erasure anonymises rather than deletes, as comments do: a join request's or a
proposal's decision (who decided what, when) stays, and a proposal's network
stays created; the person's name, address and words go, and the labels the
audit log keeps for those records are rewritten. Each export and erasure is
in the audit log, one entry per record.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import ModelLogEntry

from home.privacy import ERASED_NAME, log_erasure, log_export

from .models import JoinRequest, NetworkProposal


def _relabel(model, records, label):
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(record.pk) for record in records],
    ).update(label=label)


def _decision(record):
    return {
        "status": record.status,
        "received_at": record.created_at.isoformat(),
        "decided_at": record.decided_at.isoformat() if record.decided_at else None,
    }


def export_join_requests(email, by=None):
    """Returns a JSON-ready dict for each request to join a network sent
    with `email` (any letter case), and logs each export."""
    requests = list(
        JoinRequest.objects.filter(email__iexact=email.strip()).select_related("network")
    )
    with transaction.atomic():
        for request in requests:
            log_export(request, by=by)
    return [
        {
            "id": request.pk,
            "network": request.network.title,
            "name": request.name,
            "email": request.email,
            "organisation": request.organisation,
            "message": request.message,
            "may_be_listed_publicly": request.list_publicly,
            **_decision(request),
        }
        for request in requests
    ]


def erase_join_requests(email, by=None):
    """Anonymises every join request sent with `email`; returns how many."""
    requests = list(JoinRequest.objects.filter(email__iexact=email.strip()))
    if not requests:
        return 0
    with transaction.atomic():
        for request in requests:
            request.name = ERASED_NAME
            request.email = ""
            request.organisation = ""
            request.message = ""
            request.list_publicly = False
            request.save(
                update_fields=["name", "email", "organisation", "message", "list_publicly"]
            )
        _relabel(JoinRequest, requests, str(requests[0]))
        for request in requests:
            log_erasure(request, by=by)
    return len(requests)


def export_proposals(email, by=None):
    """Returns a JSON-ready dict for each proposal for a new network sent
    with `email` (any letter case), and logs each export."""
    proposals = list(NetworkProposal.objects.filter(contact_email__iexact=email.strip()))
    with transaction.atomic():
        for proposal in proposals:
            log_export(proposal, by=by)
    return [
        {
            "id": proposal.pk,
            "name_of_the_network": proposal.name,
            "what_it_is_for": proposal.purpose,
            "who_is_in_it": proposal.members,
            "area": proposal.area,
            "contact_name": proposal.contact_name,
            "contact_email": proposal.contact_email,
            "language": proposal.language,
            **_decision(proposal),
        }
        for proposal in proposals
    ]


def erase_proposals(email, by=None):
    """Anonymises every proposal sent with `email`: the contact's name and
    address go, and the words they wrote (the network's name stays, as the
    network may have been created from it). Returns how many."""
    proposals = list(NetworkProposal.objects.filter(contact_email__iexact=email.strip()))
    if not proposals:
        return 0
    with transaction.atomic():
        for proposal in proposals:
            proposal.contact_name = ERASED_NAME
            proposal.contact_email = ""
            proposal.purpose = ""
            proposal.members = ""
            proposal.save(update_fields=["contact_name", "contact_email", "purpose", "members"])
        for proposal in proposals:
            log_erasure(proposal, by=by)
    return len(proposals)
