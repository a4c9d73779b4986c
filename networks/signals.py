"""Keeps each network's groups in step with its page (see networks.groups),
makes sure "Site moderators" may moderate every network, and drops a
network's page from the caches when its listed members change."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from home import page_cache

from .groups import (
    MODERATE_CODENAME,
    grant_site_moderation,
    remove_network_groups,
    sync_network_groups,
)
from .models import JoinRequest, NetworkPage
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


@receiver(post_save, sender=JoinRequest, dispatch_uid="networks.members_after_decision")
@receiver(post_delete, sender=JoinRequest, dispatch_uid="networks.members_after_delete")
def members_changed(sender, instance, created=False, **kwargs):
    """An accepted member listed publicly, or a change to a stored request
    (a decision, an erasure), may change the network page's "Members"; a
    new request shows to no one."""
    if created and not (instance.status == JoinRequest.Status.ACCEPTED and instance.list_publicly):
        return
    page_cache.invalidate_page(instance.network)


@receiver(pre_delete, sender=NetworkPage)
def network_deleted(sender, instance, **kwargs):
    remove_network_groups(instance)


def ensure_site_moderators(**kwargs):
    """After migrations: the "Site moderators" group, moderating every network."""
    if not Permission.objects.filter(codename=MODERATE_CODENAME).exists():
        return
    group, _ = Group.objects.get_or_create(name=SITE_MODERATORS)
    grant_site_moderation(group)
