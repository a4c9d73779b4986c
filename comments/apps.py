from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import scheduled


class CommentsConfig(AppConfig):
    """Public comments held for moderation."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        # Imported here, not at the top: these modules import models, which
        # Django only allows once the app registry is ready.
        from wagtail.log_actions import registry

        from .models import Comment, CommentLogEntry

        # Transitions are written to Wagtail's audit log (Reports > Site
        # history), where moderators read them too (see CommentLogEntry).
        registry.register_model(Comment, CommentLogEntry)

        # Email on new comments and on decisions (receivers enqueue tasks).
        # Each comment's stored network follows its page when it moves.
        # Comments' part of the site-wide privacy requests.
        from home import privacy as site_privacy

        from . import (
            privacy,
            signals,  # noqa: F401
            tasks,  # noqa: F401 (its receivers enqueue the email)
        )

        site_privacy.register(
            "comments",
            label=_("Comments"),
            export=privacy.export_comments,
            erase=privacy.erase_comments,
        )
        # The retention periods of Settings > Comment settings: old approved
        # comments lose their email and IP address; old pending, rejected and
        # spam ones go (purge_comments, with the same purge, is for by hand).
        scheduled.register("comment_retention", "comments.retention.scheduled_run", every="daily")
        # Comments waiting past their network's target go to the site moderators.
        scheduled.register(
            "escalate_overdue_comments", "comments.escalation.escalate_overdue", every="hourly"
        )
