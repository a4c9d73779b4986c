"""Cheaper URL routing for the pages that other pages live under.

Wagtail's `Page.route` fetches each page on the way down a URL twice: the
page, then its specific form (`.specific`), two queries per level. A page
with `DeferredChildRouteMixin` loads a child it only passes through in its
specific class without fetching its own fields (`specific_deferred`); only
the page that is served is fetched in full. A post under a network saves a
query at the network directory and one at the network.

The site and its root page in the reader's language come from the shared
cache, once per change to the frame (`route_from_cached_root`, from
`home.middleware.CachedSiteRootMiddleware`), and a page with no view
restriction above it answers Wagtail's check without a query
(`CachedViewRestrictionsMixin`).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import Http404
from django.http.request import split_domain_port

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from .fragments import FRAGMENT_SECONDS, FRAME, cached_value, fragment_key


class DeferredChildRouteMixin:
    """Routes through children without fetching their fields (see the module
    docstring). Put it after `RoutablePageMixin` in the bases, so that the
    page's own routes still come first."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child_slug, remaining = path_components[0], path_components[1:]
        try:
            child = self.get_children().get(slug=child_slug)
        except Page.DoesNotExist as e:
            raise Http404 from e
        child._cached_parent_obj = self
        if not remaining:
            return child.specific.route(request, remaining)
        passing = child.specific_deferred
        result = passing.route(request, remaining)
        if result is not None and result.page is passing:
            # One of the child's own routes (a tag, a form): serve it whole,
            # its route's view bound to the whole page too.
            whole = child.specific
            whole._cached_parent_obj = self
            args = list(result.args)
            if args and getattr(args[0], "__self__", None) is passing:
                args[0] = getattr(whole, args[0].__name__)
            result = RouteResult(whole, args, result.kwargs)
        return result


# --- The site and its root, once per change to the frame ------------------------


def cached_site_root(request):
    """Returns (the Site that answers `request`, or None; its root page in the
    active language, specific), worked out once per version of the frame
    (`home.fragments`: a Site, a locale, a publish, unpublish or move bumps
    it) for each host, port and language: no query for a warm request."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def find():
        site = Site.find_for_request(request)
        return (site, site.root_page.localized.specific if site else None)

    return cached_value("site-root", FRAME, find, vary_on=[hostname, port], request=request)


def cached_locales(request=None):
    """Returns {id: Locale} for every locale, once per version of the frame
    (a locale saved or deleted bumps it), so that the page served knows its
    locale without a query."""
    return cached_value(
        "locales",
        FRAME,
        lambda: {locale.pk: locale for locale in Locale.all_objects.all()},
        request=request,
    )


def route_from_cached_root(request, path):
    """Finds the Site and the route of Wagtail's page view for `path` from
    `cached_site_root`, and keeps them where Wagtail keeps them for the
    request (`Site.find_for_request` and `Page.route_for_request` document
    `request._wagtail_site` and `request._wagtail_route_for_request`), so
    that Wagtail's `serve` neither looks up the site nor fetches the root
    again."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    site, root = cached_site_root(request)
    request._wagtail_site = site
    if site is None:
        return
    components = [component for component in path.split("/") if component]
    try:
        request._wagtail_route_for_request = _route(request, site, root, components)
    except Http404:
        request._wagtail_route_for_request = None


def _route(request, site, root, components):
    """Returns Wagtail's route for `components` below `root`. Which page the
    route ends at (the page served, or the page whose own sub-route it is,
    such as a tag's listing), and how many components are its slugs, is
    kept once per version of the frame (a publish, unpublish, move, delete
    or a live page saved bumps it): a warm request fetches only that page,
    in one query, and asks it for its own route. The root page itself is
    served as cached: it is in the frame's version too."""
    if not components:
        return root.route(request, [])
    key = fragment_key("page-route", FRAME, [site.pk, *components], request)
    found = cache.get(key)
    if isinstance(found, tuple) and len(found) == 3:
        content_type_id, pk, depth = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=pk).first() if model is not None else None
        if page is not None:
            locale = cached_locales(request).get(page.locale_id)
            if locale is not None:
                page.locale = locale
            return page.route(request, components[depth:])
    result = root.route(request, components)
    page = result.page if result is not None else None
    if page is not None and page.url_path.startswith(root.url_path):
        slugs = [slug for slug in page.url_path[len(root.url_path) :].split("/") if slug]
        if slugs == components[: len(slugs)]:
            cache.set(key, (page.content_type_id, page.pk, len(slugs)), FRAGMENT_SECONDS)
            cached_locales(request)  # what the next request will ask for
    return result


# --- View restrictions without a query -------------------------------------------


def restriction_tops():
    """Returns the paths above which a page may have view restrictions: every
    page with a restriction of its own and every alias (whose source's
    restrictions apply), once per version of the frame (a restriction saved
    or deleted, an alias saved, a page moved or deleted bumps it)."""
    return cached_value(
        "restriction-tops",
        FRAME,
        lambda: sorted(
            {
                *PageViewRestriction.objects.values_list("page__path", flat=True),
                *Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True),
            }
        ),
    )


class CachedViewRestrictionsMixin:
    """Answers Wagtail's view-restriction check, made for every page served
    (`get_view_restrictions`: two queries), with no query when neither the
    page nor any page above it is restricted or an alias
    (`restriction_tops`); otherwise Wagtail's own answer."""

    def get_view_restrictions(self):
        if self.alias_of_id is None and not any(
            self.path.startswith(top) for top in restriction_tops()
        ):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
