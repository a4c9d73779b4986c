"""Each network's editor and moderator groups, kept in step with the network
page: created with it, renamed with it, removed with it. So is the network's
collection of images and documents, which only its editors add to and choose
from.

Editors get Wagtail page permissions (add, change and, unless the network
requires approval, publish) on the network's page, so on its subtree only.
Moderators get the `networks.moderate_network` permission on the same page
(see networks.permissions). A network that requires approval gets its own
Wagtail workflow, whose approval task belongs to its moderators.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import NetworkPage

MODERATE_CODENAME = "moderate_network"
EDITOR_ACTIONS = ("add", "change", "publish")
APPROVAL_EDITOR_ACTIONS = ("add", "change")


def editors_group_name(title):
    return f"{title} editors"


def moderators_group_name(title):
    return f"{title} moderators"


def workflow_name(title):
    return _("%(network)s approval") % {"network": title}


def moderate_permission():
    """Returns the Permission that moderation rights are granted with."""
    return Permission.objects.get(content_type__app_label="networks", codename=MODERATE_CODENAME)


def page_permission(action):
    """Returns Wagtail's page Permission for `action` ("add", "change", "publish", …)."""
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def _admin_permissions(*codenames):
    return Permission.objects.filter(
        content_type__app_label__in=["wagtailadmin", "wagtail_localize"],
        codename__in=codenames,
    )


def _is_original(network):
    """True for the network's page in the default language (or, if it has
    none, any page of it): its title names the groups, not a translation's."""
    default = Locale.get_default()
    if network.locale_id == default.pk:
        return True
    return not network.get_translations().filter(locale=default).exists()


def _own_group(network, field, name):
    """Returns the group stored in `field` if it belongs to this network (or a
    translation of it); a copied network gets groups of its own."""
    group = getattr(network, field)
    if group is not None:
        shared = (
            NetworkPage.objects.filter(**{field: group})
            .exclude(translation_key=network.translation_key)
            .exists()
        )
        if not shared:
            return group
    group, _created = Group.objects.get_or_create(name=name)
    return group


def _rename(group, name):
    if group.name != name and not Group.objects.filter(name=name).exists():
        group.name = name
        group.save(update_fields=["name"])


def _grant(group, page, permissions):
    """Makes `group`'s page permissions on `page` exactly `permissions` (of
    the kinds this module manages), leaving any others a site admin added."""
    managed = [page_permission(a) for a in ("add", "change", "publish")] + [moderate_permission()]
    wanted = {p.pk for p in permissions}
    GroupPagePermission.objects.filter(group=group, page=page, permission__in=managed).exclude(
        permission__in=wanted
    ).delete()
    for permission in permissions:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


MEDIA_ACTIONS = ("add", "change", "choose")


def _sync_collection(network, editors):
    """Gives the network a collection of images and documents of its own,
    where its editors add, change and choose; returns it."""
    collection = network.collection
    if (
        collection is not None
        and NetworkPage.objects.filter(collection=collection)
        .exclude(translation_key=network.translation_key)
        .exists()
    ):
        collection = None  # a copied network's: this one gets its own
    if collection is None:
        # A flushed database (after a transactional test) lacks the root
        # collection that Wagtail's migrations normally create.
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        collection = root.add_child(name=network.title)
    elif _is_original(network) and collection.name != network.title:
        collection.name = network.title
        collection.save(update_fields=["name"])
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
        for action in MEDIA_ACTIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=editors,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                ),
            )
    return collection


def _sync_workflow(network, moderators):
    """Assigns the network's approval workflow to its page, or removes it."""
    assignment = WorkflowPage.objects.filter(page=network).select_related("workflow").first()
    name = workflow_name(network.title)
    if not network.requires_approval:
        if assignment is not None:
            workflow = assignment.workflow
            assignment.delete()
            _delete_workflow_if_unused(workflow)
        return
    if assignment is None:
        workflow = Workflow.objects.create(name=name)
        task = GroupApprovalTask.objects.create(
            name=_("Approval by %(group)s") % {"group": moderators.name}
        )
        task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(page=network, workflow=workflow)
    elif _is_original(network) and assignment.workflow.name != name:
        assignment.workflow.name = name
        assignment.workflow.save(update_fields=["name"])


def _delete_workflow_if_unused(workflow):
    if not workflow.workflow_pages.exists():
        tasks = [wt.task for wt in workflow.workflow_tasks.select_related("task")]
        workflow.deactivate()
        workflow.delete()
        for task in tasks:
            if not task.workflow_tasks.exists():
                task.specific.delete()


def sync_network_groups(network):
    """Creates (or renames) the network's editor and moderator groups and
    sets their permissions on the network's page from its `requires_approval`."""
    is_source = _is_original(network)
    editors = _own_group(network, "editors_group", editors_group_name(network.title))
    moderators = _own_group(network, "moderators_group", moderators_group_name(network.title))
    if is_source:
        _rename(editors, editors_group_name(network.title))
        _rename(moderators, moderators_group_name(network.title))
    editors.permissions.add(*_admin_permissions("access_admin", "submit_translation"))
    moderators.permissions.add(*_admin_permissions("access_admin"))
    actions = APPROVAL_EDITOR_ACTIONS if network.requires_approval else EDITOR_ACTIONS
    _grant(editors, network, [page_permission(action) for action in actions])
    _grant(moderators, network, [moderate_permission()])
    _sync_workflow(network, moderators)
    collection = _sync_collection(network, editors)
    stored = (network.editors_group_id, network.moderators_group_id, network.collection_id)
    if stored != (editors.pk, moderators.pk, collection.pk):
        NetworkPage.objects.filter(pk=network.pk).update(
            editors_group=editors, moderators_group=moderators, collection=collection
        )
        network.editors_group, network.moderators_group = editors, moderators
        network.collection = collection


def remove_network_groups(network):
    """Deletes the network's groups and approval workflow, unless a
    translation of the network still uses them. Its collection goes too if it
    is empty; images and documents in it are content, left for a site admin
    to move (nobody keeps any permission on them)."""
    for assignment in WorkflowPage.objects.filter(page=network).select_related("workflow"):
        workflow = assignment.workflow
        assignment.delete()
        _delete_workflow_if_unused(workflow)
    others = NetworkPage.objects.exclude(pk=network.pk)
    for group_id in (network.editors_group_id, network.moderators_group_id):
        if group_id is None:
            continue
        if others.filter(editors_group_id=group_id).exists():
            continue
        if others.filter(moderators_group_id=group_id).exists():
            continue
        Group.objects.filter(pk=group_id).delete()
    collection = network.collection
    if collection is not None and not others.filter(collection=collection).exists():
        in_use = (
            get_image_model().objects.filter(collection=collection).exists()
            or get_document_model().objects.filter(collection=collection).exists()
            or collection.get_children().exists()
        )
        if not in_use:
            collection.delete()


def grant_site_moderation(group):
    """Lets `group` moderate every network: the moderation permission on the
    root of the page tree."""
    root = Page.get_first_root_node()
    if root is None:
        return
    with transaction.atomic():
        group.permissions.add(*_admin_permissions("access_admin"))
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=moderate_permission()
        )
