"""Admin wiring for comments: the audit-log actions every transition writes."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action("comments.approve", _("Approve comment"), _("Comment approved"))
    actions.register_action("comments.reject", _("Reject comment"), _("Comment rejected"))
    actions.register_action(
        "comments.mark_spam", _("Mark comment as spam"), _("Comment marked as spam")
    )
    actions.register_action("comments.hide", _("Hide comment"), _("Comment hidden"))
    actions.register_action("comments.restore", _("Restore comment"), _("Comment restored"))
