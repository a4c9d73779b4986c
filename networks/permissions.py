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

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr

from wagtail.models import GroupPagePermission, Page

from home.fragments import FRAME, cached_value
from languages.listings import below_any_translation_of

from .groups import MODERATE_CODENAME
from .models import NetworkPage

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


def _ancestor_paths(page, inclusive=True):
    """Returns the tree paths of `page`'s ancestors, the root's first (and
    its own last, if `inclusive`)."""
    end = len(page.path) + (1 if inclusive else 0)
    return [page.path[:i] for i in range(Page.steplen, end, Page.steplen)]


def network_for_page(page):
    """Returns the NetworkPage that `page` belongs to (itself or its nearest
    NetworkPage ancestor), or None for a page outside every network."""
    if page is None:
        return None
    return NetworkPage.objects.filter(path__in=_ancestor_paths(page)).order_by("-depth").first()


def cached_network_for_page(page):
    """Returns `network_for_page(page)` from the shared cache, once per
    version of the frame (`home.fragments`: a publish, unpublish, move or a
    live page saved bumps it): no query once a page's network is known.
    For showing a page and applying its network's comment policy; never a
    copy to change and save."""
    (network,) = cached_value(
        "network-of-page", FRAME, lambda: (network_for_page(page),), vary_on=[page.pk, page.path]
    )
    return network


def networks_for_pages(pages):
    """Returns {page pk: NetworkPage or None} for every page of `pages` (an
    iterable of pages), with one query whatever their number: the network of
    each post in a listing, for instance."""
    pages = list(pages)
    paths = {path for page in pages for path in _ancestor_paths(page)}
    by_path = {network.path: network for network in NetworkPage.objects.filter(path__in=paths)}
    return {
        page.pk: next(
            (by_path[path] for path in reversed(_ancestor_paths(page)) if path in by_path),
            None,
        )
        for page in pages
    }


def attach_networks(pages):
    """Sets `network` on each page of `pages` (a list) to the NetworkPage it
    is in (None outside every network), with one query for all of them;
    returns the list. Listings and feeds call it on the pages they show."""
    networks = networks_for_pages(pages)
    for page in pages:
        page.__dict__["network"] = networks[page.pk]
    return pages


def in_networks(pages, networks):
    """Narrows the page queryset `pages` to those in any of `networks` (an
    iterable of NetworkPages), in every language: the network pages
    themselves and every page below them or below one of their
    translations. A condition on the query, no extra query."""
    condition = Q(pk__in=[])
    for network in networks:
        condition |= Q(translation_key=network.translation_key, depth=network.depth)
        condition |= Q(pk__in=below_any_translation_of(Page.objects.all(), network).values("pk"))
    return pages.filter(condition)


def is_site_moderator(user):
    """Returns True for superusers and for users who may moderate the whole
    site (the moderation permission on the root of the page tree, as the
    "Site moderators" group has)."""
    if not _is_staff_user(user):
        return False
    return user.is_superuser or _moderation_grants(user).filter(page__depth=1).exists()


def networks_moderated_by(user):
    """Returns a queryset of the NetworkPages whose contributions `user` may moderate."""
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
    return _moderation_grants(user).filter(page__path__in=_ancestor_paths(page)).exists()


def pages_moderated_by(user):
    """Returns a queryset of every page whose contributions `user` may moderate."""
    if not _is_staff_user(user):
        return Page.objects.none()
    if user.is_superuser:
        return Page.objects.all()
    return Page.objects.filter(Exists(_covering(_moderation_grants(user))))


def site_moderators():
    """Returns a queryset of the active users who moderate the whole site
    through a group (the moderation permission on the root of the page tree,
    as "Site moderators" has). Superusers are not included unless they are in
    such a group: they can moderate everywhere, but it is not their job."""
    grants = GroupPagePermission.objects.filter(
        group__user=OuterRef("pk"),
        permission__content_type__app_label="networks",
        permission__codename=MODERATE_CODENAME,
        page__depth=1,
    )
    return get_user_model().objects.filter(Exists(grants), is_active=True)


def networks_with_moderators():
    """Returns a queryset of the NetworkPages that have a moderator of their
    own: an active user in a group with the moderation permission on the
    network's page or on a page above it other than the root (site moderators
    do not count: a network without its own moderator escalates its comments
    at once)."""
    grants = _covering(
        GroupPagePermission.objects.filter(
            permission__content_type__app_label="networks",
            permission__codename=MODERATE_CODENAME,
            page__depth__gt=1,
            group__user__is_active=True,
        )
    )
    return NetworkPage.objects.filter(Exists(grants))


def networks_edited_by(user):
    """Returns a queryset of the NetworkPages where `user` may add, edit or
    publish pages (superusers: every network). Dashboard panels and the join
    request queue use it."""
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
    return NetworkPage.objects.filter(
        translation_key__in=networks_edited_by(user).values("translation_key")
    )


def pages_in_network(network):
    """Returns a queryset of every page in `network` (the network's page
    included) in every language it has: below it or below one of its
    translations."""
    paths = NetworkPage.objects.filter(translation_key=network.translation_key).values_list(
        "path", flat=True
    )
    inside = Q()
    for path in paths:
        inside |= Q(path__startswith=path)
    return Page.objects.filter(inside) if inside else Page.objects.none()


def network_editors(networks=None):
    """Returns a queryset of the active users who edit at least one of
    `networks` (a NetworkPage queryset; every network when None), through a
    page permission on the network or above it. Superusers are not included
    unless they also belong to such a group."""
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
    if user.is_superuser:
        return pages
    other_paths = NetworkPage.objects.exclude(
        pk__in=networks_edited_by(user).values("pk")
    ).values_list("path", flat=True)
    condition = Q()
    for path_prefix in other_paths:
        condition |= Q(path__startswith=path_prefix)
    return pages.exclude(condition) if condition else pages


def staff_emails_by_network(networks):
    """Returns {network translation_key: set of lower-cased email addresses}
    of the people who look after each of `networks` (an iterable of
    NetworkPages): active users who edit or moderate it, through a grant on
    the network or above it (site moderators included), and every active
    superuser. Two queries whatever the number of networks or people: the
    health figures use it to tell a staff reply from a resident's."""
    networks = list(networks)
    grants = GroupPagePermission.objects.filter(
        group__user__is_active=True,
    ).filter(
        Q(
            permission__content_type__app_label="wagtailcore",
            permission__codename__in=EDITING_CODENAMES,
        )
        | Q(permission__content_type__app_label="networks", permission__codename=MODERATE_CODENAME)
    )
    by_path = {}
    for email, path in grants.values_list("group__user__email", "page__path").distinct():
        if email:
            by_path.setdefault(path, set()).add(email.lower())
    superusers = {
        email.lower()
        for email in get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .values_list("email", flat=True)
        if email
    }
    emails = {}
    for network in networks:
        found = emails.setdefault(network.translation_key, set(superusers))
        for path in _ancestor_paths(network):
            found |= by_path.get(path, set())
    return emails
