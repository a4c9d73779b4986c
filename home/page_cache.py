"""The page cache for anonymous readers, and the one place that knows which
URLs a change makes stale ("what changed → which URLs").

Why this design, rather than Django's cache middleware or `cache_page`:

- Django's cache middleware keys an entry by the URL *and* the values of the
  headers in `Vary`. Every page that shows a form varies on `Cookie` (the
  CSRF cookie), so it would keep one copy per visitor, and it cannot drop a
  page by its URL: its keys hash header values nobody knows at invalidation
  time. It would also store the first visitor's CSRF token and fill-in clock
  for everyone.
- Wagtail's `frontend_cache` purges a CDN by URL and asks each page for its
  sub-paths (`Page.get_cached_paths`). We build on it: the same list of URLs
  (`CachedURL`, from `urls_for_pages`) is dropped from this cache and purged
  from the CDN through Wagtail's `PurgeBatch`.

So an entry is keyed by host and full path (with the query string; the
path names the language), and records the *version* of what it depends on:
the URL of the Wagtail page that served it (so one purge of `/blog/` drops
`/blog/?page=2` and `/blog/tag/food/` too, in every language) and a
site-wide version (the frame: settings, navigation, footer). Invalidating
a URL deletes its version; the next reader makes a new random one, so an
entry rendered before a change and stored after it can never match. A
lookup is two cache reads and no database query.

Pages opt in as they are served (`mark_page`, from Wagtail's
`on_serve_page` hook); other public views with `cache_public` (the
sitemap). Forms stay live on cached pages: the stored copy is cut at the
holes where the CSRF token and each signed fill-in clock were (`cut_holes`),
and filled per request with one join (`fill_holes`), so every reader gets
their own token (and cookie) and each form its own clock, and a page with a
form is marked `private` for shared caches, which would hand one token to
everyone. An entry keeps the response's headers as they left the site
(Content-Security-Policy, X-Frame-Options, Vary, Cache-Control...), so a hit
is answered before the session, messages and locale middleware run
(`home.middleware`): nothing on the hit path is personal or translated.

Content apps say which other pages show a page of theirs with the
`page_cache_listings` hook (a function of the page returning pages), which
of their listings' other addresses a CDN may hold with it (its numbered
pages, filters and their feeds) with the `page_cache_variants` hook (a
function of the page returning (listing page, sub-path) pairs), and
call `invalidate_pages` when something a page shows changes outside a
publish (a comment's decision, an event's places); home never imports them.
What the clock changes without anyone saving (a consultation opening or
closing, an event starting or ending) they name with the
`page_cache_next_change` hook (a function returning the next such moment,
or None): no page is kept past it (`lifetime`).
"""

import functools
import hashlib
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from . import fragments
from .defences import sign_started
from .models import SiteSettings

PREFIX = "pagecache"
#: The version every entry depends on: the frame (settings, navigation, footer).
EVERYTHING = "everything"
LISTINGS_HOOK = "page_cache_listings"
VARIANTS_HOOK = "page_cache_variants"
CLOCK_HOOK = "page_cache_next_change"
CLOCK_KEY = f"{PREFIX}:next-change"

#: Bumped when an entry's shape changes, so entries stored by an older
#: release are never read as this one's.
ENTRY_FORMAT = 2
#: What a hole holds: the reader's CSRF token, or a form's fill-in clock.
CSRF, CLOCK = "csrf", "clock"
#: The values cut out of a stored page: a CSRF token's or a fill-in clock's
#: (any form prefix), each between its attribute's quotes.
HOLE_VALUE = re.compile(
    rb'name="(?:(?P<csrf>csrfmiddlewaretoken)|(?:[\w-]+-)?started)" value="(?P<value>[^"]*)"'
)
#: Headers an entry never keeps: the reader's own cookies, and those worked
#: out again for each answer.
UNSTORED_HEADERS = frozenset({"set-cookie", "content-length", "x-page-cache"})


def seconds():
    """Returns how long a page stays cached (PAGE_CACHE_SECONDS; 0: off)."""
    return max(int(getattr(settings, "PAGE_CACHE_SECONDS", 0) or 0), 0)


