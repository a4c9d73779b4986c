"""Filters for the moderators' queue: state (with "reported" and "appeal"), network,
page, age and escalation. The network and page choices only offer what the moderator may see."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

import django_filters

from networks.models import NetworkPage

from .models import Comment

REPORTED = "reported"
APPEAL = "appeal"
STATE_CHOICES = [*Comment.Status.choices, (REPORTED, _("Reported")), (APPEAL, _("Appeal"))]

AGE_CHOICES = [
    ("day", _("Posted in the last 24 hours")),
    ("week", _("Posted in the last 7 days")),
    ("older_than_day", _("Waiting more than a day")),
    ("older_than_week", _("Waiting more than a week")),
]
AGE_FILTERS = {
    "day": lambda now: {"created_at__gte": now - timedelta(days=1)},
    "week": lambda now: {"created_at__gte": now - timedelta(days=7)},
    "older_than_day": lambda now: {"created_at__lt": now - timedelta(days=1)},
    "older_than_week": lambda now: {"created_at__lt": now - timedelta(days=7)},
}


def one_per_translation(pages):
    """Returns `pages` with one page per set of translations: the original in
    the default language where there is one. A conversation spans every
    translation of a page, so the filters offer each page (or network) once."""
    # The default locale by its language code in the same query (not a
    # Locale lookup per filter per request).
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    originals = pages.filter(locale__language_code=default_language)
    return originals | pages.exclude(translation_key__in=originals.values("translation_key"))


class TitleChoiceField(django_filters.fields.ModelChoiceField):
    """Labels pages (and networks) by their title alone."""

    def label_from_instance(self, obj):
        return obj.title


class TitleChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = TitleChoiceField


class CommentFilterSet(WagtailFilterSet):
    """The queue's filters. `state` defaults to pending (see CommentIndexView);
    network and page list only the networks and pages in the user's scope,
    which the view passes in as `networks` and `pages`."""

    state = django_filters.ChoiceFilter(
        label=_("State"),
        choices=STATE_CHOICES,
        empty_label=_("Any state"),
        method="filter_state",
        widget=forms.RadioSelect,
    )
    network = TitleChoiceFilter(
        label=_("Network"),
        queryset=NetworkPage.objects.none(),
        method="filter_network",
        empty_label=_("All networks"),
    )
    page = TitleChoiceFilter(
        label=_("Page"),
        queryset=Page.objects.none(),
        empty_label=_("All pages"),
        method="filter_page",
    )
    age = django_filters.ChoiceFilter(
        label=_("Age"),
        choices=AGE_CHOICES,
        empty_label=_("Any age"),
        method="filter_age",
        widget=forms.RadioSelect,
    )

    escalated = django_filters.ChoiceFilter(
        label=_("Escalation"),
        choices=[("yes", _("Escalated")), ("no", _("Not escalated"))],
        empty_label=_("Escalated or not"),
        method="filter_escalated",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Comment
        fields = ["state", "network", "page", "age", "escalated"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, networks, pages):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.filters["network"].queryset = one_per_translation(networks)
        self.filters["page"].queryset = one_per_translation(pages)
        self.form.fields["state"].initial = Comment.Status.PENDING

    def filter_state(self, queryset, name, value):
        if value == REPORTED:
            return queryset.with_open_reports()
        if value == APPEAL:
            return queryset.with_open_appeals()
        return queryset.filter(status=value)

    def filter_network(self, queryset, name, value):
        """Comments anywhere in the network, in every language it has."""
        return queryset.in_networks([value])

    def filter_page(self, queryset, name, value):
        """Comments on the page and on every translation of it."""
        return queryset.filter(page__translation_key=value.translation_key)

    def filter_escalated(self, queryset, name, value):
        """Escalated: pending comments the site moderators were told about
        because they waited too long (see comments.escalation)."""
        if value == "yes":
            return queryset.escalated()
        return queryset.exclude(status=Comment.Status.PENDING, escalated_at__isnull=False)

    def filter_age(self, queryset, name, value):
        return queryset.filter(**AGE_FILTERS[value](timezone.now()))
