from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NetworksConfig(AppConfig):
    """Networks: pages, directory, per-network groups and join requests."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "networks"

    def ready(self):
        from . import signals  # noqa: F401

        post_migrate.connect(signals.ensure_site_moderators, sender=self)
