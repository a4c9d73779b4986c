"""Who may read a network's health figures: the people who edit or moderate
the network (site moderators moderate every network) and site admins;
nobody else, and never the public."""

from django.db.models import Q

from networks.models import NetworkPage
from networks.permissions import networks_edited_by, networks_moderated_by


def networks_with_health_for(user):
    """Returns a queryset of the NetworkPages (every language of each) whose
    health `user` may read: all of them for site admins."""
    if not (user.is_authenticated and user.is_active):
        return NetworkPage.objects.none()
    if user.is_superuser:
        return NetworkPage.objects.all()
    return NetworkPage.objects.filter(
        Q(translation_key__in=networks_edited_by(user).values("translation_key"))
        | Q(translation_key__in=networks_moderated_by(user).values("translation_key"))
    )
