"""Admin views: Wagtail admin views that would otherwise show one network's
pages to another's staff (the page chooser, a report)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Locale, Page

from .permissions import networks_edited_by, without_other_networks


@require_admin_access
def explore_root(request):
    """The admin's page explorer, opened where a network editor works.

    Wagtail opens the explorer at the closest common ancestor of every page a
    user may edit. A network editor may also edit their network's translations,
    which live under other language roots, so that ancestor is the tree's root;
    an editor of a single network is sent to their network in the default
    language instead. Everyone else gets Wagtail's explorer root unchanged."""
    if not request.user.is_superuser:
        own = networks_edited_by(request.user).filter(locale=Locale.get_default())
        network_ids = list(own.values_list("pk", flat=True)[:2])
        if len(network_ids) == 1:
            return redirect("wagtailadmin_explore", network_ids[0])
    return wagtail_explore_root(request)


wagtail_explore_root = page_viewset_registry.as_view("index", is_base_page=True)


class NetworkPageBrowseView(chooser.BrowseView):
    """Wagtail's page chooser, browsing: the pages listed are already narrowed
    by `construct_page_chooser_queryset`, but the page being browsed is shown
    (and offered) as well. Where that is another network's page, browsing
    starts from the root instead, so its draft title is never shown."""

    def get_object_list(self):
        allowed = without_other_networks(
            Page.objects.filter(pk=self.parent_page.pk), self.request.user
        )
        if not allowed.exists():
            self.parent_page = Page.get_first_root_node().specific
        return super().get_object_list()


class NetworkPageChosenMultipleView(chooser.ChosenMultipleView):
    """Wagtail's page chooser, after choosing several pages: it answers with
    the title and links of every page id asked for. Ids of another network's
    pages, which the chooser never offers, are left out."""

    def get(self, request):
        ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
        pages = without_other_networks(Page.objects.filter(pk__in=ids), request.user)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in pages.values_list("pk", flat=True)])
        return super().get(request)


class SiteAdminsOnlyPageTypesUsageView(PageTypesUsageReportView):
    """Wagtail's "Page types usage" report names the last edited page of each
    type, anywhere on the site, with its draft title: site admins only."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
