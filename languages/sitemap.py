"""The XML sitemap in every language.

Wagtail's own sitemap lists the site's root page and what is below it, which
on a wagtail-localize site is only the default language's tree: each language
has its own home page beside it. This one lists every live, public page of
every language's tree (aliases left out: they are copies that wagtail-localize
keeps in place of a translation not written yet), and gives each page its
translations as `hreflang` alternates with an `x-default`, as the pages' own
heads do.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class MultilingualSitemap(Sitemap):
    """Every live, public page in every language, with its translations."""

    def items(self):
        root = self.get_wagtail_site().root_page
        in_a_tree = Q()
        for path in Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        ):
            in_a_tree |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_a_tree, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        """The sitemap's entries, each with its translations on the same
        sitemap page (one page holds 50,000 entries: all of this site)."""
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        items = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        for item in items:
            versions[item.translation_key].append(item)

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
