"""Demo translations, made the way an editor makes them in wagtail-localize:
a TranslationSource per page, a Translation per language and a
StringTranslation per segment, then the translated page is saved and
published. The admin shows them as synced translations that editors can keep
up to date ("Sync translated pages"), not as unrelated copies.

Translated into every language: the home page, every top-level section (so
the main navigation reads in the reader's language) and the about, house
rules and privacy pages. Translated into Polish and Urdu: one network, with
everything published under it. The texts are in `languages.demo_texts`.

`manage.py load_demo` runs it after every other demo loader, so their pages exist first.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from home.demo import home_page
from home.models import SiteSettings
from languages.demo_texts import TEXTS

# The network translated in full, and the languages it is translated into.
TRANSLATED_NETWORK = "food-partnership"
NETWORK_LANGUAGES = ["pl", "ur"]

# Segments whose value stays the same in every language: the URL keeps its
# English slug, so /pl/networks/food-partnership/ mirrors /networks/food-partnership/.
KEPT_FIELDS = {"slug"}


def pages_for_every_language():
    """Returns the pages translated into every language, parents first."""
    home = home_page()
    pages = [home]
    pages += list(home.get_children().live().in_menu().order_by("path"))
    site_settings = SiteSettings.load()
    for footer_page in (
        site_settings.about_page,
        site_settings.house_rules_page,
        site_settings.privacy_page,
    ):
        if footer_page is not None and footer_page.pk not in {page.pk for page in pages}:
            pages.append(footer_page)
    return [page.specific for page in pages]


def network_pages():
    """Returns the translated network's page and everything live under it,
    parents first (empty if the network is not in the demo)."""
    network = Page.objects.filter(
        slug=TRANSLATED_NETWORK, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if network is None:
        return []
    return list(
        Page.objects.descendant_of(network, inclusive=True).live().order_by("path").specific()
    )


def demo_translations():
    """Returns (page, language_code) for every demo translation, parents first."""
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    languages.remove(settings.LANGUAGE_CODE)
    pairs = [(page, code) for page in pages_for_every_language() for code in languages]
    pairs += [(page, code) for page in network_pages() for code in NETWORK_LANGUAGES]
    return pairs


def missing_texts(source, language_code):
    """Returns the source strings of `source` that the demo texts do not
    translate into `language_code`."""
    texts = TEXTS.get(language_code, {})
    return [
        segment.string.data
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
        if segment.context.path not in KEPT_FIELDS and segment.string.data not in texts
    ]


def translate(page, language_code):
    """Translates `page` into `language_code` through wagtail-localize and
    publishes the translation. Returns True if anything changed; a
    translation that is already complete is left alone."""
    locale = Locale.objects.get(language_code=language_code)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, created = source.translations.get_or_create(target_locale=locale)
    texts = TEXTS.get(language_code, {})
    added = 0
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        original = segment.string.data
        text = original if segment.context.path in KEPT_FIELDS else texts.get(original)
        if text is None:
            # Left in the source language; tests/i18n/test_demo.py names it.
            continue
        _string_translation, made = StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
        added += made
    if not created and not added and page.has_translation(locale):
        return False
    # Saved as a draft, then published here rather than when the surrounding
    # transaction commits, so the pages are live however the loader is called.
    # wagtail-localize saves a new translation twice, and its child rows (a
    # post's authors) are made anew the second time: the first rows are gone
    # before any worker could index their references. So the references are
    # indexed here, once, from the published translation, instead of by a
    # background task per saved row.
    with disable_reference_index_auto_update():
        translation.save_target(publish=False)
        target = page.get_translation(locale)
        target.get_latest_revision().publish()
    ReferenceIndex.create_or_update_for_object(target.specific)
    return True


def allow_network_editors_to_translate():
    """Gives every network's editors wagtail-localize's "submit translation"
    permission; which pages they may translate is decided by their page
    permissions (see `languages.views`)."""
    # wagtail-localize creates this permission in a data migration, which a
    # flushed test database no longer has: make sure it is there.
    content_type, _created = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    for group in Group.objects.filter(name__endswith=" editors"):
        group.permissions.add(permission)


def load(out):
    allow_network_editors_to_translate()
    changed = sum(translate(page, code) for page, code in demo_translations())
    out.write(f"  languages: {changed} page translation(s) made with wagtail-localize")
