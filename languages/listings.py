"""Lists of pages in the reader's language, never empty for want of a
translation.

Every language has its own tree of pages, so a list built from one tree (the
Bengali directory's children, say) shows only what has been translated into
that language: nothing at all for a language the networks have not reached
yet. A resident reading in Bengali would rather see every network, and read
the ones not yet translated in English, than be told there are none.

`in_reader_language(pages, locale_id)` keeps one version of each page: the
one in the reader's language where it is live (and not an alias of
another language's page), otherwise the one in the site's default language
(the source translations are made from). It adds
subqueries, never another query. Templates mark a version in another language
with `{% lang_attrs page %}` (`lang`, and `dir` where the direction differs),
so that screen readers pronounce it in its own language.

Pages written first in a language other than the default and never
translated into it stay in their own language's lists.

`reader_versions(matches, pages, locale_id)` does the same for a list found
in every language (a search's results): each match becomes the version the
reader reads, once, in the order of the matches.
"""

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Substr

from wagtail.models import Locale, Page


def default_locale_ids():
    """Returns a subquery of the default language's Locale id."""
    return Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values("pk")


def in_reader_language(pages, locale_id):
    """Narrows the page queryset `pages` to one version of each page for a
    reader of `locale_id`: that language's where it is live, else the site's
    default language's. With `locale_id` None, `pages` is returned as it is."""
    if locale_id is None:
        return pages
    # An alias in the reader's language (wagtail-localize copies a page's
    # parents that way to hold a new translation) is the English page under
    # another language's address: the English page is listed instead.
    own = Q(locale_id=locale_id, alias_of__isnull=True)
    translated = Page.objects.filter(own).live().values("translation_key")
    return pages.filter(
        own | (Q(locale_id__in=default_locale_ids()) & ~Q(translation_key__in=translated))
    )


def below_any_translation_of(pages, page, children_only=False):
    """Narrows `pages` to those below `page` in any language: below it, or
    below one of its translations (wagtail-localize mirrors the tree, so a
    translation's path has the same length). A subquery, no extra query."""
    prefix = len(page.path)
    pages = pages.alias(_ancestor_path=Substr("path", 1, prefix)).filter(
        _ancestor_path__in=Page.objects.filter(translation_key=page.translation_key).values("path")
    )
    if children_only:
        return pages.filter(depth=page.depth + 1)
    return pages.filter(depth__gt=page.depth)


def reader_versions(matches, pages, locale_id):
    """Returns the version a reader of `locale_id` reads (as in
    `in_reader_language`, drawn from the queryset `pages`) of each page in
    `matches`, pages in any language such as a search's results: once each,
    in the order of their first match, as specific pages. One query, plus
    one per page type."""
    keys = list(dict.fromkeys(page.translation_key for page in matches))
    if not keys:
        return []
    versions = in_reader_language(pages.filter(translation_key__in=keys), locale_id).specific()
    by_key = {page.translation_key: page for page in versions}
    return [by_key[key] for key in keys if key in by_key]
