"""Admin wiring for networks: the join request and proposal queues, the
network editor's dashboard panel, and the guards that keep one network's
editors out of another network's pages where Wagtail alone would let them in."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem

from . import views
from .models import NetworkPage
from .panels import NetworkEditorPanel, NetworkGroupPermissionPanel, NetworkPagesSummaryItem
from .permissions import networks_edited_by, without_other_networks

join_request_urls = [
    path("", views.JoinRequestListView.as_view(), name="index"),
    path("<int:pk>/", views.JoinRequestDetailView.as_view(), name="detail"),
]
proposal_urls = [
    path("", views.ProposalListView.as_view(), name="index"),
    path("<int:pk>/", views.ProposalDetailView.as_view(), name="detail"),
]


@hooks.register("register_admin_urls")
def register_networks_admin_urls():
    return [
        path(
            "join-requests/",
            include(
                (join_request_urls, "networks_join_requests"), namespace="networks_join_requests"
            ),
        ),
        path(
            "network-proposals/",
            include((proposal_urls, "networks_proposals"), namespace="networks_proposals"),
        ),
        # Same address as wagtail-localize's own view, registered first (this
        # app comes before wagtail_localize in INSTALLED_APPS), so it wins.
        path(
            "localize/submit/page/<int:page_id>/",
            views.GuardedSubmitPageTranslationView.as_view(),
            name="networks_submit_page_translation",
        ),
    ]


class JoinRequestsMenuItem(MenuItem):
    """Shown to the editors of any network, and to site admins."""

    def is_shown(self, request):
        return request.user.is_superuser or networks_edited_by(request.user).exists()


class ProposalsMenuItem(MenuItem):
    """Shown to site admins only."""

    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_menu_item")
def register_join_requests_menu_item():
    return JoinRequestsMenuItem(
        gettext_lazy("Join requests"),
        reverse("networks_join_requests:index"),
        icon_name="group",
        order=250,
    )


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item():
    return ProposalsMenuItem(
        gettext_lazy("Network proposals"),
        reverse("networks_proposals:index"),
        icon_name="site",
        order=260,
    )


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
