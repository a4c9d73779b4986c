"""Who sees and decides which comments in the Wagtail admin.

Every scope here is built from `networks.permissions` (who moderates which
network) and Wagtail's page permissions (who edits which pages); this module
never looks at groups. The admin queue, the bulk actions, the single
decisions, the dashboard panel and the moderators' email all ask these
functions, so a network moderator can only ever reach their own network's
comments.
"""

import time

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import page_permission_policy

from networks.permissions import (
    is_site_moderator,
    networks_moderated_by,
    user_can_moderate,
)

from .models import Comment, comment_status_changed

#: The transitions a moderator may ask for, in the order the admin offers them.
ACTIONS = ("approve", "reject", "mark_spam", "hide", "restore", "keep")

#: Labels for the transitions, as buttons (Approve and Reject are the public contract).
ACTION_LABELS = {
    "approve": _("Approve"),
    "reject": _("Reject"),
    "mark_spam": _("Mark as spam"),
    "hide": _("Hide"),
    "restore": _("Restore"),
    "keep": _("Keep and dismiss reports"),
}


def _is_staff(user):
    return user is not None and user.is_authenticated and user.is_active


def _remembered(user, key, compute):
    """Returns compute(), worked out once per user object (that is, once per
    request: the queue, its counts, filters, buttons and menu item all ask)."""
    cache = user.__dict__.setdefault("_comments_moderation", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _site_wide(user):
    return _remembered(user, "site_wide", lambda: is_site_moderator(user))


def _moderated_network_ids(user):
    return _remembered(
        user,
        "network_ids",
        lambda: tuple(networks_moderated_by(user).values_list("pk", flat=True)),
    )


def _edits_anything(user):
    return _remembered(user, "edits", lambda: pages_edited_by(user).exists())


def comments_moderated_by(user):
    """Returns the comments `user` may decide on: every comment for a site
    moderator, their networks' comments for a network moderator, none for
    anyone else."""
    if not _is_staff(user):
        return Comment.objects.none()
    if _site_wide(user):
        return Comment.objects.all()
    # The stored network (comments_network_queue_idx): as quick as the site's queue.
    return Comment.objects.filter(network_id__in=_moderated_network_ids(user))


def pages_edited_by(user):
    """Returns the pages `user` may edit or publish (Wagtail page permissions)."""
    if not _is_staff(user):
        return page_permission_policy.model.objects.none()
    return page_permission_policy.instances_user_has_any_permission_for(user, {"change", "publish"})


def comments_visible_to(user):
    """Returns the comments `user` may see in the admin: those they moderate,
    plus, for editors, the pending comments on the pages they edit (DESIGN:
    editors "see their network's pending comments"; they cannot decide)."""
    if not _is_staff(user):
        return Comment.objects.none()
    if _site_wide(user):
        return Comment.objects.all()
    moderated = Q(network_id__in=_moderated_network_ids(user))
    if not _edits_anything(user):
        return Comment.objects.filter(moderated)
    edited = pages_edited_by(user)
    return Comment.objects.filter(moderated | Q(page__in=edited, status=Comment.Status.PENDING))


def user_can_see_queue(user):
    """Returns True if `user` has anything to see in the comments queue."""
    if not _is_staff(user):
        return False
    return _remembered(
        user,
        "sees_queue",
        lambda: bool(_moderated_network_ids(user)) or _edits_anything(user),
    )


def user_moderates_anything(user):
    """Returns True if `user` may decide on at least some comments."""
    return _is_staff(user) and (_site_wide(user) or bool(_moderated_network_ids(user)))


#: Changes whenever a comment arrives or is decided, so that every cached
#: "waiting" count is stale at once (see `pending_count_for`).
PENDING_VERSION_KEY = "comments:pending:version"


def pending_changed():
    """Marks every cached count of waiting comments as stale."""
    cache.set(PENDING_VERSION_KEY, time.time_ns(), timeout=None)


def pending_count_for(user):
    """Returns how many comments wait for `user`'s decision (0 for anyone
    who moderates nothing). The count is kept in the shared cache until a
    comment arrives or is decided, so the admin menu can show it on every
    page without counting every time."""
    if not user_moderates_anything(user):
        return 0
    version = cache.get_or_set(PENDING_VERSION_KEY, 0, timeout=None)
    key = f"comments:pending:{user.pk}:{version}"
    count = cache.get(key)
    if count is None:
        count = comments_moderated_by(user).filter(status=Comment.Status.PENDING).count()
        cache.set(key, count, timeout=60 * 60)
    return count


@receiver(post_save, sender=Comment, dispatch_uid="comments.pending_on_create")
def _pending_on_create(sender, instance, created, **kwargs):
    if created:
        pending_changed()


@receiver(comment_status_changed, dispatch_uid="comments.pending_on_decision")
def _pending_on_decision(sender, **kwargs):
    pending_changed()


def user_can_moderate_comment(user, comment):
    """Returns True if `user` may decide on `comment` (and see its email)."""
    return _is_staff(user) and user_can_moderate(user, comment.page)


class ModerationScope:
    """What one user may do, worked out once per request so that a listing of
    twenty comments asks the database once, not twenty times."""

    def __init__(self, user):
        self.user = user
        staff = _is_staff(user)
        self.site_wide = staff and _site_wide(user)
        self.moderated_network_ids = set(_moderated_network_ids(user)) if staff else set()

    def can_moderate(self, comment):
        """Returns True if the user may decide on `comment`; needs only the
        comment's stored network."""
        if self.site_wide:
            return True
        return comment.network_id in self.moderated_network_ids

    @property
    def moderates_anything(self):
        return self.site_wide or bool(self.moderated_network_ids)


def moderators_of(page):
    """Returns the users who may moderate comments on `page` and have an email
    address, for the "comments wait" notice. Superusers are left out: they
    can moderate everywhere as a fallback, but the notice goes to the people
    whose job it is (put an admin in "Site moderators" to mail them too).

    networks.permissions answers "may this user moderate this page?", not
    "who moderates it?", so this asks the first question of each admin user;
    a site has tens of staff, and this runs in a background task."""
    User = get_user_model()
    candidates = (
        User.objects.filter(is_active=True, is_superuser=False)
        .exclude(email="")
        .filter(
            Q(groups__permissions__codename="access_admin")
            | Q(user_permissions__codename="access_admin")
        )
        .distinct()
        .order_by("pk")
    )
    return [user for user in candidates if user_can_moderate(user, page)]


class CommentPermissionPolicy(BasePermissionPolicy):
    """Wagtail's permission policy for comments, answered from the network
    permissions: "view" for anyone with a queue to see, "change" (decide) for
    moderators; nobody adds or deletes comments in the admin (moderators
    decide, they never rewrite; only the purge command deletes)."""

    def user_has_permission(self, user, action):
        if action == "view":
            return user_can_see_queue(user)
        if action in {"change", "moderate"}:
            return user_moderates_anything(user)
        return False

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "view":
            return comments_visible_to(user).filter(pk=instance.pk).exists()
        if action in {"change", "moderate"}:
            return user_can_moderate_comment(user, instance)
        return False

    def instances_user_has_any_permission_for(self, user, actions):
        actions = set(actions)
        if actions & {"change", "moderate"}:
            return comments_moderated_by(user)
        if "view" in actions:
            return comments_visible_to(user)
        return Comment.objects.none()

    def users_with_any_permission(self, actions):
        return get_user_model().objects.none()
