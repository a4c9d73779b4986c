from django.apps import AppConfig


class BlogConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "blog"

    def ready(self):
        # Connects the receivers that drop cached pages when an author changes.
        from . import signals  # noqa: F401
