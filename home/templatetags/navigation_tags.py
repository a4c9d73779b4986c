"""Template tags for the site's frame: main navigation, the language
switcher, `hreflang` alternates and the out-of-date translation notice.

The language tags share one `languages.translations.PageLanguages` per request,
so together they run a fixed, small number of queries on every page type.
"""

from django import template
from django.db.models import Q
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page

from languages.translations import PageLanguages

register = template.Library()


def _page_languages(context):
    """Returns the PageLanguages of the page being rendered (or of the view,
    for pages that are not Wagtail pages)."""
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    return PageLanguages.for_request(context.get("request"), page)


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The top-level sections that editors marked "show in menus", in the
    reader's language (the default language's where there is no translation)."""
    request = context.get("request")
    root = _page_languages(context).home_page() if request else None
    items = root.get_children().live().public().in_menu() if root else Page.objects.none()
    current = context.get("page")
    current_path = getattr(current, "path", "")
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
    return {"links": _page_languages(context).switcher_links}


@register.inclusion_tag("components/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """`<link rel="alternate" hreflang>` for this page in every language it
    is live in, and `x-default`."""
    return {"alternates": _page_languages(context).alternates}


@register.inclusion_tag("components/translation_notice.html", takes_context=True)
def translation_notice(context):
    """ "This translation may be out of date", with a link to the page it was
    translated from, when that page changed after the translation caught up."""
    return {"source": _page_languages(context).outdated_source_link}


FOOTER_PAGES = [
    ("about_page_id", _("About")),
    ("house_rules_page_id", _("House rules")),
    ("privacy_page_id", _("Privacy")),
]


@register.inclusion_tag("components/footer_links.html", takes_context=True)
def footer_links(context):
    """The footer's About, House rules and Privacy links, each to the page in
    the reader's language where it is translated and live. One query fetches
    the three pages and their translations together."""
    from home.models import SiteSettings

    request = context.get("request")
    site_settings = SiteSettings.load(request_or_site=request)
    ids = [getattr(site_settings, field) for field, _label in FOOTER_PAGES]
    ids = [pk for pk in ids if pk]
    language = translation.get_language()
    versions = (
        Page.objects.filter(
            Q(pk__in=ids) | Q(locale__language_code=language),
            translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
        )
        .live()
        .select_related("locale")
    )
    originals, localized = {}, {}
    for version in versions:
        if version.pk in ids:
            originals[version.pk] = version
        if version.locale.language_code == language:
            localized[version.translation_key] = version
    links = []
    for field, label in FOOTER_PAGES:
        original = originals.get(getattr(site_settings, field))
        if original is not None:
            page = localized.get(original.translation_key, original)
            links.append({"label": label, "url": page.get_url(request)})
    return {"links": links, "contact_email": site_settings.contact_email}


@register.simple_tag(takes_context=True)
def page_sections(context, hook_name):
    """Renders what apps above the frame add to a page through the Wagtail
    hook `hook_name` (for instance "network_page_sections", a network's
    upcoming events): each hook is called with (request, page) and returns
    HTML. The frame and networks never import those apps."""
    request = context.get("request")
    page = context.get("page")
    return mark_safe("".join(str(fn(request, page) or "") for fn in hooks.get_hooks(hook_name)))
