"""Admin views: the join requests a network's editors decide, the proposals
for new networks that site admins decide, the guard on wagtail-localize's
"Translate this page", and Wagtail admin views that would otherwise show one
network's pages to another's staff (the page chooser, a report)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.models import Locale, Page
from wagtail_localize.views.submit_translations import SubmitPageTranslationView

from .models import JoinRequest, NetworkProposal
from .permissions import networks_edited_by, without_other_networks

PAGE_SIZE = 25


def join_requests_for(user):
    """Returns the join requests `user` may see and decide: those of the
    networks they edit (every network for superusers)."""
    requests = JoinRequest.objects.select_related("network", "decided_by")
    if user.is_superuser:
        return requests
    return requests.filter(network__in=networks_edited_by(user))


class DecisionListView(WagtailAdminTemplateMixin, TemplateView):
    """A listing of requests to decide, pending first, filterable by status."""

    template_name = "networks/admin/decision_list.html"
    header_icon = "group"

    def get_queryset(self):
        raise NotImplementedError

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        requests = self.get_queryset()
        status = self.request.GET.get("status", JoinRequest.Status.PENDING)
        if status in JoinRequest.Status.values:
            requests = requests.filter(status=status)
        else:
            status = ""
        page_obj = Paginator(requests, PAGE_SIZE).get_page(self.request.GET.get("p"))
        context.update(
            page_obj=page_obj,
            requests=page_obj.object_list,
            status=status,
            statuses=JoinRequest.Status.choices,
            detail_url_name=self.detail_url_name,
        )
        return context


class DecisionDetailView(WagtailAdminTemplateMixin, TemplateView):
    """One request with Accept and Decline buttons."""

    template_name = "networks/admin/decision_detail.html"
    header_icon = "group"

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.list_url_name), "label": self.list_title},
            {"url": "", "label": str(self.object)},
        ]

    def get_page_title(self):
        return str(self.object)

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(object=self.object, fields=self.get_fields())
        return context

    def post(self, request, *args, **kwargs):
        decision = request.POST.get("decision")
        try:
            if decision == "accept":
                result = self.accept()
            elif decision == "decline":
                if self.object.emails_outcome:
                    self.object.decline(by=request.user, message=request.POST.get("message", ""))
                else:
                    self.object.decline(by=request.user)
                result = None
                messages.success(request, _("Declined: %(object)s") % {"object": self.object})
            else:
                raise ValidationError(_("Choose accept or decline."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        return result or redirect(self.list_url_name)


class NetworkEditorRequiredMixin:
    """Editors of at least one network, and site admins."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_superuser or networks_edited_by(user).exists()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class JoinRequestListView(NetworkEditorRequiredMixin, DecisionListView):
    """The join requests of the networks the user edits."""

    page_title = gettext_lazy("Join requests")
    detail_url_name = "networks_join_requests:detail"

    def get_queryset(self):
        return join_requests_for(self.request.user)


class JoinRequestDetailView(NetworkEditorRequiredMixin, DecisionDetailView):
    """A join request, decided by its network's editors."""

    list_url_name = "networks_join_requests:index"
    list_title = gettext_lazy("Join requests")

    def get_queryset(self):
        return join_requests_for(self.request.user)

    def get_fields(self):
        r = self.object
        return [
            (_("Network"), r.network.title),
            (_("Name"), r.name),
            (_("Email"), r.email),
            (_("Organisation"), r.organisation),
            (_("Message"), r.message),
            (_("May be listed publicly"), _("Yes") if r.list_publicly else _("No")),
            (_("Received"), as_read(r.created_at)),
            (_("Status"), r.get_status_display()),
            (_("Decided by"), r.decided_by or ""),
            (_("Decided"), as_read(r.decided_at)),
            (_("Message sent with the decision"), r.decision_message),
        ]

    def accept(self):
        self.object.accept(by=self.request.user, message=self.request.POST.get("message", ""))
        messages.success(self.request, _("Accepted: %(object)s") % {"object": self.object})


def as_read(moment):
    """Returns a date and time as people read them ("1 December 2026, 09:18",
    in the site's time zone and the admin's language), or "" for none."""
    return date_format(localtime(moment), "DATETIME_FORMAT") if moment else ""


class SuperuserRequiredMixin:
    """Site admins only."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProposalListView(SuperuserRequiredMixin, DecisionListView):
    """Proposals for new networks, for site admins."""

    page_title = gettext_lazy("Network proposals")
    detail_url_name = "networks_proposals:detail"

    def get_queryset(self):
        return NetworkProposal.objects.select_related("decided_by")


class ProposalDetailView(SuperuserRequiredMixin, DecisionDetailView):
    """A proposal; accepting it creates the network as a draft with its groups."""

    list_url_name = "networks_proposals:index"
    list_title = gettext_lazy("Network proposals")

    def get_queryset(self):
        return NetworkProposal.objects.all()

    def get_fields(self):
        p = self.object
        return [
            (_("Name of the network"), p.name),
            (_("What it is for"), p.purpose),
            (_("Who is in it"), p.members),
            (_("Area"), p.area or _("Borough-wide")),
            (_("Contact"), f"{p.contact_name} <{p.contact_email}>"),
            (_("Received"), as_read(p.created_at)),
            (_("Status"), p.get_status_display()),
            (_("Decided"), as_read(p.decided_at)),
        ]

    def accept(self):
        network = self.object.accept(by=self.request.user)
        messages.success(
            self.request,
            _("%(network)s is created as a draft, with its editor and moderator groups.")
            % {"network": network.title},
        )
        return redirect("wagtailadmin_pages:edit", network.pk)


class GuardedSubmitPageTranslationView(SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", refused for pages the user
    cannot edit (wagtail-localize itself checks only a site-wide permission,
    which would let one network's editor translate another's pages)."""

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


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
