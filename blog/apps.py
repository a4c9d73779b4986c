from django.apps import AppConfig


class BlogConfig(AppConfig):
    """The blog: posts, the people who write them, the index and its feeds."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "blog"

    def ready(self):
        # Registered here, once the models are loaded (home is below blog).
        from home.fragments import shown_on_pages

        from . import signals  # noqa: F401 - drops the cached posts an author's change reaches
        from .models import Person

        # Posts and listings name each post's authors: their fragments follow.
        shown_on_pages(Person)
