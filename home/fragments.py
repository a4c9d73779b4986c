"""Fragment caches: pieces of a page rendered once and reused until what they
show changes, so that an uncached page costs little.

A fragment is cached under a key made of its name, the *version* of its
scope and what it varies on (the language, the site's address, the path...).
A scope's version is a token kept in the shared cache (the file cache, or
Redis with `REDIS_URL`, so every process sees it); `bump(scope)` replaces it,
which orphans every fragment of that scope at once (they expire by
themselves). Nothing is ever deleted key by key, so invalidation is exact
however many variants a fragment has.

Scopes:

- `FRAME` ("frame"): the site's frame (navigation, language switcher,
  `hreflang`, translation notices, footer). Bumped here when any page is
  published, unpublished, moved or deleted, when a view restriction, a site,
  a locale or the site settings change.
- `LISTINGS` ("listings"): what the site's listings show (the indexes,
  the directory, the home page's and network pages' sections). Bumped with
  the frame, and by `home.page_cache` whenever a change outside a publish
  reaches a page (a comment's decision, an event's places, a published
  answer), so a listing that shows counts or places is exact too. Listings
  whose content the clock changes also vary on the page cache's next clock
  boundary (`{% cached_listing … timed %}`).
- `CONTENT` ("content"): what a page's own fragments show besides pages
  (people, images, documents, tags), bumped here when one is saved or
  deleted. A detail page's own content is cached in "frame,content" (see
  `scopes_of`): a publish bumps the frame, a changed photo the content.
- `"comments:<translation key>"`: a page's comment thread in every language
  (see `comments.signals`), bumped on every comment transition and when a
  shown comment is created, changed or deleted.

Fragments hold only what every reader of the page sees: never a CSRF token,
the userbar, a form, its errors or a resident's own held comments. Previews
are never cached. Page-level caching (whole responses for anonymous
readers) is a separate layer over this one.
"""

import functools
import hashlib
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation

from taggit.models import TagBase
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

#: The scope of the site's frame.
FRAME = "frame"
#: The scope of the snippets, images, documents and tags pages show.
CONTENT = "content"
#: A detail page's own content: stale when the frame or the content changes.
PAGE_CONTENT = f"{FRAME},{CONTENT}"

#: The scope of the site's listings (indexes, directory, page sections).
LISTINGS = "listings"

#: How long a fragment lives at most (seconds). Versions make them exact;
#: this only bounds how long orphaned fragments occupy the cache.
FRAGMENT_SECONDS = getattr(settings, "FRAGMENT_CACHE_SECONDS", 24 * 60 * 60)

_VERSION_KEY = "fragments:version:{}"


@functools.cache
def release():
    """Returns a token of the templates this process renders with (each
    template's path, size and modification time), so that fragments cached
    by an older release of the site's templates are never reused after a
    deploy, though the cache outlives it."""
    digest = hashlib.blake2b(digest_size=8)
    for template in sorted(Path(settings.BASE_DIR).glob("*/templates/**/*.html")):
        stat = template.stat()
        digest.update(f"{template}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    digest.update(settings.STATIC_URL.encode())
    return digest.hexdigest()


def _request_versions(request):
    return request.__dict__.setdefault("_commons_fragment_versions", {}) if request else {}


def versions(scopes):
    """Returns {scope: version token} for `scopes` in one cache read. A
    scope with no version yet (a cleared cache) gets a new one, so anything
    cached under an older version is never reused. The page cache
    (home.page_cache) keys its whole pages on these versions too."""
    keys = {scope: _VERSION_KEY.format(scope) for scope in scopes}
    found = cache.get_many(list(keys.values()))
    tokens = {}
    for scope, key in keys.items():
        token = found.get(key)
        if token is None:
            cache.add(key, uuid.uuid4().hex, None)
            token = cache.get(key)
        tokens[scope] = token
    return tokens


def version(scope, request=None):
    """Returns the current version token of `scope`, read once per request
    (when `request` is given); see `versions`."""
    memo = _request_versions(request)
    if scope not in memo:
        memo[scope] = versions([scope])[scope]
    return memo[scope]


def bump(*scopes, after_commit=None):
    """Gives each of `scopes` a new version: everything cached under the old
    ones is stale from now on. Done at once and again when the surrounding
    transaction commits, so that a request rendering between the two never
    keeps old content under the new version. `after_commit`, if given, runs
    once the transaction commits, after the second bump."""
    keys = [_VERSION_KEY.format(scope) for scope in scopes]

    def _replace():
        cache.set_many({key: uuid.uuid4().hex for key in keys}, None)

    def _after_commit():
        _replace()
        if after_commit is not None:
            after_commit()

    _replace()
    transaction.on_commit(_after_commit)


def scopes_of(scope):
    """Returns the scopes a fragment's `scope` names: one, or several joined
    by commas ("frame,content": stale when either changes)."""
    return scope.split(",")


def fragment_key(name, scope, vary_on=(), request=None):
    """Returns the cache key of fragment `name` in `scope` (one scope, or
    several joined by commas) for `vary_on` (and the active language,
    always)."""
    tokens = [version(one, request) for one in scopes_of(scope)]
    vary = [release(), *tokens, translation.get_language(), *vary_on]
    return make_template_fragment_key(f"commons.{name}", vary)


#: The query parameters of the site's listings and notices. A frame fragment
#: varies on the page's full address, so a request with any other parameter
#: (a search's words, a tracking tag) renders its frame without the cache:
#: strangers' words never fill the cache with frames no one will reuse.
FRAME_QUERY_PARAMETERS = frozenset(
    {"page", "network", "tag", "theme", "area", "status", "unavailable", "reply_to"}
)


def cacheable(request):
    """Returns True if fragments may be read from and written to the cache
    for `request`: never for a preview."""
    return request is not None and not getattr(request, "is_preview", False)


def frame_cacheable(request):
    """Returns True if the frame's fragments may be cached for `request`:
    not a preview, and only the listings' own query parameters."""
    return cacheable(request) and FRAME_QUERY_PARAMETERS.issuperset(request.GET)


#: The query parameters of the listings' own filters and pages: a listing
#: fragment is cached only for these (any other parameter renders it uncached).
LISTING_QUERY_PARAMETERS = FRAME_QUERY_PARAMETERS | {"from", "to", "access"}


def listing_cacheable(request):
    """Returns True if a listing's fragment may be cached for `request`: not
    a preview, and only the listings' own (short) query parameters."""
    return (
        cacheable(request)
        and LISTING_QUERY_PARAMETERS.issuperset(request.GET)
        and all(len(value) <= 100 for value in request.GET.values())
    )


def cached_fragment(name, scope, render, *, vary_on=(), request=None):
    """Returns the HTML of fragment `name`: from the cache when this version
    of `scope` already rendered it for `vary_on`, otherwise `render()`
    (stored for the next reader)."""
    if not cacheable(request):
        return render()
    key = fragment_key(name, scope, vary_on, request)
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, FRAGMENT_SECONDS)
    return html


