"""Bulk decisions from the "Published answers" queue: approve or reject many
answers at once, through `home.admin_queues.QueueBulkAction` like the join
requests queue. Each response goes through its own audited model method;
those the user may not decide, or already decided, are listed and left alone."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.admin_queues import QueueBulkAction

from .queue import response_viewset
from .responses import ConsultationResponse, InvalidTransition, Publication


class ResponseBulkAction(QueueBulkAction):
    """Base for the queue's bulk decisions; subclasses name the model's
    decision method (`approve` or `reject`)."""

    models = [ConsultationResponse]
    state_fields = ("publication",)
    skipped_errors = (InvalidTransition,)
    template_name = "consultations/admin/answers_bulk_confirm.html"
    header_icon = "form"

    @classmethod
    def get_viewset(cls):
        return response_viewset

    def get_queue_queryset(self, view):
        # The queue decides oldest first by `created_at`: a response's is
        # its `submit_time`.
        return view.get_base_queryset().annotate(created_at=F("submit_time"))

    def can_decide(self, obj):
        policy = self.get_viewset().permission_policy
        return obj.publication == Publication.PENDING and policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )


class ApproveResponsesBulkAction(ResponseBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    decision = "approve"
    aria_label = _("Approve the selected answers")
    action_priority = 10
    success_message = ngettext_lazy(
        "%(count)d answer published.", "%(count)d answers published.", "count"
    )


class RejectResponsesBulkAction(ResponseBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    decision = "reject"
    aria_label = _("Reject the selected answers")
    action_priority = 20
    success_message = ngettext_lazy(
        "%(count)d answer not published.", "%(count)d answers not published.", "count"
    )


BULK_ACTIONS = [ApproveResponsesBulkAction, RejectResponsesBulkAction]
