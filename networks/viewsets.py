"""The decision queues in the Wagtail admin: "Join requests" (a network's
editors decide their own network's, in every language) and "Network
proposals" (site admins only).

Wagtail ModelViewSets with Wagtail's own listing machinery (a status filter
defaulting to pending, search, sortable columns, pagination, bulk Accept and
Decline: see networks.bulk_actions), like the comments queue. Who sees what
is a permission policy registered with Wagtail, so the listing, the detail
view, the bulk actions and the menu all follow it. Staff decide; they never
create, edit or delete what a person sent, so those views are not registered.
Every decision goes through the model's audited `accept` / `decline`.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.permission_policies.base import BasePermissionPolicy

import django_filters

from home.admin_queues import QueueViewSetMixin

from .models import Decision, JoinRequest, NetworkPage, NetworkProposal
from .permissions import networks_edited_by

#: What staff may do in a decision queue: read it and decide ("change").
DECISION_ACTIONS = {"view", "change"}


def join_requests_for(user):
    """Returns the join requests `user` may see and decide: those of the
    networks they edit, in every language (every network for superusers)."""
    requests = JoinRequest.objects.select_related("network", "decided_by")
    if user.is_superuser:
        return requests
    return requests.filter(network__in=networks_edited_by(user))


def as_read(moment):
    """Returns a date and time as people read them ("1 December 2026, 09:18",
    in the site's time zone and the admin's language), or "" for none."""
    return date_format(localtime(moment), "DATETIME_FORMAT") if moment else ""


def received(request):
    """Returns when `request` came in, in the reader's format and time zone."""
    return as_read(request.created_at)


def decision_message(request, obj):
    """The editor's optional message to email with the decision, for requests
    whose outcome is emailed."""
    return request.POST.get("message", "") if obj.emails_outcome else ""


class JoinRequestPermissionPolicy(BasePermissionPolicy):
    """A network's editors see and decide their own network's join requests;
    site admins every network's; nobody else any."""

    def user_has_permission(self, user, action):
        if action not in DECISION_ACTIONS or not (user.is_active and user.is_authenticated):
            return False
        return user.is_superuser or networks_edited_by(user).exists()

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return JoinRequest.objects.none()
        return join_requests_for(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


class ProposalPermissionPolicy(BasePermissionPolicy):
    """Proposals for new networks: site admins only."""

    def user_has_permission(self, user, action):
        return action in DECISION_ACTIONS and user.is_active and user.is_superuser

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return NetworkProposal.objects.none()
        return NetworkProposal.objects.select_related("decided_by", "network")

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class DecisionFilterSet(WagtailFilterSet):
    """A queue's status filter; pending unless the person chooses otherwise
    (see DecisionIndexView)."""

    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=Decision.Status.choices,
        empty_label=gettext_lazy("Any status"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = JoinRequest
        fields = ["status"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # "all" is the address the old listing used for "any status".
        if data is not None and data.get("status") == "all":
            data = data.copy()
            data["status"] = ""
        super().__init__(data, queryset, request=request, prefix=prefix)


class NetworkChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class JoinRequestFilterSet(DecisionFilterSet):
    """Status, and which network (any of its languages): only the networks
    the person edits are offered."""

    network = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Network"),
        queryset=NetworkPage.objects.none(),
        empty_label=gettext_lazy("All networks"),
        method="filter_network",
    )
    network.field_class = NetworkChoiceField

    class Meta:
        model = JoinRequest
        fields = ["status", "network"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.request.user
        networks = NetworkPage.objects.all() if user.is_superuser else networks_edited_by(user)
        self.filters["network"].queryset = networks.filter(locale=Locale.get_default()).order_by(
            "title"
        )

    def filter_network(self, queryset, name, value):
        return queryset.filter(network__translation_key=value.translation_key)


class ProposalFilterSet(DecisionFilterSet):
    class Meta:
        model = NetworkProposal
        fields = ["status"]


class DecisionIndexView(generic.IndexView):
    """A queue: pending first by default, the newest on top, searchable with
    `q`, with bulk Accept and Decline."""

    any_permission_required = ["view"]
    default_ordering = "-created_at"
    template_name = "networks/admin/decision_index.html"
    search_backend_name = None

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        data = kwargs["data"].copy()
        data.setdefault("status", Decision.Status.PENDING)
        kwargs["data"] = data
        return kwargs

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "view")

    def order_queryset(self, queryset):
        ordering = self.ordering or self.default_ordering
        return queryset.order_by(ordering, "-pk" if ordering.startswith("-") else "pk")

    def get_detail_url(self, instance):
        return reverse(self.detail_url_name, args=[instance.pk])

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type=self.model._meta.model_name),
            TitleColumn(
                "request",
                label=_("Request"),
                accessor=str,
                get_url=self.get_detail_url,
            ),
            *self.extra_columns(),
            DateColumn("created_at", label=_("Received"), sort_key="created_at"),
            Column("status", label=_("Status"), accessor="get_status_display"),
        ]

    def extra_columns(self):
        return []


class JoinRequestIndexView(DecisionIndexView):
    detail_url_name = "networks_join_requests:detail"
    search_fields = ["name", "email", "organisation", "message"]

    def extra_columns(self):
        return [Column("organisation", label=_("Organisation"))]


