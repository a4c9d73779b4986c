"""An editor translates a post into Bengali in wagtail-localize's editor: the
translation is a draft, no listing shows it, "Publish in বাংলা" names the
fields still missing (the slug on the Promote tab), and once everything is
translated the post is published and listed on the Bengali blog."""

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

import pytest

from tests.e2e.conftest import log_in, screenshot
from tests.i18n.test_translation_permissions import network_permissions  # noqa: F401


def fill_in(translation, except_paths=()):
    """Translates the strings of `translation` (what an editor types in
    wagtail-localize's editor), but those at `except_paths`."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        if segment.context.path in except_paths:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"অনুবাদ: {segment.string.data}"},
        )


@pytest.mark.usefixtures("network_permissions")
def test_an_editor_publishes_a_bengali_translation_no_listing_showed_before(
    page,
    site_url,
):
    network = Page.objects.get(slug="food-partnership", locale__language_code="en")
    post = network.get_children().live().first().specific
    bengali = Locale.objects.get(language_code="bn")
    log_in(page, site_url, "food-partnership-editor")

    # "Translate this page", into Bengali.
    page.goto(f"{site_url}/admin/pages/{post.pk}/edit/")
    page.goto(f"{site_url}/admin/localize/submit/page/{post.pk}/")
    page.get_by_label("বাংলা").check()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_load_state()
    translated = post.get_translation(bengali)
    assert not translated.live
    bengali_url = f"/bn/networks/food-partnership/{translated.slug}/"

    # Readers see nothing of it yet.
    reader = page.context.browser.new_context(locale="bn")
    tab = reader.new_page()
    for listing in ("/bn/blog/", "/bn/"):
        tab.goto(f"{site_url}{listing}")
        assert tab.locator(f'a[href="{bengali_url}"]').count() == 0
    assert tab.goto(f"{site_url}{bengali_url}").status == 404

    # Everything but the slug translated: "Publish" names what is missing.
    translation = Translation.objects.get(
        source__object_id=post.translation_key, target_locale=bengali
    )
    fill_in(translation, except_paths={"slug"})
    page.goto(f"{site_url}/admin/pages/{translated.pk}/edit/")
    page.get_by_role("button", name="Publish in বাংলা").click()
    page.wait_for_load_state()
    message = page.get_by_text("Not published: these fields are not translated into")
    message.wait_for()
    assert "Slug (Promote tab)" in message.inner_text()
    screenshot(page, "translation-publish-missing-fields")
    translated.refresh_from_db()
    assert not translated.live

    # The slug translated too (kept as it is): published, and listed.
    fill_in(translation)
    page.reload()
    page.get_by_role("button", name="Publish in বাংলা").click()
    page.wait_for_load_state()
    page.get_by_text("Published").first.wait_for()
    translated.refresh_from_db()
    assert translated.live
    tab.goto(f"{site_url}/bn/blog/")
    assert tab.locator(f'a[href="/bn/networks/food-partnership/{translated.slug}/"]').count() >= 1
    reader.close()
