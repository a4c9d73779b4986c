"""Which languages a page can be read in, for the site frame.

`PageLanguages.for_request(request, page)` answers three questions once per
request, with a fixed number of queries however many languages there are:

- where each language in the switcher leads: this page's live translation, or
  where there is none this page in English, saying in the reader's language
  that it is not yet available in theirs (the home page in that language for
  a view that is not a page);
- the `hreflang` alternates: this page in every language it is live in, plus
  `x-default` (the page in the site's default language);
- whether this translation may be out of date, and which page it was
  translated from.

The frame (base.html, via `home.templatetags.navigation_tags`) asks these for
whatever page it renders, so every page type gets them without doing anything.
Views that are not Wagtail pages (search) get their own URL in each language.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import translate_url
from django.utils import translation
from django.utils.http import urlencode

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource


def admin_language(user):
    """Returns the language `user` reads the admin in (their Wagtail profile's
    choice, else the site's default): the language of email sent to staff."""
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None:
        return profile.get_preferred_language()
    return settings.LANGUAGE_CODE


#: The shared cache's copy of the site's locales (they change only when a site
#: admin adds, edits or removes one: `forget_locales` then drops it).
LOCALES_CACHE_KEY = "languages:locales"


def request_locales(request):
    """Returns every Locale, in the order of settings.LANGUAGES, once per
    request for whatever asks: from the shared cache, else one query."""
    store = request.__dict__ if request is not None else {}
    if "_commons_locales" not in store:
        locales = cache.get(LOCALES_CACHE_KEY)
        if locales is None:
            order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
            locales = sorted(
                Locale.objects.all(),
                key=lambda locale: order.get(locale.language_code, len(order)),
            )
            cache.set(LOCALES_CACHE_KEY, locales, 24 * 60 * 60)
        store["_commons_locales"] = locales
    return store["_commons_locales"]


@receiver(post_save, sender=Locale, dispatch_uid="languages.locales_saved")
@receiver(post_delete, sender=Locale, dispatch_uid="languages.locales_deleted")
def forget_locales(**kwargs):
    """A locale was added, changed or removed: the next request reads them again."""
    cache.delete(LOCALES_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(LOCALES_CACHE_KEY))


#: The query parameter the switcher adds when it keeps a reader on a page that
#: is not translated into the language they chose.
UNAVAILABLE_PARAMETER = "unavailable"


@dataclass(frozen=True)
class LanguageLink:
    """One language of a page: where to read it and what to call it."""

    code: str
    name: str
    url: str
    is_current: bool = False
    # False when there is no translation of this page in that language.
    is_translation: bool = True
    # Where a link leads when there is no translation: "page" (this page,
    # which then says it is not yet available in that language) or "home"
    # (that language's home page, for a view that is not a page).
    fallback: str = ""


class PageLanguages:
    """The languages of `page` (None for a view that is not a page) as seen
    in one request."""

    def __init__(self, request, page=None):
        self.request = request
        self.page = page

    @classmethod
    def for_request(cls, request, page=None):
        """Returns the PageLanguages of `page` for this request, computed once
        however many template tags ask."""
        if request is None:
            return cls(None, page)
        cache = request.__dict__.setdefault("_commons_page_languages", {})
        key = getattr(page, "pk", None)
        if key not in cache:
            cache[key] = cls(request, page)
        return cache[key]

    # --- What is known -------------------------------------------------------

    @cached_property
    def locales(self):
        """Returns every Locale, in the order of settings.LANGUAGES."""
        return request_locales(self.request)

    @cached_property
    def _live_versions(self):
        """Returns (translations of this page, translations of the site's home
        page), each a dict of live pages by locale id, fetched in one query."""
        # Site.find_for_request fetches the root page with the site.
        site = Site.find_for_request(self.request) if self.request else None
        home_key = site.root_page.translation_key if site is not None else None
        key = getattr(self.page, "translation_key", None)
        keys = [k for k in (key, home_key) if k is not None]
        condition = Q(translation_key__in=keys)
        translations, home_pages = {}, {}
        for version in Page.objects.filter(condition).live():
            # On the home page itself, both dicts hold the same pages.
            if version.translation_key == key:
                translations[version.locale_id] = version
            if version.translation_key == home_key:
                home_pages[version.locale_id] = version
        return translations, home_pages

    @property
    def translations(self):
        """Returns this page's live versions (itself included) by locale id."""
        return self._live_versions[0]

    @property
    def home_pages(self):
        """Returns the site's live home pages by locale id."""
        return self._live_versions[1]

    def home_page(self, language_code=None):
        """Returns the home page in `language_code` (the active language by
        default), or in the default language where there is none."""
        language_code = language_code or translation.get_language()
        by_code = {locale.language_code: locale.pk for locale in self.locales}
        for code in (language_code, settings.LANGUAGE_CODE):
            home = self.home_pages.get(by_code.get(code))
            if home is not None:
                return home
        return None

    def _view_url(self, language_code):
        """Returns the URL of the current view (not a page) in `language_code`,
        or None when the view is a Wagtail page or cannot be translated."""
        match = getattr(self.request, "resolver_match", None)
        if self.page is not None or match is None or match.url_name == "wagtail_serve":
            return None
        return translate_url(self.request.get_full_path(), language_code)

    @cached_property
    def _beyond_page(self):
        """Returns the part of the request's path beyond this page's own URL:
        a route of a routable page ("tag/food/", "join/"), else ""."""
        if self.page is None:
            return ""
        own_url = self.page.get_url(self.request) or ""
        path = self.request.path
        if own_url.startswith("/") and path.startswith(own_url):
            return path[len(own_url) :]
        return ""

    def _translation_url(self, locale, keep_query=False):
        """Returns the URL of this page or view in `locale`, or None: the same
        route of the page (a tag, a form), and with `keep_query` the same
        query string (filters, a page number)."""
        version = self.translations.get(locale.pk)
        if version is not None and not version.alias_of_id:
            url = version.get_url(self.request) + self._beyond_page
            query = self.request.META.get("QUERY_STRING", "")
            return f"{url}?{query}" if keep_query and query else url
        return self._view_url(locale.language_code)

    # --- The answers -----------------------------------------------------------

    @cached_property
    def switcher_links(self):
        """Returns a LanguageLink per language: to this page's translation
        where one is live, otherwise to this page in the default language
        with a notice (`unavailable_language`), or for a view that is not a
        page to the home page in that language."""
        if self.request is None:
            return []
        current = translation.get_language()
        links = []
        for locale in self.locales:
            url = self._translation_url(locale, keep_query=True)
            is_translation = url is not None
            fallback = ""
            if url is None and self._fallback_page is not None:
                fallback = "page"
                url = self._fallback_page.get_url(self.request) + self._beyond_page
                url += "?" + urlencode({UNAVAILABLE_PARAMETER: locale.language_code})
            elif url is None:
                home = self.home_pages.get(locale.pk)
                if home is None:
                    continue
                fallback = "home"
                url = home.get_url(self.request)
            links.append(
                LanguageLink(
                    code=locale.language_code,
                    name=locale.get_display_name(),
                    url=url,
                    is_current=locale.language_code == current,
                    is_translation=is_translation,
                    fallback=fallback,
                )
            )
        return links

    @cached_property
    def _fallback_page(self):
        """Returns the page a reader asking for a language this page is not
        translated into stays on: its version in the site's default language
        where that is live, else the page being read (None for a view)."""
        if self.page is None:
            return None
        default = next(
            (loc.pk for loc in self.locales if loc.language_code == settings.LANGUAGE_CODE), None
        )
        version = self.translations.get(default)
        if version is None or version.alias_of_id:
            return self.page
        return version

    @cached_property
    def unavailable_language(self):
        """Returns a LanguageLink (no URL) for the language the reader asked
        for from the switcher when this page is not translated into it, so
        the frame can say so in that language; otherwise None."""
        code = self.request.GET.get(UNAVAILABLE_PARAMETER) if self.request else None
        if not code or self.page is None:
            return None
        locale = next((loc for loc in self.locales if loc.language_code == code), None)
        if locale is None or self._translation_url(locale) is not None:
            return None
        return LanguageLink(code=code, name=locale.get_display_name(), url="")

    @cached_property
    def alternates(self):
        """Returns the `hreflang` alternates as LanguageLinks with absolute
        URLs: this page in every language it is live in, then `x-default`
        (the version in the site's default language) where there is one."""
        if self.request is None:
            return []
        links = []
        default = None
        for locale in self.locales:
            url = self._translation_url(locale)
            if url is None:
                continue
            link = LanguageLink(
                code=locale.language_code,
                name=locale.get_display_name(),
                url=self.request.build_absolute_uri(url),
            )
            links.append(link)
            if locale.language_code == settings.LANGUAGE_CODE:
                default = link
        if default is not None:
            links.append(LanguageLink(code="x-default", name=default.name, url=default.url))
        return links

    @cached_property
    def outdated_source(self):
        """Returns the live page this translation was made from when that page
        has been published since the translation last caught up with it;
        otherwise None.

        A translation made with wagtail-localize has caught up when both its
        TranslationSource was last synced from the source page and the
        translation itself was last published: a sync that was not published
        has not reached readers yet. A translation made by hand (Wagtail's
        own "Translate", or a synced translation an editor took over) has no
        sync record, so it has caught up when it was last published, and its
        source is the page in the site's default language.
        """
        page = self.page
        if page is None or page.alias_of_id or page.last_published_at is None:
            return None
        if len(self.translations) < 2:
            return None
        synced = (
            TranslationSource.objects.filter(
                object_id=page.translation_key,
                translations__target_locale_id=page.locale_id,
                translations__enabled=True,
            )
            .exclude(locale_id=page.locale_id)
            .values_list("locale_id", "last_updated_at")
            .first()
        )
        if synced is not None:
            source_locale_id, synced_at = synced
            caught_up_at = min(synced_at, page.last_published_at)
        else:
            source_locale_id = next(
                (loc.pk for loc in self.locales if loc.language_code == settings.LANGUAGE_CODE),
                None,
            )
            caught_up_at = page.last_published_at
        source = self.translations.get(source_locale_id)
        if source is None or source.pk == page.pk or source.last_published_at is None:
            return None
        return source if source.last_published_at > caught_up_at else None

    @cached_property
    def outdated_source_link(self):
        """Returns a LanguageLink to the source page when this translation
        may be out of date, otherwise None."""
        source = self.outdated_source
        if source is None:
            return None
        locale = next(loc for loc in self.locales if loc.pk == source.locale_id)
        return LanguageLink(
            code=locale.language_code,
            name=locale.get_display_name(),
            url=source.get_url(self.request),
        )
