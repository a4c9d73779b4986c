"""The dashboard panel of consultations overdue for their outcome."""

from django.conf import settings
from django.utils import timezone

from wagtail.admin.ui.components import Component

from .permissions import consultations_for_staff
from .responses import ConsultationSettings


class OverdueOutcomesPanel(Component):
    """The consultations this user looks after that closed too long ago
    without an outcome, with the days waited. Hidden when there are none;
    one query for the list."""

    name = "overdue_outcomes"
    order = 60
    template_name = "consultations/admin/overdue_panel.html"

    def __init__(self, request):
        self.request = request

    def get_rows(self):
        days = ConsultationSettings.load(request_or_site=self.request).outcome_overdue_days
        now = timezone.now()
        consultations = (
            consultations_for_staff(self.request.user)
            .live()
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .overdue_outcomes(days, now=now)
            .only("pk", "title", "closes_at")
        )
        return [{"page": page, "days": (now - page.closes_at).days} for page in consultations]

    def render_html(self, parent_context=None):
        self.rows = self.get_rows()
        if not self.rows:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["rows"] = self.rows
        return context
