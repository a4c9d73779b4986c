"""Admin wiring for networks: the join request and proposal queues (with their
permission policies and bulk decisions), the network editor's dashboard
panel, and the guards that keep one network's editors out of another
network's pages where Wagtail alone would let them in."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.permissions import register_permission_policy

from . import guards
from .bulk_actions import BULK_ACTIONS
from .models import JoinRequest, NetworkPage, NetworkProposal
from .panels import NetworkEditorPanel, NetworkGroupPermissionPanel, NetworkPagesSummaryItem
from .permissions import networks_edited_by, without_other_networks
from .viewsets import (
    JoinRequestPermissionPolicy,
    ProposalPermissionPolicy,
    join_request_viewset,
    proposal_viewset,
)

# Who sees and decides what in the decision queues: answered from the
# network permissions, not from model permissions (see networks.viewsets).
register_permission_policy(JoinRequest, JoinRequestPermissionPolicy(JoinRequest))
register_permission_policy(NetworkProposal, ProposalPermissionPolicy(NetworkProposal))


@hooks.register("register_admin_viewset")
def register_decision_viewsets():
    return [join_request_viewset, proposal_viewset]


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("construct_homepage_panels")
def add_network_editor_panel(request, panels):
    panel = NetworkEditorPanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)


# order=100: after Wagtail's own hook has added its items.
@hooks.register("construct_homepage_summary_items", order=100)
def count_a_network_editors_own_pages(request, summary_items):
    """A network editor's "Pages" figure counts their networks' pages."""
    if request.user.is_superuser or not networks_edited_by(request.user).exists():
        return
    summary_items[:] = [
        NetworkPagesSummaryItem(request) if type(item) is PagesSummaryItem else item
        for item in summary_items
    ]


@hooks.register("register_group_permission_panel")
def register_network_group_panel():
    return NetworkGroupPermissionPanel


@hooks.register("register_log_actions")
def register_networks_log_actions(actions):
    actions.register_action(
        "networks.join_request.accepted", _("Accept join request"), _("Join request accepted")
    )
    actions.register_action(
        "networks.join_request.declined", _("Decline join request"), _("Join request declined")
    )
    actions.register_action(
        "networks.proposal.accepted", _("Accept network proposal"), _("Network proposal accepted")
    )
    actions.register_action(
        "networks.proposal.declined", _("Decline network proposal"), _("Network proposal declined")
    )


@hooks.register("construct_page_chooser_queryset")
def hide_other_networks_from_chooser(pages, request):
    """The page chooser shows pages outside every network and the pages of the
    networks the user edits, never another network's (drafts included)."""
    return without_other_networks(pages, request.user)


def _network_page_refusal(request, pages):
    """Refuses deleting or moving a network's own page to anyone but a site
    admin: its groups, workflow and join requests go with it."""
    if request.user.is_superuser:
        return None
    if any(page.specific_class is NetworkPage for page in pages):
        messages.error(request, _("Only site admins can delete or move a network."))
        return redirect("wagtailadmin_home")
    return None


@hooks.register("before_delete_page")
def keep_network_pages_from_deletion(request, page):
    return _network_page_refusal(request, [page])


@hooks.register("before_move_page")
def keep_network_pages_in_place(request, page, destination):
    return _network_page_refusal(request, [page])


@hooks.register("before_bulk_action")
def keep_network_pages_from_bulk_actions(request, action_type, objects, action_class_instance):
    if action_type in {"delete", "move"} and objects and hasattr(objects[0], "specific_class"):
        return _network_page_refusal(request, objects)
    return None


@hooks.register("construct_reports_menu")
def hide_page_types_usage_report(request, menu_items):
    """ "Page types usage" names other networks' latest drafts: site admins
    only (networks.views.SiteAdminsOnlyPageTypesUsageView refuses others)."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("construct_admin_api", order=100)
def keep_media_to_choosable_collections(router):
    """The admin API's images and documents, for the collections the user
    may choose from (registered after Wagtail's own endpoints, which they
    replace)."""
    router.register_endpoint("images", guards.ChoosableImagesAdminAPIViewSet)
    router.register_endpoint("documents", guards.ChoosableDocumentsAdminAPIViewSet)
