"""Who may translate what: the same people who may edit the original.

Wagtail keeps each language's pages in their own tree, so a permission given
on a network's English page does not reach its Polish translation by itself.
Here every GroupPagePermission on a page is mirrored onto its translations
(when the translation is made, and when the permission is granted later), so
a network's editors can work on their network in every language and nowhere
else.
"""

from django.db.models.signals import post_save

from wagtail.models import GroupPagePermission, Page
from wagtail.signals import copy_for_translation_done


def mirror_page_permissions(source, targets):
    """Gives every group the permissions on each of `targets` that it has on
    `source` (only those set on `source` itself; inherited ones follow the tree)."""
    granted = list(GroupPagePermission.objects.filter(page=source))
    for target in targets:
        for permission in granted:
            GroupPagePermission.objects.get_or_create(
                page=target, group_id=permission.group_id, permission_id=permission.permission_id
            )


def translation_made(sender, source_obj, target_obj, **kwargs):
    """A new translation of a page gets the permissions set on its source."""
    if isinstance(source_obj, Page):
        mirror_page_permissions(source_obj, [target_obj])


def permission_granted(sender, instance, created, raw=False, **kwargs):
    """A permission granted on a page is granted on its translations too."""
    if created and not raw:
        page = instance.page
        mirror_page_permissions(page, page.get_translations())


def connect():
    copy_for_translation_done.connect(translation_made, dispatch_uid="languages.translation_made")
    post_save.connect(
        permission_granted, sender=GroupPagePermission, dispatch_uid="languages.permission_granted"
    )
