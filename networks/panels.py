"""Dashboard panels for network editors. Each panel is a Wagtail Component
added by the `construct_homepage_panels` hook; later apps (consultations,
events, comments) add their own panels in their own wagtail_hooks, using
`networks.permissions.networks_edited_by(user)` to know which networks, or a
line in the network's own panel through the `network_editor_panel_items`
hook (comments adds "3 comments waiting" that way)."""

from django import forms
from django.db import models
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, Page, Revision, WorkflowState

from .groups import sync_network_groups
from .models import JoinRequest, NetworkPage
from .permissions import networks_edited_by, pages_in_network

RECENT_DRAFTS = 5
MAX_NETWORKS = 5

#: Hook name: functions (user, network) -> [{"label": ..., "url": ...}] that
#: add lines to a network's panel; `network` is its default-language page.
PANEL_ITEMS_HOOK = "network_editor_panel_items"


def _one_per_network(networks):
    """Returns [(network, [its versions])]: each network once, as its page in
    the default language where the user edits that one, with every version of
    it the user edits (one per language), in the order of `networks`."""
    default_locale_id = Locale.get_default().pk
    groups = {}
    for network in networks:
        groups.setdefault(network.translation_key, []).append(network)
    result = []
    for versions in groups.values():
        versions.sort(key=lambda page: (page.locale_id != default_locale_id, page.locale_id))
        result.append((versions[0], versions))
    return result


def scheduled_pages(pages):
    """Returns the pages of `pages` with a revision approved to go live later,
    soonest first, each annotated with `go_live` (when it will)."""
    scheduled = Revision.page_revisions.filter(
        object_id=Cast(OuterRef("pk"), CharField()), approved_go_live_at__isnull=False
    ).order_by("approved_go_live_at")
    return (
        pages.annotate(go_live=Subquery(scheduled.values("approved_go_live_at")[:1]))
        .filter(go_live__gt=timezone.now())
        .order_by("go_live")
    )


class NetworkEditorPanel(Component):
    """What waits in the networks a user edits, each network once with its
    languages inside: pages awaiting approval, pages scheduled to go live and
    when, recent drafts, pending join requests and what other apps add (the
    comments waiting), with links to act on them."""

    name = "network_editor"
    template_name = "networks/admin/network_editor_panel.html"
    order = 90

    def __init__(self, networks, user=None):
        self.networks = networks
        self.user = user

    def get_context_data(self, parent_context):
        rows = []
        for network, versions in _one_per_network(self.networks):
            subtree = pages_in_network(network)
            rows.append(
                {
                    "network": network,
                    "languages": [
                        {"page": version, "name": version.locale.get_display_name()}
                        for version in versions
                    ],
                    "awaiting_approval": subtree.filter(
                        _workflow_states__status=WorkflowState.STATUS_IN_PROGRESS
                    )
                    .distinct()
                    .order_by("-latest_revision_created_at")[:RECENT_DRAFTS],
                    "scheduled": scheduled_pages(subtree)[:RECENT_DRAFTS],
                    "drafts": subtree.filter(has_unpublished_changes=True).order_by(
                        "-latest_revision_created_at"
                    )[:RECENT_DRAFTS],
                    "pending_join_requests": JoinRequest.objects.pending()
                    .filter(network__translation_key=network.translation_key)
                    .count(),
                    "items": [
                        item
                        for fn in hooks.get_hooks(PANEL_ITEMS_HOOK)
                        for item in fn(self.user, network)
                    ],
                }
            )
        return {"rows": rows, "heading": _("Your network")}

    @classmethod
    def for_user(cls, user):
        """Returns the panel for a network editor, or None for anyone else.
        Superusers see Wagtail's own site-wide panels instead."""
        if user.is_superuser:
            return None
        networks = list(
            networks_edited_by(user).select_related("locale").order_by("title", "locale_id")
        )
        keys = list(dict.fromkeys(network.translation_key for network in networks))
        networks = [
            network for network in networks if network.translation_key in keys[:MAX_NETWORKS]
        ]
        return cls(networks, user) if networks else None


def network_page_count(user):
    """Returns how many pages the networks `user` edits hold, in every
    language (the dashboard's "Pages" figure for a network editor)."""
    inside = Page.objects.none()
    for network, _versions in _one_per_network(networks_edited_by(user)):
        inside = inside | pages_in_network(network)
    return inside.count()


class NetworkPagesSummaryItem(PagesSummaryItem):
    """The dashboard's "N Pages" for a network editor: the pages of the
    networks they edit, not the whole site's (Wagtail counts everything
    below the pages they may explore, which for an editor of a network and
    its translations is the tree's root)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        networks = _one_per_network(networks_edited_by(user))
        if len(networks) == 1:
            context["root_page"] = networks[0][0]
        context["total_pages"] = network_page_count(user)
        return context


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
