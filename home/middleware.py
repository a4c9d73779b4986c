"""The page cache's middleware and the public site's `Cache-Control`; the
site and route for Wagtail's page view from the shared cache.

It sits near the top of the stack, right after the security and static-file
middleware, so that a hit costs what a static file costs: a hit is answered
before the session, locale, common, CSRF, auth, messages, clickjacking and
CSP middleware run, none of which a hit needs (the reader has no session nor
messages: `page_cache.may_use_cache`). What they add to a page is kept
instead: a page is stored on its way out, after they have all passed over
it, with its headers as they left (Content-Security-Policy,
X-Frame-Options, Content-Language, Vary, Cache-Control). For a page with a
form, the per-reader pieces are filled in (`page_cache.fill_holes`: their
CSRF token, each form's clock) and Django's own CSRF middleware, called
here, reads the secret a returning reader's cookie brings (so a second tab
keeps it) and sets their cookie. What is stored, and when it goes stale, is
`home.page_cache`'s.
"""

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.deprecation import MiddlewareMixin

from wagtail.views import serve as wagtail_serve

from . import page_cache, routing

NOT_STORED = ("private", "no-store", "no-cache")


def _storable(request, response):
    """Returns True if this response to a marked request may be kept for
    other readers: a complete 200 that sets nothing personal (no cookie but
    the reader's own CSRF cookie, no session change, no message)."""
    if not hasattr(request, "page_cache_versions") or request.method != "GET":
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if any(word in response.get("Cache-Control", "") for word in NOT_STORED):
        return False
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False  # the view, the session or the messages set a cookie of their own
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

    def __init__(self, get_response):
        super().__init__(get_response)
        # Django's own CSRF middleware, for the reader's token and cookie on
        # a hit (as `csrf_protect` uses it), since a hit never reaches the
        # one in MIDDLEWARE.
        self.csrf = CsrfViewMiddleware(get_response)

    def process_request(self, request):
        if not page_cache.may_use_cache(request):
            return None
        entry = page_cache.fetch(request)
        if entry is None:
            return None
        has_token = page_cache.CSRF in entry["holes"]
        if has_token:
            self.csrf.process_request(request)  # the secret of a cookie they bring
        content = page_cache.fill_holes(request, entry["parts"], entry["holes"])
        response = HttpResponse(content, status=entry["status"], headers=entry["headers"])
        response["Content-Length"] = str(len(content))
        response["X-Page-Cache"] = "hit"
        if has_token:
            self.csrf.process_response(request, response)  # their CSRF cookie
        request.page_cache_hit = True
        return response

    def process_response(self, request, response):
        if getattr(request, "page_cache_hit", False):
            return response
        if page_cache.may_use_cache(request) and _storable(request, response):
            parts, holes = page_cache.cut_holes(response.content)
            response["X-Page-Cache"] = "miss"
            _public(response, has_form=bool(holes))
            page_cache.store(request, response, parts, holes)
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