class ProposalIndexView(DecisionIndexView):
    detail_url_name = "networks_proposals:detail"
    search_fields = ["name", "purpose", "members", "area", "contact_name", "contact_email"]

    def extra_columns(self):
        return [Column("area", label=_("Area"))]


class DecisionDetailView(WagtailAdminTemplateMixin, TemplateView):
    """One request in full with Accept and Decline (POST `decision`). A
    request outside the person's queue is a 404, whoever asks by its id."""

    template_name = "networks/admin/decision_detail.html"
    header_icon = "group"
    viewset = None

    def dispatch(self, request, *args, **kwargs):
        policy = self.viewset.permission_policy
        if not policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        queryset = policy.instances_user_has_permission_for(request.user, "view")
        self.object = get_object_or_404(queryset, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(f"{self.viewset.url_namespace}:index"),
                "label": self.viewset.menu_label,
            },
            {"url": "", "label": str(self.object)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(object=self.object, fields=self.viewset.detail_fields(self.object))
        return context

    def post(self, request, *args, **kwargs):
        if not self.viewset.permission_policy.user_has_permission_for_instance(
            request.user, "change", self.object
        ):
            raise PermissionDenied
        decision = request.POST.get("decision")
        try:
            if decision == "accept":
                response = self.viewset.accept(request, self.object)
            elif decision == "decline":
                self.object.decline(by=request.user, message=decision_message(request, self.object))
                response = None
                messages.success(request, _("Declined: %(object)s") % {"object": self.object})
            else:
                raise ValidationError(_("Choose accept or decline."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        return response or redirect(f"{self.viewset.url_namespace}:index")


class DecisionViewSet(QueueViewSetMixin, ModelViewSet):
    """A decision queue: its listing, its detail view with Accept and
    Decline, and its menu item, narrowed by `permission_policy`."""

    icon = "group"
    add_to_admin_menu = True
    list_per_page = 25
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False

    def get_permissions_to_register(self):
        # Deciding is a network right (networks.permissions) or a site
        # admin's, not a model permission: nothing to tick in the groups UI.
        return Permission.objects.none()

    @property
    def detail_view(self):
        return DecisionDetailView.as_view(viewset=self)

    @property
    def url_finder_class(self):
        """Links from elsewhere in the admin (Site history) go to the detail
        view: decisions have no edit view."""
        return type(
            "DecisionAdminURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("detail")},
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", self.detail_view, name="detail"),
        ]

    def detail_fields(self, obj):
        """Returns [(label, value)] for the detail view."""
        raise NotImplementedError

    def accept(self, request, obj):
        """Accepts `obj` for `request.user`; returns a response or None (the queue)."""
        raise NotImplementedError


class JoinRequestViewSet(DecisionViewSet):
    """ "Join requests": a network's editors decide their network's."""

    model = JoinRequest
    name = "networks_join_requests"
    url_prefix = "join-requests"
    menu_label = gettext_lazy("Join requests")
    menu_name = "join-requests"
    menu_order = 250
    index_view_class = JoinRequestIndexView
    filterset_class = JoinRequestFilterSet

    def detail_fields(self, r):
        return [
            (_("Network"), r.network.title),
            (_("Name"), r.name),
            (_("Email"), r.email),
            (_("Organisation"), r.organisation),
            (_("Message"), r.message),
            (_("May be listed publicly"), _("Yes") if r.list_publicly else _("No")),
            (_("Received"), received(r)),
            (_("Status"), r.get_status_display()),
            (_("Decided by"), r.decided_by or ""),
            (_("Decided"), as_read(r.decided_at)),
            (_("Message sent with the decision"), r.decision_message),
        ]

    def accept(self, request, obj):
        obj.accept(by=request.user, message=decision_message(request, obj))
        messages.success(request, _("Accepted: %(object)s") % {"object": obj})
        return None


class ProposalViewSet(DecisionViewSet):
    """ "Network proposals": site admins decide; accepting creates the
    network as a draft with its groups."""

    model = NetworkProposal
    name = "networks_proposals"
    url_prefix = "network-proposals"
    icon = "site"
    menu_label = gettext_lazy("Network proposals")
    menu_name = "network-proposals"
    menu_order = 260
    index_view_class = ProposalIndexView
    filterset_class = ProposalFilterSet

    def detail_fields(self, p):
        return [
            (_("Name of the network"), p.name),
            (_("What it is for"), p.purpose),
            (_("Who is in it"), p.members),
            (_("Area"), p.area or _("Borough-wide")),
            (_("Contact"), f"{p.contact_name} <{p.contact_email}>"),
            (_("Received"), received(p)),
            (_("Status"), p.get_status_display()),
            (_("Decided by"), p.decided_by or ""),
            (_("Decided"), as_read(p.decided_at)),
            (_("Message sent with the decision"), p.decision_message),
        ]

    def accept(self, request, obj):
        network = obj.accept(by=request.user, message=decision_message(request, obj))
        messages.success(
            request,
            _("%(network)s is created as a draft, with its editor and moderator groups.")
            % {"network": network.title},
        )
        return redirect("wagtailadmin_pages:edit", network.pk)


join_request_viewset = JoinRequestViewSet()
proposal_viewset = ProposalViewSet()
