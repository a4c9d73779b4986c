"""Bulk decisions from the decision queues: accept or decline many join
requests (or network proposals) at once. Registered with Wagtail's
`register_bulk_action` hook, so they appear in the queue's bulk actions
footer, like the comments queue's. Each request goes through its own model
method, so every one is audited and its requester told; requests the user may
not decide, or that are already decided, are listed and left alone."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from wagtail.admin.views.bulk_action import BulkAction

from .models import JoinRequest, NetworkProposal
from .viewsets import join_request_viewset, proposal_viewset


class DecisionBulkAction(BulkAction):
    """Base for the queues' bulk decisions; subclasses name the model's
    decision method (`accept` or `decline`) and the queue's viewset."""

    decision = None
    template_name = "networks/admin/bulk_confirm.html"

    @classmethod
    def get_viewset(cls):
        raise NotImplementedError

    def get_actionable_objects(self):
        if hasattr(self, "_actionable"):
            return self._actionable
        viewset = self.get_viewset()
        # The queue's own index view, set up for this request, narrows,
        # filters and searches exactly as the listing did.
        view = viewset.index_view_for(self.request)
        queryset = view.get_base_queryset()
        object_ids = self.request.GET.getlist("id")
        if "all" in object_ids:
            queryset = view.search_queryset(view.filter_queryset(queryset))
        else:
            queryset = queryset.filter(pk__in=[pk for pk in object_ids if pk.isdigit()])
        policy = viewset.permission_policy
        objects, refused = [], []
        for obj in queryset.order_by("created_at", "pk"):
            if obj.is_pending and policy.user_has_permission_for_instance(
                self.request.user, "change", obj
            ):
                objects.append(obj)
            else:
                refused.append(obj)
        if not objects and not refused:
            raise Http404
        self._actionable = (objects, {"items_with_no_access": refused})
        return self._actionable

    def get_execution_context(self):
        return {"user": self.request.user, "decision": self.decision}

    @classmethod
    def execute_action(cls, objects, user=None, decision=None, **kwargs):
        done = 0
        for obj in objects:
            # Re-read the state: another editor may have decided meanwhile.
            obj.refresh_from_db(fields=["status"])
            try:
                getattr(obj, decision)(by=user)
            except ValidationError:
                continue
            done += 1
        return done, 0

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        context["header_icon"] = self.get_viewset().icon
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message % {"count": num_parent_objects}


class JoinRequestBulkAction(DecisionBulkAction):
    models = [JoinRequest]

    @classmethod
    def get_viewset(cls):
        return join_request_viewset


class ProposalBulkAction(DecisionBulkAction):
    models = [NetworkProposal]

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
