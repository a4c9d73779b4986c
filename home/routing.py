"""Cheaper URL routing for the pages that other pages live under.

Wagtail's `Page.route` fetches each page on the way down a URL twice: the
page, then its specific form (`.specific`), two queries per level. A page
with `DeferredChildRouteMixin` loads a child it only passes through in its
specific class without fetching its own fields (`specific_deferred`); only
the page that is served is fetched in full. A post under a network saves a
query at the network directory and one at the network.
"""

from django.http import Http404

from wagtail.models import Page
from wagtail.url_routing import RouteResult


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
