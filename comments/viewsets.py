"""The moderators' queue in the Wagtail admin, under the menu item "Comments".

A Wagtail ModelViewSet with Wagtail's own listing machinery (filters, the
`q` search box, sortable columns, pagination, bulk actions), narrowed to
the comments the user may see. Moderators decide; they never create, edit
or delete a resident's words, so those views are not registered.
"""

from datetime import timedelta

from django.contrib.auth.models import Permission
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.middleware.csrf import get_token
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale, Page

from home.admin_queues import QueueViewSetMixin
from home.admin_views import PrivacyRequestView
from networks.models import NetworkPage
from networks.permissions import networks_moderated_by

from . import admin_views
from .escalation import ModerationTargets
from .filters import APPEAL, REPORTED, CommentFilterSet
from .models import Comment, CommentReport, CommentSettings
from .moderation import ACTION_LABELS, ModerationScope, comments_visible_to, pending_count_for


class QueueColumn(Column):
    """A column that renders its cell with the view's per-request moderation
    scope at hand (which networks the user moderates, the network of each
    page), so that no cell asks the database anything."""

    def __init__(self, name, view, **kwargs):
        super().__init__(name, **kwargs)
        self.view = view

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["can_moderate"] = self.view.scope.can_moderate(instance)
        context["network"] = self.view.network_of(instance)
        return context


class CommentColumn(QueueColumn):
    """The commenter's name, their email (moderators of that network only),
    and the text, always as escaped plain text."""

    cell_template_name = "comments/admin/comment_cell.html"


class PageColumn(QueueColumn):
    """The page commented on and its network."""

    cell_template_name = "comments/admin/page_cell.html"


class StatusColumn(QueueColumn):
    """The state, with the number of reports."""

    cell_template_name = "comments/admin/status_cell.html"


class WaitingColumn(QueueColumn):
    """How long a pending comment has waited ("waiting 3 h", the exact time
    in a `<time>` element), and whether it waits past its network's target;
    a decided comment shows when it was posted. Sorting by it puts the
    longest-waiting first."""

    cell_template_name = "comments/admin/waiting_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["now"] = self.view.now
        context["target_hours"] = self.view.targets.hours_for(instance.network_id)
        context["past_target"] = instance.status == Comment.Status.PENDING and (
            instance.created_at < self.view.now - timedelta(hours=context["target_hours"])
        )
        return context


class ActionsColumn(QueueColumn):
    """One-click "Approve" and "Reject" forms (POST with CSRF), the other
    transitions in a menu, and a link to decide with a note."""

    cell_template_name = "comments/admin/actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context["csrf_token"] = get_token(request)
        queue_url = request.get_full_path().replace("/results/", "/", 1)
        context["next_url"] = queue_url + self.anchor_after(instance, parent_context["table"])
        if context["can_moderate"]:
            actions = [
                (action, label, self.view.get_action_url(instance, action))
                for action, label in ACTION_LABELS.items()
                if instance.can_transition(action)
            ]
            primary = {"approve", "reject", "keep"}
            context["primary_actions"] = [a for a in actions if a[0] in primary]
            context["more_actions"] = [a for a in actions if a[0] not in primary]
            appeal = instance.open_appeal
            if appeal is not None:
                # An appealed comment is decided through its appeal, so that
                # the appeal is closed and the writer told.
                context["appeal_url"] = reverse("comments:appeal", args=[appeal.pk])
                context["primary_actions"] = context["more_actions"] = []
        context["review_url"] = reverse("comments:review", args=[instance.pk])
        context["rejection_reasons"] = self.view.rejection_reasons
        return context

    def anchor_after(self, instance, table):
        """Returns the anchor that brings a moderator back to where they were
        in the queue after deciding on `instance`: the next row (which takes
        its place when the decision moves it out of the filtered list), else
        the one before it, else the top of the list."""
        ids = table.__dict__.setdefault("_comment_ids", [row.pk for row in table.data])
        index = ids.index(instance.pk) if instance.pk in ids else -1
        if index < 0:
            return ""
        if index + 1 < len(ids):
            return f"#comment-{ids[index + 1]}"
        if index > 0:
            return f"#comment-{ids[index - 1]}"
        return "#listing-results"


