from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from home import scheduled


class EventsConfig(AppConfig):
    """Events: what's on across every network, calendars, registrations."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        # Registrations' part of the site-wide privacy requests.
        from home import privacy as site_privacy

        from . import (
            privacy,
            signals,  # noqa: F401 (connects the publish handler)
        )

        site_privacy.register(
            "events",
            label=_("Event registrations"),
            export=privacy.export_personal_data,
            erase=privacy.erase_personal_data,
        )
        scheduled.register(
            "purge_registrations", "events.privacy.remove_expired_attendee_details", every="daily"
        )
