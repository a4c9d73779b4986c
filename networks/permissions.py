"""Who may do what in which network. Other apps (comments, consultations,
events) ask these functions and never look at groups themselves.

This first version decides by group membership ("<network> moderators",
"Site moderators"); the networks issue replaces the internals with Wagtail
page permissions on each network's subtree. The signatures stay.
"""

from django.contrib.auth.models import AnonymousUser

from wagtail.models import Page

SITE_MODERATORS = "Site moderators"


def network_for_page(page):
    """Returns the NetworkPage that `page` belongs to (itself or its nearest
    NetworkPage ancestor), or None for a page outside every network."""
    from .models import NetworkPage

    if page is None:
        return None
    return (
        NetworkPage.objects.filter(
            path__in=[page.path[:i] for i in range(4, len(page.path) + 1, 4)]
        )
        .order_by("-depth")
        .first()
    )


def is_site_moderator(user):
    """Returns True for superusers and members of "Site moderators"."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=SITE_MODERATORS).exists()


def networks_moderated_by(user):
    """Returns a queryset of the NetworkPages whose comments `user` may moderate."""
    from .models import NetworkPage

    if is_site_moderator(user):
        return NetworkPage.objects.all()
    if user is None or not user.is_authenticated:
        return NetworkPage.objects.none()
    titles = [
        name.removesuffix(" moderators")
        for name in user.groups.filter(name__endswith=" moderators").values_list("name", flat=True)
    ]
    return NetworkPage.objects.filter(title__in=titles)


def user_can_moderate(user, page):
    """Returns True if `user` may moderate contributions on `page`: a site
    moderator anywhere, a network moderator only inside their network."""
    if is_site_moderator(user):
        return True
    network = network_for_page(page)
    return network is not None and networks_moderated_by(user).filter(pk=network.pk).exists()


def pages_moderated_by(user):
    """Returns a queryset of every page whose contributions `user` may moderate."""
    if is_site_moderator(user):
        return Page.objects.all()
    pages = Page.objects.none()
    for network in networks_moderated_by(user):
        pages = pages | Page.objects.descendant_of(network, inclusive=True)
    return pages