class CommentIndexView(generic.IndexView):
    """The queue: oldest pending first by default, filtered by state,
    network, page and age, searchable with `q`, with counts per state."""

    any_permission_required = ["view"]
    default_ordering = "created_at"
    page_title = _("Comments")
    template_name = "comments/admin/index.html"
    results_template_name = "comments/admin/index_results.html"
    search_backend_name = None
    table_classname = "comments-queue"

    @cached_property
    def scope(self):
        return ModerationScope(self.request.user)

    @cached_property
    def rejection_reasons(self):
        """The ready-made reasons every row's Reject offers (one query a page)."""
        return CommentSettings.load(request_or_site=self.request).get_rejection_reasons()

    @cached_property
    def now(self):
        """One moment for the whole listing, so every row's waiting time and
        the counts past the target agree."""
        return timezone.now()

    @cached_property
    def targets(self):
        return ModerationTargets.load(request=self.request)

    @cached_property
    def search_fields(self):
        # Only a moderator may look comments up by email address.
        if self.scope.moderates_anything:
            return ["name", "body", "email"]
        return ["name", "body"]

    @cached_property
    def networks(self):
        """The networks whose comments the user sees (one query)."""
        if self.scope.site_wide:
            networks = NetworkPage.objects.all()
        else:
            visible = comments_visible_to(self.request.user)
            # One indexed probe per network, not the networks of every visible comment.
            networks = NetworkPage.objects.filter(
                pk__in=networks_moderated_by(self.request.user).values("pk")
            ) | NetworkPage.objects.filter(Exists(visible.filter(network_id=OuterRef("pk"))))
        return list(networks.order_by("title").only("pk", "title", "translation_key", "locale_id"))

    @cached_property
    def networks_by_id(self):
        return {network.pk: network for network in self.networks}

    def network_of(self, comment):
        """Returns the network `comment` is in (its stored network), or None."""
        return self.networks_by_id.get(comment.network_id)

    def get_filterset_kwargs(self):
        data = self.request.GET.copy()
        data.setdefault("state", Comment.Status.PENDING)
        visible = comments_visible_to(self.request.user)
        pages = Page.objects.filter(Exists(visible.filter(page=OuterRef("pk")))).order_by("title")
        return {
            "data": data,
            "request": self.request,
            "networks": NetworkPage.objects.filter(pk__in=[n.pk for n in self.networks]).order_by(
                "title"
            ),
            "pages": pages,
        }

    filterset_class = CommentFilterSet

    def get_base_queryset(self):
        return (
            comments_visible_to(self.request.user)
            .select_related("page", "parent", "appeal")
            .prefetch_related(
                Prefetch(
                    "reports",
                    queryset=CommentReport.objects.only("pk", "comment_id", "created_at"),
                )
            )
        )

    def order_queryset(self, queryset):
        ordering = self.ordering or "created_at"
        tie_break = "-pk" if ordering.startswith("-") else "pk"
        return queryset.order_by(ordering, tie_break)

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="comment"),
            CommentColumn("comment", view=self, label=_("Comment")),
            # The decisions beside the text they act on, not at the row's far end.
            ActionsColumn("actions", view=self, label=_("Decide")),
            PageColumn("page", view=self, label=_("Page")),
            StatusColumn("status", view=self, label=_("State")),
            WaitingColumn(
                "created_at",
                view=self,
                label=_("Waiting"),
                sort_key="created_at",
                classname="comment-date-cell",
            ),
        ]

    def get_action_url(self, comment, action):
        return reverse("comments:action", args=[comment.pk, action])

    def search_queryset(self, queryset):
        """The `q` search. Text that looks like an email address (it has an
        "@"), typed by a moderator, finds the comments whose address starts
        with it, through the index on the lower-cased address, instead of
        looking for it anywhere in every comment's text."""
        if self.is_searching and "@" in self.search_query and "email" in self.search_fields:
            return queryset.with_email_starting(self.search_query)
        return super().search_queryset(queryset)

    @cached_property
    def counts_by_state(self):
        """Returns {state: count} for each state and "reported", under the
        current filters and search other than the state: two queries, which
        also give the listing its count (see get_paginator)."""
        filterset = CommentFilterSet(
            **{**self.get_filterset_kwargs(), "data": {**self.filters.data.dict(), "state": ""}}
        )
        queryset = self.search_queryset(comments_visible_to(self.request.user))
        if filterset.is_valid():
            queryset = filterset.filter_queryset(queryset)
        counts = dict.fromkeys(Comment.Status.values, 0)
        # Grouped by network first where the queue is some networks' only (a
        # network moderator's, or one network chosen), so that the count walks
        # the (network, status, created_at) index; else by state alone, which
        # walks the (status, created_at) one.
        one_network = filterset.is_valid() and filterset.form.cleaned_data.get("network")
        by_state = self.scope.site_wide and not one_network
        group_by = ("status",) if by_state else ("network_id", "status")
        for *_network, status, n in (
            queryset.order_by().values_list(*group_by).annotate(n=Count("pk")).order_by()
        ):
            counts[status] = counts.get(status, 0) + n
        counts[REPORTED] = queryset.with_open_reports().count()
        counts[APPEAL] = queryset.with_open_appeals().count()
        return counts

    def state_counts(self):
        """Returns [(value, label, count)] for each state (and "reported")
        under the current filters other than the state, then "reported" and "appeal"."""
        counts = self.counts_by_state
        rows = [(value, label, counts[value]) for value, label in Comment.Status.choices]
        rows.append((REPORTED, _("Reported"), counts[REPORTED]))
        rows.append((APPEAL, _("Appeal"), counts[APPEAL]))
        return rows

    def listing_count(self):
        """Returns how many comments the listing holds, from the state counts
        (None where they cannot tell: an invalid filter)."""
        if not self.filters.is_valid():
            return None
        state = self.filters.form.cleaned_data.get("state") or ""
        counts = self.counts_by_state
        if state == "":
            return sum(counts[value] for value in Comment.Status.values)
        return counts.get(state)

    def get_paginator(self, queryset, *args, **kwargs):
        """Wagtail's paginator, told the listing's count (already counted
        for the state counts) instead of counting the same rows again."""
        paginator = super().get_paginator(queryset, *args, **kwargs)
        count = self.listing_count()
        if count is not None:
            paginator.count = count  # a cached_property on Django's Paginator
        return paginator

    def past_target_counts(self):
        """Returns, for each network the user sees with pending comments past
        its moderation target, a dict of the network (its original language's
        page), its target in hours, how many wait past it and the queue link
        that lists them, then (network None) the site-wide pages' count;
        whatever the filters. One query."""
        counts = self.targets.overdue_counts(comments_visible_to(self.request.user), now=self.now)
        by_translation = {}
        for network_id, count in counts.items():
            network = self.networks_by_id.get(network_id)
            if network is None:
                continue
            hours = self.targets.hours_for(network.pk)
            row = by_translation.setdefault(
                network.translation_key, {"network": network, "count": 0, "target_hours": hours}
            )
            row["count"] += count
            if network.locale_id == self.default_locale_id:
                row["network"] = network
                row["target_hours"] = self.targets.hours_for(network.pk)
        index = reverse("comments:index")
        rows = sorted(by_translation.values(), key=lambda row: row["network"].title)
        for row in rows:
            query = {"state": "pending", "network": row["network"].pk}
            row["url"] = f"{index}?{urlencode(query)}"
        if counts.get(None):
            # Site-wide pages (outside every network): the site default target.
            rows.append(
                {
                    "network": None,
                    "count": counts[None],
                    "target_hours": self.targets.default_hours,
                    "url": "",
                }
            )
        return rows

    @cached_property
    def default_locale_id(self):
        return Locale.get_default().pk

    @cached_property
    def header_buttons(self):
        buttons = []
        if self.request.user.is_superuser:
            buttons.append(
                HeaderButton(
                    _("Privacy requests"), url=reverse("comments:privacy"), icon_name="user"
                )
            )
        return buttons

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["state_counts"] = self.state_counts()
        context["current_state"] = (
            self.filters.form.cleaned_data.get("state") if self.filters.is_valid() else ""
        )
        params = self.request.GET.copy()
        params.pop("p", None)
        params.pop("state", None)
        context["state_query_prefix"] = params.urlencode()
        context["moderates_anything"] = self.scope.moderates_anything
        context["past_target"] = self.past_target_counts()
        return context


