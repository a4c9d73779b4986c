from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import scheduled


class ConsultationsConfig(AppConfig):
    """Consultations: questions built by editors, answers while open, results
    and the "We asked, you said, we did" outcome."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "consultations"
    verbose_name = "Consultations"

    def ready(self):
        # Consultations' part of the site-wide privacy requests: a
        # respondent's responses, exported or anonymised (answers kept).
        from home import privacy as site_privacy

        from . import (
            privacy,
            signals,  # noqa: F401 (drops cached pages after decisions)
        )

        site_privacy.register(
            "consultations",
            label=_("Consultation responses"),
            export=privacy.export_responses,
            erase=privacy.erase_responses,
        )
        scheduled.register(
            "remind_overdue_outcomes",
            "consultations.tasks.enqueue_outcome_reminders",
            every="daily",
        )
        scheduled.register(
            "erase_expired_consultation_details",
            "consultations.privacy.erase_expired_details",
            every="daily",
        )
