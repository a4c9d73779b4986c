from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    """Networks: pages, directory, per-network groups and join requests."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "networks"

    def ready(self):
        from . import signals  # noqa: F401

        post_migrate.connect(signals.ensure_site_moderators, sender=self)

        # What residents send here, in the site-wide privacy requests.
        # (Contact messages are emailed, never stored: nothing to register.)
        from home import privacy as site_privacy

        from . import privacy

        site_privacy.register(
            "join_requests",
            label=_("Requests to join a network"),
            export=privacy.export_join_requests,
            erase=privacy.erase_join_requests,
        )
        site_privacy.register(
            "network_proposals",
            label=_("Proposals for a new network"),
            export=privacy.export_proposals,
            erase=privacy.erase_proposals,
        )
