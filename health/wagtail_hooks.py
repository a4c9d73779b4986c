"""Admin wiring for network health: its URLs, the Reports menu item (for
anyone who may see a network's health), the site admins' dashboard panel
that links to the table, and a line in each network editor's panel that
links to the network's health page."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from networks.panels import PANEL_ITEMS_HOOK

from .permissions import networks_with_health_for
from .views import HealthTableView, NetworkHealthView

urlpatterns = [
    path("", HealthTableView.as_view(), name="index"),
    path("<int:network_id>/", NetworkHealthView.as_view(), name="network"),
]


@hooks.register("register_admin_urls")
def register_health_urls():
    return [path("health/", include((urlpatterns, "health"), namespace="health"))]


class HealthMenuItem(MenuItem):
    """Shown to site admins and to the staff of at least one network."""

    def is_shown(self, request):
        return networks_with_health_for(request.user).exists()


@hooks.register("register_reports_menu_item")
def register_health_menu_item():
    return HealthMenuItem(
        gettext_lazy("Network health"), reverse("health:index"), icon_name="pick", order=150
    )


class HealthPanel(Component):
    """The site admins' dashboard link to every network's health, side by side."""

    name = "network_health"
    order = 70
    template_name = "health/panel.html"


@hooks.register("construct_homepage_panels")
def add_health_panel(request, panels):
    if request.user.is_superuser:
        panels.append(HealthPanel())


@hooks.register(PANEL_ITEMS_HOOK)
def network_health_line(user, network):
    """A network editor's panel links to the network's health page."""
    return [{"label": _("Network health"), "url": reverse("health:network", args=[network.pk])}]
