"""Bulk decisions from the queue: approve, reject, mark as spam, hide and
restore many comments at once, with one optional note. Registered with
Wagtail's `register_bulk_action` hook, so they appear in the queue's bulk
actions footer. Each comment goes through its own model method, so every one
is audited; comments the user may not moderate, or whose state does not allow
the decision, are listed and left alone."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from home.admin_queues import QueueBulkAction

from .admin_views import DecisionForm, RejectForm
from .models import Comment
from .moderation import ModerationScope, comments_visible_to
from .viewsets import comment_viewset


class CommentBulkAction(QueueBulkAction):
    """Base for the queue's bulk decisions; subclasses name the transition."""

    models = [Comment]
    transition = None
    form_class = DecisionForm
    template_name = "comments/admin/bulk_confirm.html"
    header_icon = "comment"

    @classmethod
    def get_viewset(cls):
        return comment_viewset

    def get_queue_queryset(self, view):
        return comments_visible_to(self.request.user).select_related("page")

    def can_decide(self, comment):
        if not hasattr(self, "_scope"):
            self._scope = ModerationScope(self.request.user)
        return self._scope.can_moderate(comment) and comment.can_transition(self.transition)

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "note": self.cleaned_form.cleaned_data["note"] if self.cleaned_form else "",
            "transition": self.transition,
            "details": {},
        }

    @classmethod
    def execute_action(cls, objects, user=None, note="", transition=None, details=None, **kwargs):
        done = 0
        for comment in objects:
            # Re-read the state under the transaction: another moderator may
            # have decided in the meantime.
            comment.refresh_from_db(fields=["status", "decided_at", "decided_by"])
            if comment.can_transition(transition):
                getattr(comment, transition)(by=user, note=note, **(details or {}))
                done += 1
        return done, 0


class ApproveBulkAction(CommentBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    transition = "approve"
    aria_label = _("Approve the selected comments")
    action_priority = 10
    success_message = ngettext_lazy(
        "%(count)d comment approved.", "%(count)d comments approved.", "count"
    )


class RejectBulkAction(CommentBulkAction):
    """Rejects many comments with one reason (ready-made or written), which
    each writer is told."""

    display_name = _("Reject")
    action_type = "reject"
    transition = "reject"
    form_class = RejectForm

    def get_execution_context(self):
        context = super().get_execution_context()
        if self.cleaned_form:
            context["note"] = self.cleaned_form.decision_note()
            context["details"] = {"reason": self.cleaned_form.cleaned_data["reason"]}
        return context

    aria_label = _("Reject the selected comments")
    action_priority = 20
    success_message = ngettext_lazy(
        "%(count)d comment rejected.", "%(count)d comments rejected.", "count"
    )


class MarkSpamBulkAction(CommentBulkAction):
    display_name = _("Mark as spam")
    action_type = "mark_spam"
    transition = "mark_spam"
    aria_label = _("Mark the selected comments as spam")
    action_priority = 30
    success_message = ngettext_lazy(
        "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
    )


class HideBulkAction(CommentBulkAction):
    display_name = _("Hide")
    action_type = "hide"
    transition = "hide"
    aria_label = _("Hide the selected comments")
    action_priority = 40
    success_message = ngettext_lazy(
        "%(count)d comment hidden.", "%(count)d comments hidden.", "count"
    )


class RestoreBulkAction(CommentBulkAction):
    display_name = _("Restore")
    action_type = "restore"
    transition = "restore"
    aria_label = _("Restore the selected comments")
    action_priority = 50
    success_message = ngettext_lazy(
        "%(count)d comment restored.", "%(count)d comments restored.", "count"
    )


class KeepBulkAction(CommentBulkAction):
    display_name = _("Keep and dismiss reports")
    action_type = "keep"
    transition = "keep"
    aria_label = _("Keep the selected comments and dismiss their reports")
    action_priority = 60
    success_message = ngettext_lazy(
        "%(count)d comment kept, its reports dismissed.",
        "%(count)d comments kept, their reports dismissed.",
        "count",
    )


BULK_ACTIONS = [
    ApproveBulkAction,
    RejectBulkAction,
    MarkSpamBulkAction,
    HideBulkAction,
    RestoreBulkAction,
    KeepBulkAction,
]
