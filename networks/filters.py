"""The network directory's filters: theme, area and status, each option with
the number of networks it would show. One query per facet, however many
networks there are."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import NetworkPageTag, NetworkStatus, NetworkTheme

BOROUGH_WIDE = "borough-wide"


class NetworkDirectoryFilter:
    """Reads `theme`, `area` and `status` from the query string and filters
    the directory's networks; `facets` lists each filter's options with counts
    (counted over the networks the other filters leave, so a count is what a
    reader gets by choosing that option)."""

    fields = ("theme", "area", "status")

    def __init__(self, data, networks):
        self.networks = networks
        self.selected = {name: (data.get(name) or "").strip()[:100] for name in self.fields}

    def _filter(self, queryset, skip=None):
        theme, area, status = (self.selected[name] for name in self.fields)
        if theme and skip != "theme":
            queryset = queryset.filter(tagged_items__tag__slug=theme)
        if area and skip != "area":
            queryset = queryset.filter(area="" if area == BOROUGH_WIDE else area)
        if status and skip != "status":
            queryset = queryset.filter(status=status)
        return queryset

    def queryset(self):
        """Returns the networks that every chosen filter leaves."""
        return self._filter(self.networks)

    @property
    def is_filtered(self):
        return any(self.selected.values())

    def facets(self):
        """Returns [(name, label, [(value, label, count, selected)])] for the form."""
        ids = self.networks.values("pk")
        theme_counts = (
            NetworkPageTag.objects.filter(
                content_object__in=self._filter(self.networks, skip="theme").values("pk")
            )
            .values("tag__slug", "tag__name")
            .annotate(count=Count("content_object", distinct=True))
            .order_by("tag__name")
            .values_list("tag__slug", "tag__name", "count")
        )
        area_counts = (
            self._filter(self.networks.model.objects.filter(pk__in=ids), skip="area")
            .order_by()
            .values("area")
            .annotate(count=Count("pk"))
            .order_by("area")
            .values_list("area", "count")
        )
        status_counts = dict(
            self._filter(self.networks.model.objects.filter(pk__in=ids), skip="status")
            .order_by()
            .values("status")
            .annotate(count=Count("pk"))
            .values_list("status", "count")
        )
        selected = self.selected
        themes = [(slug, name, n, slug == selected["theme"]) for slug, name, n in theme_counts]
        areas = [
            (
                area or BOROUGH_WIDE,
                area or _("Borough-wide"),
                n,
                (area or BOROUGH_WIDE) == selected["area"],
            )
            for area, n in area_counts
        ]
        # A choice that the other filters leave no network for still shows as
        # chosen (with 0), so the reader sees what they asked for and the form
        # does not quietly drop it.
        if selected["theme"] and not any(option[3] for option in themes):
            tag = NetworkTheme.objects.filter(slug=selected["theme"]).first()
            if tag is not None:
                themes.append((tag.slug, tag.name, 0, True))
        if selected["area"] and not any(option[3] for option in areas):
            area = selected["area"]
            areas.append((area, _("Borough-wide") if area == BOROUGH_WIDE else area, 0, True))
        return [
            ("theme", _("Theme"), themes),
            ("area", _("Area"), areas),
            (
                "status",
                _("Status"),
                [
                    (value, label, status_counts.get(value, 0), value == selected["status"])
                    for value, label in NetworkStatus.choices
                ],
            ),
        ]