def next_change():
    """Returns the next moment the clock alone changes what a page shows
    (the soonest of the `page_cache_next_change` hooks' answers), or None.
    Worked out once and kept until that moment or the next change to what
    the listings show (it is kept under the version of
    `home.fragments.LISTINGS`, so a page saved, published or moved, or any
    of `listings_changed`'s triggers, has it worked out again)."""
    key = f"{CLOCK_KEY}:{fragments.versions([fragments.LISTINGS])[fragments.LISTINGS]}"
    found = cache.get(key)
    if found == "" or (found is not None and found > timezone.now()):
        return found or None
    moments = [moment for fn in hooks.get_hooks(CLOCK_HOOK) if (moment := fn()) is not None]
    soonest = min(moments, default=None)
    # Kept as long as a fragment when the page cache is off: the timed
    # listing fragments vary on it, and every change gives it a new key.
    keep = seconds() or fragments.FRAGMENT_SECONDS
    if soonest is not None:
        keep = min(keep, max(int((soonest - timezone.now()).total_seconds()), 1))
    cache.set(key, soonest or "", keep)
    return soonest


def lifetime():
    """Returns how many seconds a page stored now may be kept: PAGE_CACHE_SECONDS,
    or less if the clock changes something before then (`next_change`)."""
    soonest = next_change()
    if soonest is None:
        return seconds()
    return max(0, min(seconds(), int((soonest - timezone.now()).total_seconds())))


def cdn_configured():
    """Returns True if a CDN is in front of the site (WAGTAILFRONTENDCACHE)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def invalidation_needed():
    """Returns True if a change has anything to drop: the page cache is on,
    or a CDN is configured (WAGTAILFRONTENDCACHE)."""
    return seconds() > 0 or cdn_configured()


# --- Who may be served a cached page -----------------------------------------


def is_personal(request):
    """Returns True if the request may carry something personal: a session
    (logged in, a held comment, a registration's receipt), messages, or
    credentials. Decided from the cookies alone, before any query."""
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or "messages" in cookies
        or "HTTP_AUTHORIZATION" in request.META
        or getattr(request, "is_preview", False)
    )


def may_use_cache(request):
    """Returns True if the request may be answered from, and written to, the
    page cache: an anonymous GET (or HEAD) with nothing personal."""
    return seconds() > 0 and request.method in ("GET", "HEAD") and not is_personal(request)


# --- Versions and entries ---------------------------------------------------


def _scope(dependency):
    """The version scope (home.fragments) of a page-cache dependency."""
    return f"{PREFIX}:{dependency}"


def reader_language(request):
    """Returns the language a request is answered in, from its path alone
    (English has no prefix), as LocaleMiddleware decides it for this site's
    `i18n_patterns(prefix_default_language=False)`."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def _entry_key(request):
    # No language in the key: a page is only stored in the language its
    # address names (`store`), so the address alone says which it is, and a
    # hit is found before LocaleMiddleware has worked the language out. The
    # templates' release is in it, so a deploy never serves pages rendered by
    # the templates it replaced (the cache outlives the processes).
    raw = f"{request.get_host()}|{request.get_full_path()}"
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return f"{PREFIX}:e{ENTRY_FORMAT}:{fragments.release()}:{digest}"


def _current_versions(dependencies):
    """Returns {dependency: version}, making a new version for any that has none."""
    scopes = {dependency: _scope(dependency) for dependency in dependencies}
    tokens = fragments.versions(scopes.values())
    return {dependency: tokens[scope] for dependency, scope in scopes.items()}


def _mark(request, dependencies):
    # The versions are read before the page is rendered: a change committed
    # while it renders deletes them, so the stale copy is never found.
    request.page_cache_versions = _current_versions({EVERYTHING, *dependencies})


def mark_page(request, page):
    """Marks the request as cacheable, depending on `page`'s URL, if an
    anonymous reader is being served a public page. Called from Wagtail's
    `on_serve_page` chain, which runs after its view restrictions have
    answered (a password form or a login redirect is never marked)."""
    if not may_use_cache(request):
        return
    parts = page.get_url_parts(request)
    if parts is None:
        return
    site_id, _root_url, page_path = parts
    _mark(request, [f"{site_id}:{page_path}"])


def cache_public(view, *, depends_on=None):
    """Decorates a public view that is not a Wagtail page (the sitemap) so
    that its anonymous responses are page-cached, depending on its own path,
    or on the path of the URL named `depends_on` (the sitemap's sections go
    with /sitemap.xml, which is what a change drops)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if may_use_cache(request):
            site = Site.find_for_request(request)
            if site is not None:
                path = reverse(depends_on) if depends_on else request.path
                _mark(request, [f"{site.pk}:{path}"])
        return view(request, *args, **kwargs)

    return wrapped


def fetch(request):
    """Returns the stored entry for this request if it is still current, else None."""
    entry = cache.get(_entry_key(request))
    if not entry:
        return None
    if _current_versions(entry["versions"]) != entry["versions"]:
        return None
    return entry


def cut_holes(content):
    """Returns (parts, holes): `content` cut where each CSRF token and
    fill-in clock was, and what each hole held (CSRF or CLOCK), so that
    `fill_holes` puts a reader's own values back with one join."""
    parts, holes, start = [], [], 0
    for match in HOLE_VALUE.finditer(content):
        parts.append(content[start : match.start("value")])
        holes.append(CSRF if match.group("csrf") else CLOCK)
        start = match.end("value")
    parts.append(content[start:])
    return parts, holes


def store(request, response, parts, holes):
    """Stores `response`, cut at its `holes` (`cut_holes`), for the next
    anonymous readers, with its headers as they are now. Returns the entry,
    or None if it may not be kept (it would outlive a change the clock makes,
    or its language is not the one its address names)."""
    if translation.get_language() != reader_language(request):
        return None
    if CSRF in holes and settings.CSRF_USE_SESSIONS:
        return None  # the token would live in a session a hit never opens
    entry = {
        "status": response.status_code,
        "parts": parts,
        "holes": holes,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ],
        "versions": request.page_cache_versions,
    }
    keep = lifetime()
    if keep <= 0:
        return None
    cache.set(_entry_key(request), entry, keep)
    return entry


