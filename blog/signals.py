"""Keeps the fragments that show people exact: a person (People) saved or
deleted gives every page's own content a new version (`home.fragments`), so
a post's byline and author list show the change on the next request."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.fragments import CONTENT, bump

from .models import Person


@receiver(post_save, sender=Person, dispatch_uid="blog.person_saved")
@receiver(post_delete, sender=Person, dispatch_uid="blog.person_deleted")
def person_changed(sender, instance, **kwargs):
    """A person's name, role, photo or network changed, or they were removed."""
    bump(CONTENT)
