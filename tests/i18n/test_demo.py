"""Demo translations: made with wagtail-localize, complete, and idempotent."""

import io

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

import pytest

from demo import languages as languages_demo

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = ["pl", "bn", "ur"]


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_home_sections_and_footer_pages_are_live_in_every_language(client, demo, code):
    locale = Locale.objects.get(language_code=code)
    for page in languages_demo.pages_for_every_language():
        translated = page.get_translation_or_none(locale)
        assert translated is not None and translated.live, f"{page.url_path} in {code}"
        assert translated.title != page.title or page.title == "Blog"
    html = client.get(f"/{code}/").content.decode()
    nav = html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert "Networks" not in nav and f'href="/{code}/networks/"' in nav


def test_one_network_is_translated_in_full_into_polish_and_urdu(demo):
    pages = languages_demo.network_pages()
    assert len(pages) >= 2, "the network and at least one post"
    for page in pages:
        for code in languages_demo.NETWORK_LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            translated = page.get_translation_or_none(locale)
            assert translated is not None and translated.live, f"{page.url_path} in {code}"


def test_demo_translations_are_synced_wagtail_localize_translations(demo):
    # Editors can keep them up to date in the admin ("Sync translated pages").
    for page, code in languages_demo.demo_translations():
        source = TranslationSource.objects.get_for_instance(page)
        translation = Translation.objects.get(source=source, target_locale__language_code=code)
        assert translation.enabled
        total, translated = translation.get_progress()
        assert translated == total, f"{page.url_path} in {code}: {translated}/{total}"


def test_demo_texts_cover_every_string_of_the_demo_pages(demo):
    missing = {
        (page.url_path, code): languages_demo.missing_texts(
            TranslationSource.objects.get_for_instance(page), code
        )
        for page, code in languages_demo.demo_translations()
    }
    missing = {key: texts for key, texts in missing.items() if texts}
    assert missing == {}, "add these to languages/demo_texts.py"


def test_translated_pages_keep_their_english_slugs(client, demo):
    assert client.get("/pl/networks/food-partnership/").status_code == 200
    assert client.get("/ur/networks/food-partnership/first-post/").status_code == 200


def test_loading_the_demo_translations_twice_changes_nothing(demo):
    pages = Page.objects.count()
    revisions = sum(page.revisions.count() for page in Page.objects.all())
    out = io.StringIO()
    languages_demo.load(out)
    assert "0 page translation(s)" in out.getvalue()
    assert Page.objects.count() == pages
    assert sum(page.revisions.count() for page in Page.objects.all()) == revisions
