"""Marks what a list shows in another language than the reader's."""

from django import template
from django.utils import translation
from django.utils.html import format_html

from languages.translations import request_locales

register = template.Library()


@register.simple_tag(takes_context=True)
def lang_attrs(context, page):
    """Returns ` lang="…" dir="…"` for an element that shows `page` when the
    page is not in the language the reader is reading (see
    `languages.listings`), else "". It reuses the locales the site frame
    fetched for this request: no query of its own."""
    locales = request_locales(context.get("request"))
    code = next((loc.language_code for loc in locales if loc.pk == page.locale_id), None)
    reading = translation.get_language()
    if code is None or code == reading:
        return ""
    direction = "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    if direction == ("rtl" if translation.get_language_bidi() else "ltr"):
        return format_html(' lang="{}"', code)
    return format_html(' lang="{}" dir="{}"', code, direction)