def cached_value(name, scope, compute, *, vary_on=(), request=None):
    """Returns a value worked out once per version of `scope` (a setting the
    frame's scope follows, say): `compute()` when not cached yet. With
    `request`, the scope's version is the one this request already read."""
    key = fragment_key(name, scope, vary_on, request)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, FRAGMENT_SECONDS)
    return value


# --- What the frame shows, and what changes it --------------------------------


@receiver(page_published, dispatch_uid="home.fragments.published")
@receiver(page_unpublished, dispatch_uid="home.fragments.unpublished")
@receiver(post_page_move, dispatch_uid="home.fragments.moved")
def frame_changed_by_page(sender, instance, **kwargs):
    """A page went live, came down or moved: the navigation, switcher,
    alternates and footer may name it, and the listings list it."""
    bump(FRAME, LISTINGS)


_FRAME_MODELS = (Site, Locale, PageViewRestriction, BaseGenericSetting, BaseSiteSetting)

#: What pages and listings show beside pages, whose change renders both
#: their own content (CONTENT) and the listings (LISTINGS) again: tags
#: (every taggit tag model), images (logos and pictures), documents (links
#: in a page's body) and the models content apps add with `shown_on_pages`
#: (the blog's people).
_SHOWN_MODELS = [TagBase, AbstractImage, AbstractDocument]


def shown_on_pages(model):
    """Registers `model` (from an AppConfig.ready) as shown on pages and in
    listings: its saves and deletions render their fragments again."""
    _SHOWN_MODELS.append(model)


@receiver(post_save, dispatch_uid="home.fragments.frame_model_saved")
def frame_changed_by_save(sender, instance=None, **kwargs):
    """A site, locale, view restriction or setting (the site settings, and
    every other) was saved, or an alias page (its source's view restrictions
    apply to it: `home.routing.restriction_tops`); or any page (created live
    or changed in place, not only through a publish), which the listings may
    show."""
    if isinstance(instance, _FRAME_MODELS) or (
        isinstance(instance, Page) and instance.alias_of_id is not None
    ):
        bump(FRAME, LISTINGS)
    elif isinstance(instance, Page):
        bump(LISTINGS)


@receiver(post_save, dispatch_uid="home.fragments.live_page_saved")
def frame_changed_by_live_page(sender, instance=None, update_fields=None, **kwargs):
    """A live page was saved whole outside a publish (code that changes a
    page and calls `save()`): what it shows may have changed. Saving a
    draft revision names its fields (`update_fields`) and changes nothing
    live, so it bumps nothing."""
    if isinstance(instance, Page) and instance.live and update_fields is None:
        bump(FRAME)


@receiver(post_delete, dispatch_uid="home.fragments.frame_model_deleted")
def frame_changed_by_delete(sender, instance=None, **kwargs):
    """A page, site, locale, view restriction or setting was deleted."""
    if isinstance(instance, (Page, *_FRAME_MODELS)):
        bump(FRAME, LISTINGS)


@receiver(post_save, dispatch_uid="home.fragments.content_saved")
@receiver(post_delete, dispatch_uid="home.fragments.content_deleted")
def content_changed(sender, instance=None, **kwargs):
    """An image, a document, a tag or a registered model (`shown_on_pages`)
    was saved or deleted: every page's own content and every listing is
    rendered again. Renditions are left out: a new one changes nothing
    already shown."""
    if isinstance(instance, tuple(_SHOWN_MODELS)):
        bump(CONTENT, LISTINGS)
