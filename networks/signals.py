"""Keeps each network's groups in step with its page (see networks.groups),
and makes sure "Site moderators" may moderate every network."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from .groups import (
    MODERATE_CODENAME,
    grant_site_moderation,
    remove_network_groups,
    sync_network_groups,
)
from .models import NetworkPage
from .permissions import SITE_MODERATORS

# Saving only these fields (as a draft revision does) changes nothing the
# groups depend on; the published title and approval rule do.
GROUP_FIELDS = {"title", "requires_approval", "locale", "translation_key"}


@receiver(post_save, sender=NetworkPage)
def network_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if created or update_fields is None or GROUP_FIELDS & set(update_fields):
        sync_network_groups(instance)


@receiver(pre_delete, sender=NetworkPage)
def network_deleted(sender, instance, **kwargs):
    remove_network_groups(instance)


def ensure_site_moderators(**kwargs):
    """After migrations: the "Site moderators" group, moderating every network."""
    if not Permission.objects.filter(codename=MODERATE_CODENAME).exists():
        return
    group, _ = Group.objects.get_or_create(name=SITE_MODERATORS)
    grant_site_moderation(group)
