"""Who may see and export registrations: the event's own network editors
(Wagtail's "change" permission on the event page) and site admins. Network
and site moderators, and other networks' editors, may not. Every network
editor may open the (perhaps empty) listing, so the menu item is there
before their network's first event."""

from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from networks.permissions import networks_edited_by

from .models import Registration

ACTIONS = ("view", "export", "email")


class RegistrationPermissionPolicy(BasePermissionPolicy):
    """Registrations follow the page permissions of their event."""

    def __init__(self):
        super().__init__(Registration)

    def _events_for(self, user):
        return PagePermissionPolicy().instances_user_has_permission_for(user, "change")

    def user_has_permission(self, user, action):
        if action not in ACTIONS or not (user.is_authenticated and user.is_active):
            return False
        # Every network editor may open the listing (it shows only their
        # network's events); moderators who edit no network may not.
        return user.is_superuser or networks_edited_by(user).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def instances_user_has_permission_for(self, user, action):
        if action not in ACTIONS or not (user.is_authenticated and user.is_active):
            return Registration.objects.none()
        if user.is_superuser:
            return Registration.objects.all()
        return Registration.objects.filter(event__in=self._events_for(user).values("pk"))

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


registration_policy = RegistrationPermissionPolicy()
register_permission_policy(Registration, registration_policy)
