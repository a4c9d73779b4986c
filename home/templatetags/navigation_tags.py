"""Template tags for the site's frame: main navigation, footer links and the
language switcher. Each runs a fixed, small number of queries."""

from django import template
from django.utils import translation

from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_root(request):
    """Returns the site's root page in the reader's language (falling back to
    the default-language root where no translation exists)."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    if locale and root.locale_id != locale.pk:
        return root.get_translation_or_none(locale) or root
    return root


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The top-level sections that editors marked "show in menus"."""
    request = context.get("request")
    root = _site_root(request)
    items = root.get_children().live().public().in_menu() if root else Page.objects.none()
    current = context.get("page")
    current_path = current.path if current else ""
    return {
        "items": [
            {
                "title": item.title,
                "url": item.get_url(request),
                "active": bool(current_path) and current_path.startswith(item.path),
            }
            for item in items
        ],
        "home_url": root.get_url(request) if root else "/",
    }


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language: its translation where one is
    live, otherwise the home page in that language."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    locales = list(Locale.objects.all().order_by("pk"))
    site = Site.find_for_request(request) if request else None
    translations = {}
    if page is not None and getattr(page, "translation_key", None):
        for p in Page.objects.filter(translation_key=page.translation_key).live().public():
            translations[p.locale_id] = p
    roots = {}
    if site is not None:
        for p in Page.objects.filter(translation_key=site.root_page.translation_key).live():
            roots[p.locale_id] = p
    links = []
    for locale in locales:
        target = translations.get(locale.pk) or roots.get(locale.pk)
        if target is None:
            continue
        links.append(
            {
                "code": locale.language_code,
                "name": locale.get_display_name(),
                "url": target.get_url(request),
                "current": locale.language_code == current,
                "is_translation": locale.pk in translations,
            }
        )
    return {"links": links, "current": current}
