"""Admin wiring for comments: the audit-log actions every transition writes,
the moderation queue (menu item "Comments"), its bulk decisions, and the
dashboard panel, and the comments waiting in a network editor's panel."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from networks.panels import PANEL_ITEMS_HOOK
from networks.permissions import pages_in_network

from .bulk_actions import BULK_ACTIONS
from .models import Comment
from .moderation import CommentPermissionPolicy, comments_visible_to, user_moderates_anything
from .panels import PendingCommentsPanel
from .viewsets import comment_viewset


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    actions.register_action("comments.approve", _("Approve comment"), _("Comment approved"))
    actions.register_action("comments.reject", _("Reject comment"), _("Comment rejected"))
    actions.register_action(
        "comments.mark_spam", _("Mark comment as spam"), _("Comment marked as spam")
    )
    actions.register_action("comments.hide", _("Hide comment"), _("Comment hidden"))
    actions.register_action("comments.restore", _("Restore comment"), _("Comment restored"))
    actions.register_action(
        "comments.keep",
        _("Keep comment and dismiss reports"),
        _("Comment kept, reports dismissed"),
    )
    actions.register_action(
        "comments.edit_and_approve",
        _("Edit and approve comment"),
        _("Comment edited and approved"),
    )
    actions.register_action(
        "comments.export", _("Export commenter's data"), _("Commenter's data exported")
    )
    actions.register_action(
        "comments.erase", _("Erase commenter's data"), _("Commenter's data erased")
    )
    actions.register_action("comments.purge", _("Purge comment"), _("Comment purged"))
    actions.register_action(
        "comments.appeal", _("Appeal a rejection"), _("Writer appealed the rejection")
    )
    actions.register_action(
        "comments.appeal_overturned",
        _("Overturn an appeal"),
        _("Appeal overturned: comment published"),
    )
    actions.register_action(
        "comments.appeal_upheld", _("Uphold an appeal"), _("Appeal upheld: comment stays rejected")
    )
    actions.register_action(
        "comments.escalate",
        _("Escalate comment"),
        _("Comment escalated to the site moderators: it waited too long"),
    )


# Who may see and decide: answered from the network permissions, not from
# model permissions (see comments.moderation).
register_permission_policy(Comment, CommentPermissionPolicy(Comment))


@hooks.register("register_admin_viewset")
def register_comment_viewset():
    return comment_viewset


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("construct_reports_menu")
def show_site_history_to_moderators(request, menu_items):
    """Moderators read their decisions in Reports → Site history (see
    CommentLogEntry); Wagtail lists that report only for people with page
    permissions, so a moderator who edits no page gets it here."""
    if not user_moderates_anything(request.user):
        return
    if any(item.name == "site-history" for item in menu_items):
        return
    menu_items.append(
        MenuItem(
            _("Site history"),
            reverse("wagtailadmin_reports:site_history"),
            name="site-history",
            icon_name="history",
            order=1000,
        )
    )


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    panels.append(PendingCommentsPanel(request))


@hooks.register("insert_global_admin_css")
def comments_menu_badge_css():
    """The badge of waiting comments beside the Comments menu item."""
    return format_html('<link rel="stylesheet" href="{}">', static("comments/menu.css"))


@hooks.register(PANEL_ITEMS_HOOK)
def pending_comments_in_network(user, network):
    """A network editor's panel says how many comments wait in the network,
    in every language, and links to them in the queue."""
    count = comments_visible_to(user).pending().filter(page__in=pages_in_network(network)).count()
    query = {"state": "pending", "network": network.pk} if count else {"state": "pending"}
    label = ngettext("%(count)s comment waiting", "%(count)s comments waiting", count) % {
        "count": count
    }
    return [{"label": label, "url": f"{reverse('comments:index')}?{urlencode(query)}"}]
