from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events: what's on across every network, calendars, registrations."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from . import signals  # noqa: F401 (connects the publish handler)
