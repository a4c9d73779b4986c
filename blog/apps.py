from django.apps import AppConfig


class BlogConfig(AppConfig):
    """The blog: posts, the people who write them, the index and its feeds."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "blog"

    def ready(self):
        from home.fragments import shown_in_listings

        from .models import Person

        # Listings name each post's authors.
        shown_in_listings(Person)