def fill_holes(request, parts, holes):
    """Returns the page or fragment cut into `parts` at its `holes`
    (`cut_holes`) with this reader's own CSRF token in every CSRF hole
    (Django's `get_token`: their secret if the CSRF middleware read one from
    their cookie, else a new one, and the cookie flagged to be set) and a
    fresh fill-in clock in each clock hole (one per form, from
    `home.defences.sign_started`)."""
    if not holes:
        return parts[0]
    token = None
    values = []
    for hole in holes:
        if hole == CSRF:
            if token is None:
                token = get_token(request).encode()
            values.append(token)
        else:
            values.append(sign_started().encode())
    joined = [b""] * (len(parts) + len(values))
    joined[::2] = parts
    joined[1::2] = values
    return b"".join(joined)


def form_fragment(request, name, scope, render, *, vary_on=()):
    """Returns the HTML of an empty form (`render()`), rendered once per
    version of `scope` for `vary_on` and kept cut at its holes (a fragment
    other readers share), filled for this reader (`fill_holes`). A form
    with errors, a notice or kept words is never one of these."""
    if not fragments.cacheable(request):
        return mark_safe(render())  # noqa: S308 - rendered by a template
    parts, holes = fragments.cached_value(
        name, scope, lambda: cut_holes(render().encode()), vary_on=vary_on, request=request
    )
    return mark_safe(fill_holes(request, parts, holes).decode())  # noqa: S308 - a template's


# --- What changed → which URLs ------------------------------------------------


@dataclass(frozen=True)
class CachedURL:
    """One address a change makes stale: dropped from the page cache (by its
    site and path) and purged from the CDN (by its full URL)."""

    site_id: int
    root_url: str
    path: str

    @property
    def url(self):
        return self.root_url + self.path

    @property
    def dependency(self):
        return f"{self.site_id}:{self.path}"


def pages_shown_with(page):
    """Returns the pages that show `page` or something of it: the page, the
    pages above it (its network page, directory and home page list it), the
    listings that content apps name (`page_cache_listings` hook), and every
    translation of each (their language switchers and fallbacks name it)."""
    page = page.specific_deferred if type(page) is Page else page
    pages = {page, *page.get_ancestors().exclude(depth=1)}
    for listings in hooks.get_hooks(LISTINGS_HOOK):
        pages.update(listings(page) or ())
    keys = {p.translation_key for p in pages}
    return set(Page.objects.filter(translation_key__in=keys).exclude(depth=1)) | pages


