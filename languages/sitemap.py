"""The XML sitemap in every language.

Wagtail's own sitemap lists the site's root page and what is below it, which
on a wagtail-localize site is only the default language's tree: each language
has its own home page beside it. This one lists every live, public page of
every language's tree (aliases left out: they are copies that wagtail-localize
keeps in place of a translation not written yet), and gives each page its
translations as `hreflang` alternates with an `x-default`, as the pages' own
heads do.

Past `MultilingualSitemap.limit` pages (1,000) the sitemap is split:
`/sitemap.xml` becomes a sitemap index naming `/sitemap-pages.xml`,
`/sitemap-pages.xml?p=2` and so on (Django's sitemap index), and each page of
it still names every translation of its pages, wherever they are listed.
"""

from collections import defaultdict
from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max, Q
from django.template.response import TemplateResponse
from django.urls import reverse

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import prepare_sitemaps
from wagtail.models import Locale, Page


class MultilingualSitemap(Sitemap):
    """Every live, public page in every language, with its translations."""

    # Entries per sitemap page; past it, /sitemap.xml is an index of pages.
    limit = 1000

    def pages(self):
        """Returns the listed pages (plain Page rows, in tree order); the
        trees and the view restrictions are looked up once per sitemap."""
        return self._listed_pages.all()

    @cached_property
    def paginator(self):
        """Django's paginator of the entries, made once per sitemap (Django
        makes one, and counts the pages again, on every use)."""
        return super().paginator

    @cached_property
    def _listed_pages(self):
        """The listed pages' queryset: every language's tree, live and public."""
        root = self.get_wagtail_site().root_page
        in_a_tree = Q()
        for path in Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        ):
            in_a_tree |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_a_tree, alias_of__isnull=True).live().public().order_by("path")
        )

    def items(self):
        """Returns the listed pages as plain Page rows: an entry needs only
        the URL and the publishing date, which no page type changes, so
        there is no query per page type."""
        return self.pages()

    def get_latest_lastmod(self):
        """Returns when a listed page was last published (for the index), in
        one query rather than by loading every page."""
        return self.pages().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        """The sitemap page's entries, each with all its translations (one
        query for them, whichever sitemap page lists them)."""
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        items = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        keys = {item.translation_key for item in items}
        for version in self.pages().filter(translation_key__in=keys):
            versions[version.translation_key].append(version)

        urls = []
        last_mods = set()
        for item in items:
            alternates = []
            if len(versions[item.translation_key]) > 1:
                for version in versions[item.translation_key]:
                    code = codes[version.locale_id]
                    location = version.get_full_url(self.request)
                    alternates.append({"lang_code": code, "location": location})
                    if code == settings.LANGUAGE_CODE:
                        alternates.append({"lang_code": "x-default", "location": location})
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates})
                last_mods.add(url_info.get("lastmod"))
        # last_mods might be empty if the whole site is private
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


SITEMAPS = {"pages": MultilingualSitemap}


@sitemap_views.x_robots_tag
def sitemap(request):
    """/sitemap.xml: the sitemap itself while it fits on one page, else a
    sitemap index of its pages (`/sitemap-pages.xml?p=N`) at the Wagtail
    site's address, as the pages' own entries are (Django's index would name
    the request's host instead)."""
    sitemaps = prepare_sitemaps(request, SITEMAPS)
    if all(each.paginator.num_pages <= 1 for each in sitemaps.values()):
        return sitemap_views.sitemap(request, sitemaps)
    entries = []
    for section, each in sitemaps.items():
        location = each.get_wagtail_site().root_url + reverse(
            "sitemap-section", kwargs={"section": section}
        )
        lastmod = each.get_latest_lastmod()
        for number in range(1, each.paginator.num_pages + 1):
            entries.append(
                sitemap_views.SitemapIndexItem(
                    location if number == 1 else f"{location}?p={number}", lastmod
                )
            )
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )


def sitemap_section(request, section):
    """One section's sitemap, page `p` of it (the entries an index names)."""
    return sitemap_views.sitemap(request, prepare_sitemaps(request, SITEMAPS), section=section)
