"""The health pages in the admin: one network's figures with their charts,
every network side by side in one sortable table, and both as CSV.

Why an app of its own: the figures read comments, consultations, events,
blog posts and join requests, so the code that gathers them sits above all
of those apps, between the content apps and the demo loader in the layers
(pyproject.toml). A registry in a lower app that each content app fills
would have spread one page's queries over five apps and made its fixed
query count everyone's to keep; here it is one module (`figures`).

Who may see what is `permissions.networks_with_health_for`: a network's
health page answers 404, naming nothing, to anyone else (another network's
staff asking by id included); the table shows each user only the networks
they may see, and refuses (403) a user with none.
"""

import csv

from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from consultations.admin_views import neutralise

from .charts import bar_chart
from .figures import MEASURE_KEYS, MEASURES, WEEK, network_health, week_ends
from .permissions import networks_with_health_for

ORDER_KEYS = ["network", *MEASURE_KEYS]


def display(measure, value):
    """Returns a figure as people read it: hours with one decimal, counts
    as whole numbers, "" when there is nothing to measure."""
    if value is None:
        return ""
    if measure.hours:
        return formats.number_format(round(value, 1), 1)
    return formats.number_format(value)


def week_labels(now):
    """Returns the first day of each of the twelve weeks, as short dates."""
    return [formats.date_format(timezone.localtime(end - WEEK), "j M") for end in week_ends(now)]


class _Echo:
    """A file-like object whose write returns the line, for streaming CSV."""

    def write(self, value):
        return value


def csv_response(rows, filename):
    """Streams `rows` as a CSV download, every cell made safe to open in a
    spreadsheet by consultations' `neutralise`."""
    writer = csv.writer(_Echo())
    body = (writer.writerow([neutralise(str(cell)) for cell in row]) for row in rows)
    response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class NetworkHealthView(WagtailAdminTemplateMixin, TemplateView):
    """One network's health: each figure now, with a chart of its last
    twelve weeks; `?format=csv` gives the same figures as a CSV."""

    template_name = "health/network_health.html"
    header_icon = "pick"

    def dispatch(self, request, network_id, *args, **kwargs):
        self.now = timezone.now()
        found = network_health(
            networks_with_health_for(request.user).filter(pk=network_id), now=self.now
        )
        if not found:
            raise Http404
        self.health = found[0]
        if request.GET.get("format") == "csv":
            return self.as_csv()
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Network health: %(network)s") % {"network": self.health.network.title}

    def get_breadcrumbs_items(self):
        items = self.breadcrumbs_items
        if networks_with_health_for(self.request.user).count() > 1:
            items = items + [{"url": reverse("health:index"), "label": _("Network health")}]
        return items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        labels = week_labels(self.now)
        context["network"] = self.health.network
        context["cards"] = [
            {
                "measure": measure,
                "value": display(measure, figure.value),
                "chart": bar_chart(
                    figure.weeks,
                    labels,
                    title=str(measure.label),
                    formatted=[display(measure, value) for value in figure.weeks],
                ),
            }
            for measure, figure in (
                (measure, self.health.figures[measure.key]) for measure in MEASURES
            )
        ]
        context["csv_url"] = f"{self.request.path}?format=csv"
        return context

    def as_csv(self):
        labels = week_labels(self.now)
        header = [_("Figure"), _("Now"), *[_("Week of %(day)s") % {"day": d} for d in labels]]

        def rows():
            yield header
            for measure in MEASURES:
                figure = self.health.figures[measure.key]
                yield [
                    measure.label,
                    display(measure, figure.value),
                    *[display(measure, value) for value in figure.weeks],
                ]

        stamp = self.now.strftime("%Y%m%d")
        return csv_response(rows(), f"health-{self.health.network.slug}-{stamp}.csv")


class HealthTableView(WagtailAdminTemplateMixin, TemplateView):
    """Every network a user may see, one row each with the same figures as
    its health page, sorted by any column on the server (`?order=key`,
    `?order=-key` for the largest first); `?format=csv` downloads it."""

    template_name = "health/health_table.html"
    page_title = gettext_lazy("Network health")
    header_icon = "pick"

    def dispatch(self, request, *args, **kwargs):
        networks = networks_with_health_for(request.user)
        if not networks.exists():
            raise PermissionDenied
        order = request.GET.get("order", "network")
        self.order = order if order.lstrip("-") in ORDER_KEYS else "network"
        self.rows = self.sorted_rows(network_health(networks), self.order)
        if request.GET.get("format") == "csv":
            return self.as_csv()
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def sorted_rows(rows, order):
        """Returns `rows` sorted by `order`; networks without the figure
        (no decisions to time) come last either way, then by title."""
        key = order.lstrip("-")
        descending = order.startswith("-")
        by_title = sorted(rows, key=lambda row: (row.network.title.lower(), row.network.pk))
        if key == "network":
            return by_title[::-1] if descending else by_title
        present = [row for row in by_title if row.value(key) is not None]
        missing = [row for row in by_title if row.value(key) is None]
        return sorted(present, key=lambda row: row.value(key), reverse=descending) + missing

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def columns(self):
        """The table's columns: their label, the link that sorts by them and
        how they are sorted now (for `aria-sort`)."""
        columns = []
        for key, label in [("network", _("Network"))] + [(m.key, m.label) for m in MEASURES]:
            if self.order == key:
                sort, link = "ascending", f"-{key}"
            elif self.order == f"-{key}":
                sort, link = "descending", key
            else:
                # Counts read best largest first; the network's name A to Z.
                sort, link = "none", key if key == "network" else f"-{key}"
            columns.append({"key": key, "label": label, "sort": sort, "url": f"?order={link}"})
        return columns

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = self.columns()
        context["rows"] = [
            {
                "network": row.network,
                "url": reverse("health:network", args=[row.network.pk]),
                "cells": [display(m, row.value(m.key)) for m in MEASURES],
            }
            for row in self.rows
        ]
        context["csv_url"] = f"?order={self.order}&format=csv"
        return context

    def as_csv(self):
        def rows():
            yield [_("Network"), *[measure.label for measure in MEASURES]]
            for row in self.rows:
                yield [row.network.title, *[display(m, row.value(m.key)) for m in MEASURES]]

        return csv_response(rows(), f"network-health-{self.now_stamp()}.csv")

    @staticmethod
    def now_stamp():
        return timezone.now().strftime("%Y%m%d")