class CommentViewSet(QueueViewSetMixin, ModelViewSet):
    """Registers the queue, its decisions and the privacy tools under
    /admin/comments/, with the menu item "Comments"."""

    model = Comment
    name = "comments"
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "comments"
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    list_per_page = 25
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False

    @cached_property
    def menu_item_class(self):
        """The menu item "Comments", with a badge of how many comments wait
        for the user's decision on every admin page. The link keeps the name
        "Comments" (the public contract, and what screen readers announce);
        the count is a described badge beside it (comments/menu.css)."""

        def render_component(item, request):
            attrs = dict(item.attrs)
            waiting = pending_count_for(request.user)
            if waiting:
                attrs["data-comments-waiting"] = str(waiting)
                attrs["aria-description"] = ngettext(
                    "%(count)s comment waiting", "%(count)s comments waiting", waiting
                ) % {"count": waiting}
            return LinkMenuItem(
                item.name,
                item.label,
                item.url,
                icon_name=item.icon_name,
                classname=item.classname,
                attrs=attrs,
            )

        base = super().menu_item_class
        return type(base.__name__, (base,), {"render_component": render_component})

    @property
    def url_finder_class(self):
        """Links to a comment from elsewhere in the admin (Site history, the
        audit log's "edit" link) go to its review page: comments have no
        edit view."""
        return type(
            "CommentAdminURLFinder", (ModelAdminURLFinder,), {"edit_url_name": "comments:review"}
        )

    def get_permissions_to_register(self):
        # Moderation rights are network permissions (networks.permissions),
        # not model permissions, so there is nothing to tick in the groups UI.
        return Permission.objects.none()

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", admin_views.ReviewView.as_view(), name="review"),
            path("appeals/<int:pk>/", admin_views.AppealView.as_view(), name="appeal"),
            path(
                "<int:pk>/<str:action>/",
                admin_views.DecideView.as_view(),
                name="action",
            ),
            # The site-wide Privacy requests page, at the address it had here.
            path("privacy/", PrivacyRequestView.as_view(), name="privacy"),
        ]


#: The queue's viewset, registered by comments.wagtail_hooks; the bulk actions
#: reuse its index view's filters and search.
comment_viewset = CommentViewSet()
