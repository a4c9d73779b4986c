from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthConfig(AppConfig):
    """Network health: how fast each network's comments are decided and
    answered, and what its posts, consultations, events and join requests
    add up to, for its staff and the site admins (see `figures`)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "health"
    verbose_name = _("Network health")