def urls_for_pages(pages):
    """Returns the CachedURLs of `pages`: each one's URL and its cached
    sub-paths (`Page.get_cached_paths`, e.g. its feeds and calendar), and
    the sitemap of each site they are in."""
    batch_cache = PurgeBatch()  # Wagtail's per-batch cache of site root paths
    urls = set()
    for page in pages:
        parts = page.get_url_parts(batch_cache)
        if parts is None:
            continue
        site_id, root_url, page_path = parts
        if site_id is None or root_url is None:
            continue
        for sub_path in page.specific_deferred.get_cached_paths():
            urls.add(CachedURL(site_id, root_url, page_path + sub_path.lstrip("/")))
        urls.add(CachedURL(site_id, root_url, reverse("sitemap")))
    return urls


def variant_urls(pages):
    """Returns the CachedURLs, besides their pages' own, of the listings
    showing any of `pages` that only a CDN needs telling about: their
    numbered pages (`?page=2`), filters and the filters' feeds, in every
    language (the `page_cache_variants` hook: a function of a changed page
    returning (listing page, sub-path) pairs). The page cache needs none of
    them: its entries depend on their Wagtail page's URL, whatever the route
    or query string, while a CDN purges exact addresses. Empty without a CDN
    (the hooks may count posts to know how many pages a listing has)."""
    if not cdn_configured():
        return set()
    batch_cache = PurgeBatch()  # Wagtail's per-batch cache of site root paths
    urls = set()
    for page in pages:
        page = page.specific_deferred if type(page) is Page else page
        for variants in hooks.get_hooks(VARIANTS_HOOK):
            for listing, sub_path in variants(page) or ():
                parts = listing.get_url_parts(batch_cache)
                if parts is None or parts[0] is None or parts[1] is None:
                    continue
                site_id, root_url, page_path = parts
                urls.add(CachedURL(site_id, root_url, page_path + sub_path.lstrip("/")))
    return urls


def urls_for_everything():
    """Returns the CachedURLs of every live page of every site (for the CDN
    after a change to the frame)."""
    return urls_for_pages(Page.objects.live().exclude(depth=1).specific(defer=True))


def shows_frame(page):
    """Returns True if `page` is in every page's frame: a site's home page
    (in any language), a top-level section of one (the navigation), or a
    footer page (site settings)."""
    roots = Page.objects.filter(
        translation_key__in=Site.objects.values("root_page__translation_key")
    )
    if roots.filter(pk=page.pk).exists():
        return True
    parent = page.get_parent()
    if parent is not None and roots.filter(pk=parent.pk).exists():
        return True
    footer = SiteSettings.load()
    footer_ids = {footer.about_page_id, footer.house_rules_page_id, footer.privacy_page_id}
    footer_pages = Page.objects.filter(pk__in=footer_ids - {None})
    return footer_pages.filter(translation_key=page.translation_key).exists()


def purge(urls, *, cdn_only=()):
    """Drops `urls` from the page cache now and again when the transaction
    commits (a reader who rendered in between must not keep the old copy),
    and purges them and `cdn_only` (see `variant_urls`) from the CDN once
    committed."""
    urls = set(urls)
    if not urls or not invalidation_needed():
        return
    to_purge = {url.url for url in urls | set(cdn_only)}
    # The next clock change too: the change may have moved a date (an event's start).
    listings_changed()

    def after_commit():
        PurgeBatch(to_purge).purge()

    fragments.bump(*{_scope(url.dependency) for url in urls}, after_commit=after_commit)


def listings_changed():
    """Something a listing may show changed (a page, a comment count, an
    event's places, a date): the listing fragments are rendered again and
    the next clock boundary is worked out again. No query, so content apps
    call it whether or not the page cache is on."""
    fragments.bump(fragments.LISTINGS)


def invalidate_pages(pages):
    """Drops every cached URL that shows any of `pages` (see `pages_shown_with`),
    and the listing fragments (`listings_changed`)."""
    listings_changed()
    if not invalidation_needed():
        return
    pages = list(pages)
    shown = set()
    for page in pages:
        if shows_frame(page):
            invalidate_everything()
            return
        shown |= pages_shown_with(page)
    purge(urls_for_pages(shown), cdn_only=variant_urls(pages))


def invalidate_page(page):
    """Drops every cached URL that shows `page`."""
    invalidate_pages([page])


def invalidate_everything():
    """Drops every cached page (the frame changed: settings, navigation,
    footer, a site or a language) and purges every page from the CDN."""
    listings_changed()
    if not invalidation_needed():
        return

    def after_commit():
        PurgeBatch(url.url for url in urls_for_everything()).purge()

    fragments.bump(_scope(EVERYTHING), after_commit=after_commit)
