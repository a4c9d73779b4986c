"""Who may add, change and delete the People that posts are credited to.

Site admins (superusers), and any group a site admin gives Django's
`blog.*_person` permissions to, manage every person. A network editor may
add people and change or delete the people of the networks they edit (in
any language), but no one else's: site-wide authors and other networks'
people are left alone. Choosing a person as an author in the post editor
needs no right here, so people from any network can co-author a post.
Everyone else (moderators included) gets nothing from this module.

The decision is made from the networks' page permissions (see
networks.permissions), not from group model permissions, so a new network's
editors can write about their people from the moment the network exists.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies import ModelPermissionPolicy

from networks.permissions import network_editors, networks_edited_in_any_language_by

# What a network editor may do on the model as a whole, and on one person of
# their own networks. "add" is a model-wide right: the form (blog.forms)
# makes sure the new person belongs to one of their networks.
EDITOR_ACTIONS = frozenset({"add", "change", "delete", "view"})
EDITOR_INSTANCE_ACTIONS = frozenset({"change", "delete", "view"})


class PersonPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions for Person, widened for network editors to
    the people of their own networks. Registered for Person in
    blog/wagtail_hooks.py, where Wagtail's snippet views, listing, menu item
    and bulk actions find it."""

    # Where the ids of the networks a user edits are kept for the rest of
    # the request (request.user is a fresh object on each request).
    network_cache_name = "_people_network_ids"

    def network_ids_for_user(self, user):
        """Returns the set of NetworkPage ids (every language) whose people
        `user` may change as a network editor."""
        if not hasattr(user, self.network_cache_name):
            ids = set(networks_edited_in_any_language_by(user).values_list("pk", flat=True))
            setattr(user, self.network_cache_name, ids)
        return getattr(user, self.network_cache_name)

    def has_model_permission(self, user, action):
        """Returns True if `user` may do `action` to every person: a
        superuser, or Django's model permission through a group."""
        return super().user_has_permission(user, action)

    def user_has_permission(self, user, action):
        if self.has_model_permission(user, action):
            return True
        return action in EDITOR_ACTIONS and bool(self.network_ids_for_user(user))

    def user_has_permission_for_instance(self, user, action, instance):
        if self.has_model_permission(user, action):
            return True
        return (
            action in EDITOR_INSTANCE_ACTIONS
            and instance.network_id is not None
            and instance.network_id in self.network_ids_for_user(user)
        )

    def instances_user_has_any_permission_for(self, user, actions):
        people = self.model._default_manager
        if any(self.has_model_permission(user, action) for action in actions):
            return people.all()
        if EDITOR_INSTANCE_ACTIONS.intersection(actions):
            return people.filter(network_id__in=self.network_ids_for_user(user))
        return people.none()

    def users_with_any_permission(self, actions):
        users = Q(pk__in=super().users_with_any_permission(actions).values("pk"))
        if EDITOR_ACTIONS.intersection(actions):
            users |= Q(pk__in=network_editors().values("pk"))
        return get_user_model().objects.filter(users)

    def users_with_any_permission_for_instance(self, actions, instance):
        users = Q(pk__in=super().users_with_any_permission(actions).values("pk"))
        if EDITOR_INSTANCE_ACTIONS.intersection(actions) and instance.network_id is not None:
            network = instance.network
            translations = type(network).objects.filter(translation_key=network.translation_key)
            users |= Q(pk__in=network_editors(translations).values("pk"))
        return get_user_model().objects.filter(users)
