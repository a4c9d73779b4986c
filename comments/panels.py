"""The dashboard panel: what waits for this moderator, per network."""

from django.db.models import Count, Min
from django.urls import reverse
from django.utils.http import urlencode

from wagtail.admin.ui.components import Component

from networks.permissions import networks_moderated_by

from .moderation import comments_moderated_by


class PendingCommentsPanel(Component):
    """Pending comments per network the user moderates, the oldest waiting
    time, and a link to each network's queue. Two queries whatever the
    numbers; hidden for anyone who moderates nothing."""

    name = "pending_comments"
    order = 50
    template_name = "comments/admin/pending_panel.html"

    def __init__(self, request):
        self.request = request

    def get_rows(self):
        user = self.request.user
        networks = list(networks_moderated_by(user).order_by("title").only("pk", "title"))
        if not networks:
            return []
        by_network = (
            comments_moderated_by(user)
            .pending()
            .order_by()
            .values("network_id")
            .annotate(count=Count("pk"), oldest=Min("created_at"))
        )
        totals = {network.pk: [0, None] for network in networks}
        for row in by_network:
            if row["network_id"] in totals:
                totals[row["network_id"]] = [row["count"], row["oldest"]]
        index = reverse("comments:index")
        return [
            {
                "network": network,
                "count": totals[network.pk][0],
                "oldest": totals[network.pk][1],
                "url": f"{index}?{urlencode({'state': 'pending', 'network': network.pk})}",
            }
            for network in networks
        ]

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        rows = self.get_rows()
        context["rows"] = rows
        context["total"] = sum(row["count"] for row in rows)
        context["queue_url"] = reverse("comments:index") + "?state=pending"
        return context

    def render_html(self, parent_context=None):
        if not networks_moderated_by(self.request.user).exists():
            return ""
        return super().render_html(parent_context)
