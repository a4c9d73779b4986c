"""Who may do what in which network. Other apps (comments, consultations,
events) ask these functions and never look at groups themselves.

Moderation rights are Wagtail page permissions: the custom permission
`networks.moderate_network`, granted through GroupPagePermission on a
network's page to "<network> moderators" (see networks.groups), and on the
root of the page tree to "Site moderators". Like Wagtail's own page
permissions, a grant on a page covers its whole subtree, so the question
"may this user moderate this page?" is one query, and the querysets below are
single lazy queries (no loop over networks) that other querysets can filter by.

Editing rights are Wagtail's own add/change/publish page permissions;
`networks_edited_by` lists the networks where a user has them.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr

from wagtail.models import GroupPagePermission, Page

from .groups import MODERATE_CODENAME

SITE_MODERATORS = "Site moderators"
EDITING_CODENAMES = ("add_page", "change_page", "publish_page")


def _is_staff_user(user):
    return user is not None and user.is_authenticated and user.is_active


def _grants(user, codenames, app_label):
    return GroupPagePermission.objects.filter(
        group__user=user,
        permission__content_type__app_label=app_label,
        permission__codename__in=codenames,
    )


def _moderation_grants(user):
    return _grants(user, [MODERATE_CODENAME], "networks")


def _covering(grants):
    """Filters `grants` to those on the outer page or one of its ancestors
    (a grant's page path is a prefix of the outer page's path)."""
    return grants.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))


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
    """Returns True for superusers and for users who may moderate the whole
    site (the moderation permission on the root of the page tree, as the
    "Site moderators" group has)."""
    if not _is_staff_user(user):
        return False
    return user.is_superuser or _moderation_grants(user).filter(page__depth=1).exists()


def networks_moderated_by(user):
    """Returns a queryset of the NetworkPages whose contributions `user` may moderate."""
    from .models import NetworkPage

    if not _is_staff_user(user):
        return NetworkPage.objects.none()
    if user.is_superuser:
        return NetworkPage.objects.all()
    return NetworkPage.objects.filter(Exists(_covering(_moderation_grants(user))))


def user_can_moderate(user, page):
    """Returns True if `user` may moderate contributions on `page`: a site
    moderator anywhere, a network moderator only inside their network."""
    if not _is_staff_user(user) or page is None:
        return False
    if user.is_superuser:
        return True
    ancestors = [page.path[:i] for i in range(4, len(page.path) + 1, 4)]
    return _moderation_grants(user).filter(page__path__in=ancestors).exists()


def pages_moderated_by(user):
    """Returns a queryset of every page whose contributions `user` may moderate."""
    if not _is_staff_user(user):
        return Page.objects.none()
    if user.is_superuser:
        return Page.objects.all()
    return Page.objects.filter(Exists(_covering(_moderation_grants(user))))


def networks_edited_by(user):
    """Returns a queryset of the NetworkPages where `user` may add, edit or
    publish pages (superusers: every network). Dashboard panels and the join
    request queue use it."""
    from .models import NetworkPage

    if not _is_staff_user(user):
        return NetworkPage.objects.none()
    if user.is_superuser:
        return NetworkPage.objects.all()
    return NetworkPage.objects.filter(
        Exists(_covering(_grants(user, EDITING_CODENAMES, "wagtailcore")))
    )


def user_can_edit_network(user, network):
    """Returns True if `user` edits `network` (or is a superuser)."""
    return networks_edited_by(user).filter(pk=network.pk).exists()


def networks_edited_in_any_language_by(user):
    """Returns a queryset of the NetworkPages `user` edits, with every
    translation of them: a network and its translations share their groups,
    so a right in one language is a right in all. Things that belong to a
    network (the blog's People, for instance) ask this one."""
    from .models import NetworkPage

    return NetworkPage.objects.filter(
        translation_key__in=networks_edited_by(user).values("translation_key")
    )


def network_editors(networks=None):
    """Returns a queryset of the active users who edit at least one of
    `networks` (a NetworkPage queryset; every network when None), through a
    page permission on the network or above it. Superusers are not included
    unless they also belong to such a group."""
    from django.contrib.auth import get_user_model

    from .models import NetworkPage

    networks = NetworkPage.objects.all() if networks is None else networks
    covered = networks.filter(path__startswith=OuterRef("page__path"))
    grants = GroupPagePermission.objects.filter(
        group__user=OuterRef("pk"),
        permission__content_type__app_label="wagtailcore",
        permission__codename__in=EDITING_CODENAMES,
    ).filter(Exists(covered))
    return get_user_model().objects.filter(Exists(grants), is_active=True)


def without_other_networks(pages, user):
    """Narrows the page queryset `pages` to what `user` may see in the admin's
    choosers and reports: pages outside every network and the pages of the
    networks they edit, never another network's (drafts included). Site admins
    see everything. A condition on paths rather than a subquery, because the
    page chooser's search goes through the search backend, which filters on
    plain field lookups only."""
    from .models import NetworkPage

    if user.is_superuser:
        return pages
    other_paths = NetworkPage.objects.exclude(
        pk__in=networks_edited_by(user).values("pk")
    ).values_list("path", flat=True)
    condition = Q()
    for path_prefix in other_paths:
        condition |= Q(path__startswith=path_prefix)
    return pages.exclude(condition) if condition else pages


def networks_for_pages(pages):
    """Returns {page.pk: NetworkPage or None} for every page in `pages` (a
    list): the network each belongs to, with one query for all of them.
    Listings of other apps' pages (events) ask this instead of
    `network_for_page` once per page."""
    from .models import NetworkPage

    prefixes = {page.path[:i] for page in pages for i in range(4, len(page.path) + 1, 4)}
    if not prefixes:
        return {}
    networks = {network.path: network for network in NetworkPage.objects.filter(path__in=prefixes)}
    return {
        page.pk: next(
            (
                networks[page.path[:i]]
                for i in range(len(page.path), 0, -4)
                if page.path[:i] in networks
            ),
            None,
        )
        for page in pages
    }
