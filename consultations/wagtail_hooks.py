"""Admin and page wiring for consultations: who sees responses (Wagtail's
form-submission views), the "Published answers" queue (its permission
policy and bulk decisions), the safe streaming export, the dashboard panel
of overdue outcomes, and the sections the home page and network pages show
(through `home.templatetags.page_sections`, so those apps never import
this one)."""

import datetime

from django.db.models import Min
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import ConsultationSubmissionsListView
from .bulk_actions import BULK_ACTIONS
from .models import (
    ConsultationIndexPage,
    ConsultationPage,
    open_consultations_for,
    recent_outcomes_for,
)
from .panels import OverdueOutcomesPanel
from .permissions import filter_form_pages
from .queue import ResponsePermissionPolicy, response_viewset
from .responses import ConsultationResponse

# Wagtail asks the page for its submissions view class (FormMixin).
ConsultationPage.submissions_list_view_class = ConsultationSubmissionsListView


# Who sees and decides the "Published answers" queue (see consultations.queue).
register_permission_policy(ConsultationResponse, ResponsePermissionPolicy(ConsultationResponse))


@hooks.register("register_admin_viewset")
def register_answers_viewset():
    return response_viewset


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("filter_form_submissions_for_user")
def only_own_networks_responses(user, form_pages):
    """Responses only for the consultation's own network editors and site
    admins: the listing, export and delete views all ask this."""
    return filter_form_pages(user, form_pages)


@hooks.register("construct_homepage_panels")
def add_overdue_outcomes_panel(request, panels):
    panels.append(OverdueOutcomesPanel(request))


def _sections(context, network=None):
    page = context.get("page")
    locale_id = getattr(network or page, "locale_id", None)
    return render_to_string(
        "consultations/includes/open_consultations.html",
        {
            "consultations": open_consultations_for(locale_id=locale_id, network=network),
            "outcomes": recent_outcomes_for(locale_id=locale_id, network=network),
            "network": network,
            "index": ConsultationIndexPage.for_locale(locale_id),
            "request": context.get("request"),
        },
    )


@hooks.register("home_page_sections")
def home_open_consultations(context):
    """The home page's open consultations and recent outcomes, every network."""
    return _sections(context)


@hooks.register("network_page_sections")
def network_open_consultations(context, network):
    """A network page's open consultations and recent outcomes."""
    return _sections(context, network=network)


@hooks.register("network_page_head")
def network_consultation_feeds(context, network):
    """Feed discovery links for a network's consultations."""
    index = ConsultationIndexPage.for_locale(network.locale_id)
    if index is None:
        return ""
    return render_to_string(
        "consultations/includes/feed_links.html",
        {
            "network": network,
            "rss_url": index.feed_url("rss", network=network),
            "atom_url": index.feed_url("atom", network=network),
        },
    )


@hooks.register("register_log_actions")
def register_response_log_actions(actions):
    actions.register_action(
        "consultations.response.approve", _("Publish answers"), _("Answers published")
    )
    actions.register_action(
        "consultations.response.reject", _("Keep answers unpublished"), _("Answers not published")
    )
    actions.register_action(
        "consultations.response.redact", _("Redact answers"), _("Answers redacted and published")
    )
    actions.register_action(
        "consultations.erase", _("Erase respondent's details"), _("Respondent's details erased")
    )
    actions.register_action(
        "consultations.export", _("Export respondent's data"), _("Respondent's data exported")
    )


@hooks.register("page_cache_listings")
def consultation_index_lists_consultations(page):
    """The consultation index lists every consultation (home.page_cache)."""
    if isinstance(page, ConsultationPage):
        return ConsultationIndexPage.objects.live()
    return ()


@hooks.register("page_cache_next_change")
def next_consultation_status_change():
    """The next moment a live consultation opens, closes or publishes its
    outcome: its status changes on every page that shows it (home.page_cache,
    and the timed listing fragments); or an open one's "closes in N days"
    counts one day fewer."""
    now = timezone.now()
    live = ConsultationPage.objects.live()
    moments = [
        live.filter(**{f"{field}__gt": now}).aggregate(soonest=Min(field))["soonest"]
        for field in ("opens_at", "closes_at", "outcome_published_at")
    ]
    day = datetime.timedelta(days=1)
    for closes_at in live.filter(opens_at__lte=now, closes_at__gt=now).values_list(
        "closes_at", flat=True
    ):
        moments.append(closes_at - (closes_at - now).days * day)
    return min((moment for moment in moments if moment and moment > now), default=None)
