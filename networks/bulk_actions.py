"""Bulk decisions from the decision queues: accept or decline many join
requests (or network proposals) at once. Registered with Wagtail's
`register_bulk_action` hook, so they appear in the queue's bulk actions
footer, like the comments queue's. Each request goes through its own model
method, so every one is audited and its requester told; requests the user may
not decide, or that are already decided, are listed and left alone."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.admin_queues import QueueBulkAction

from .models import JoinRequest, NetworkProposal
from .viewsets import join_request_viewset, proposal_viewset


class DecisionBulkAction(QueueBulkAction):
    """Base for the queues' bulk decisions; subclasses name the model's
    decision method (`accept` or `decline`) and the queue's viewset."""

    template_name = "networks/admin/bulk_confirm.html"
    skipped_errors = (ValidationError,)
    header_icon = "group"

    def can_decide(self, obj):
        policy = self.get_viewset().permission_policy
        return obj.is_pending and policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )


class JoinRequestBulkAction(DecisionBulkAction):
    models = [JoinRequest]

    @classmethod
    def get_viewset(cls):
        return join_request_viewset


class ProposalBulkAction(DecisionBulkAction):
    models = [NetworkProposal]
    header_icon = "site"

    @classmethod
    def get_viewset(cls):
        return proposal_viewset


class AcceptJoinRequestsBulkAction(JoinRequestBulkAction):
    display_name = _("Accept")
    action_type = "accept"
    decision = "accept"
    aria_label = _("Accept the selected requests")
    action_priority = 10
    success_message = ngettext_lazy(
        "%(count)d join request accepted.", "%(count)d join requests accepted.", "count"
    )


class DeclineJoinRequestsBulkAction(JoinRequestBulkAction):
    display_name = _("Decline")
    action_type = "decline"
    decision = "decline"
    aria_label = _("Decline the selected requests")
    action_priority = 20
    success_message = ngettext_lazy(
        "%(count)d join request declined.", "%(count)d join requests declined.", "count"
    )


class AcceptProposalsBulkAction(ProposalBulkAction):
    display_name = _("Accept")
    action_type = "accept"
    decision = "accept"
    aria_label = _("Accept the selected proposals")
    action_priority = 10
    success_message = ngettext_lazy(
        "%(count)d proposal accepted: its network is created as a draft.",
        "%(count)d proposals accepted: their networks are created as drafts.",
        "count",
    )


class DeclineProposalsBulkAction(ProposalBulkAction):
    display_name = _("Decline")
    action_type = "decline"
    decision = "decline"
    aria_label = _("Decline the selected proposals")
    action_priority = 20
    success_message = ngettext_lazy(
        "%(count)d proposal declined.", "%(count)d proposals declined.", "count"
    )


BULK_ACTIONS = [
    AcceptJoinRequestsBulkAction,
    DeclineJoinRequestsBulkAction,
    AcceptProposalsBulkAction,
    DeclineProposalsBulkAction,
]
