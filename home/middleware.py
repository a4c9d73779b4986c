"""The page cache's middleware and the public site's `Cache-Control`; the
site and route for Wagtail's page view from the shared cache.

It sits after the CSRF, session, messages and CSP middleware, so that a page
answered from the cache still passes back through them: CSRF sets the
reader's own cookie (their token is filled into the stored page), CSP and
the security middleware add their headers. What is stored, and when it goes
stale, is `home.page_cache`'s.
"""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.deprecation import MiddlewareMixin

from wagtail.views import serve as wagtail_serve

from . import page_cache, routing

NOT_STORED = ("private", "no-store", "no-cache")


def _storable(request, response):
    """Returns True if this response to a marked request may be kept for
    other readers: a complete 200 that sets nothing personal."""
    if not hasattr(request, "page_cache_versions") or request.method != "GET":
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if any(word in response.get("Cache-Control", "") for word in NOT_STORED):
        return False
    if response.cookies:  # the view set a cookie of its own
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and getattr(messages, "_queued_messages", None))


def _public(response, has_form):
    """Marks a page-cached response for browsers and shared caches."""
    lifetime = page_cache.seconds()
    if has_form:
        # A shared cache would hand one reader's CSRF token to everyone.
        patch_cache_control(response, private=True, max_age=0)
    else:
        # Browsers ask again each time (so a resident who just posted sees
        # their notice); a CDN keeps it until purged or `s-maxage` passes.
        patch_cache_control(response, public=True, max_age=0, s_maxage=lifetime)
    patch_vary_headers(response, ("Cookie",))


class PageCacheMiddleware(MiddlewareMixin):
    """Answers anonymous readers from the page cache, stores what they may
    share, and marks every other response private."""

    def process_request(self, request):
        if not page_cache.may_use_cache(request):
            return None
        entry = page_cache.fetch(request)
        if entry is None:
            return None
        response = HttpResponse(
            page_cache.fill_holes(request, entry["content"]), status=entry["status"]
        )
        for name, value in entry["headers"]:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        request.page_cache_hit = entry
        return response

    def process_response(self, request, response):
        entry = getattr(request, "page_cache_hit", None)
        if entry is not None:
            _public(response, entry["has_form"])
            return response
        if page_cache.may_use_cache(request) and _storable(request, response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            entry = page_cache.store(request, response)
            response["X-Page-Cache"] = "miss"
            _public(response, entry["has_form"])
            return response
        if "Cache-Control" not in response:
            if request.method in ("GET", "HEAD") and not page_cache.is_personal(request):
                patch_cache_control(response, private=True)
            else:
                # Logged in, a session (a held comment, a receipt), a form sent.
                patch_cache_control(response, private=True, no_store=True)
        return response


class CachedSiteRootMiddleware(MiddlewareMixin):
    """Gives Wagtail's page view the site and the route from the shared cache
    (`home.routing.route_from_cached_root`): no query for the site, the
    reader's locale or the root page on a warm request."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve and view_args:
            routing.route_from_cached_root(request, view_args[0])
