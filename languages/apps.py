from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    """The site in many languages: where the language switcher and hreflang
    links point, when a translation is out of date, and the demo translations
    (listed after every content app, so that their demo pages exist first)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "languages"
    verbose_name = _("Languages")

    def ready(self):
        from . import (
            permissions,
            translations,  # noqa: F401 - the cached locales follow Locale changes
        )

        permissions.connect()
