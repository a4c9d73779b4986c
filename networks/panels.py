"""Dashboard panels for network editors. Each panel is a Wagtail Component
added by the `construct_homepage_panels` hook; later apps (consultations,
events, comments) add their own panels in their own wagtail_hooks, using
`networks.permissions.networks_edited_by(user)` to know which networks."""

from django import forms
from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from .groups import sync_network_groups
from .models import JoinRequest, NetworkPage
from .permissions import networks_edited_by

RECENT_DRAFTS = 5


class NetworkEditorPanel(Component):
    """What waits in the networks a user edits: pages awaiting approval,
    recent drafts and pending join requests, with links to act on them."""

    name = "network_editor"
    template_name = "networks/admin/network_editor_panel.html"
    order = 90

    def __init__(self, networks):
        self.networks = networks

    def get_context_data(self, parent_context):
        rows = []
        for network in self.networks:
            subtree = Page.objects.descendant_of(network, inclusive=True)
            rows.append(
                {
                    "network": network,
                    "awaiting_approval": subtree.filter(
                        _workflow_states__status=WorkflowState.STATUS_IN_PROGRESS
                    )
                    .distinct()
                    .order_by("-latest_revision_created_at")[:RECENT_DRAFTS],
                    "drafts": subtree.filter(has_unpublished_changes=True).order_by(
                        "-latest_revision_created_at"
                    )[:RECENT_DRAFTS],
                    "pending_join_requests": JoinRequest.objects.pending()
                    .filter(network=network)
                    .count(),
                }
            )
        return {"rows": rows, "heading": _("Your network")}

    @classmethod
    def for_user(cls, user):
        """Returns the panel for a network editor, or None for anyone else.
        Superusers see Wagtail's own site-wide panels instead."""
        if user.is_superuser:
            return None
        networks = list(networks_edited_by(user).order_by("title")[:5])
        return cls(networks) if networks else None


class NetworkGroupPermissionPanel:
    """A panel on Wagtail's group editor. For a network's editor or moderator
    group it says which network the group belongs to, and after the group is
    saved it restores the permissions the network manages (Wagtail's own page
    permission panel would otherwise drop the moderation permission, which it
    does not display)."""

    def __init__(self, data=None, files=None, instance=None, prefix="network_groups"):
        self.instance = instance
        self.networks = []
        if instance is not None and instance.pk:
            self.networks = list(
                NetworkPage.objects.filter(
                    models.Q(editors_group=instance) | models.Q(moderators_group=instance)
                )
            )

    @property
    def media(self):
        return forms.Media()

    def is_valid(self):
        return True

    def save(self):
        for network in self.networks:
            sync_network_groups(network)

    def as_admin_panel(self):
        if not self.networks:
            return ""
        return render_to_string(
            "networks/admin/group_permission_panel.html", {"networks": self.networks}
        )
