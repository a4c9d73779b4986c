from django.apps import AppConfig
from django.db.models.signals import post_migrate

from . import scheduled


class HomeConfig(AppConfig):
    """The frame of the site: home page, standard pages, site settings, and
    the site's public address (SITE_URL, written to the Site after migrate)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "home"

    def ready(self):
        # Imported here, not at the top: it imports Wagtail's models, which
        # Django only allows once the app registry is ready.
        from . import (
            fragments,  # noqa: F401 - the frame's version follows publishing
            signals,
        )
        from .site_url import apply_site_url_after_migrate

        signals.connect()

        post_migrate.connect(
            apply_site_url_after_migrate, sender=self, dispatch_uid="home.site_url"
        )
        # Wagtail's scheduled publishing ("go live at", "expire at").
        scheduled.register(
            "publish_scheduled_pages", scheduled.command("publish_scheduled"), every="hourly"
        )
