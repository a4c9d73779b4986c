""" "This translation may be out of date": shown on a translation when its
source page has been published since the translation last caught up."""

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

import pytest

pytestmark = pytest.mark.django_db

NOTICE = "To tłumaczenie może być nieaktualne."


def english(slug):
    return Page.objects.get(slug=slug, locale__language_code="en").specific


def polish(slug):
    return Page.objects.get(slug=slug, locale__language_code="pl").specific


def republish(page, **changes):
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def sync(page, language_code, publish=True, capture=None):
    """What "Sync translated pages" does in the admin."""
    source = TranslationSource.objects.get_for_instance(page)
    source.update_from_db()
    translation = source.translations.get(target_locale__language_code=language_code)
    with capture(execute=True):
        translation.save_target(publish=publish)


def test_a_fresh_translation_shows_no_notice(client, demo):
    html = client.get("/pl/about/").content.decode()
    assert NOTICE not in html


def test_notice_appears_when_the_source_changes_and_links_to_it(client, demo):
    republish(english("about"), intro="Who runs this site, why, and how to join in.")
    html = client.get("/pl/about/").content.decode()
    assert NOTICE in html
    assert (
        '<a href="/about/" hreflang="en">Przeczytaj oryginał (<span lang="en">English</span>)'
        in html
    )
    # The source page itself is never out of date.
    assert "This translation may be out of date." not in client.get("/about/").content.decode()


def test_notice_disappears_once_the_translation_is_synced_and_published(
    client, demo, django_capture_on_commit_callbacks
):
    about = english("about")
    republish(about, intro="Who runs this site, why, and how to join in.")
    sync(about, "pl", capture=django_capture_on_commit_callbacks)
    assert NOTICE not in client.get("/pl/about/").content.decode()
    # Only Polish was synced: the Urdu translation is still behind.
    assert "ہو سکتا ہے یہ ترجمہ پرانا ہو۔" in client.get("/ur/about/").content.decode()


def test_a_sync_saved_as_draft_has_not_reached_readers(
    client, demo, django_capture_on_commit_callbacks
):
    about = english("about")
    republish(about, intro="Who runs this site, why, and how to join in.")
    sync(about, "pl", publish=False, capture=django_capture_on_commit_callbacks)
    assert NOTICE in client.get("/pl/about/").content.decode()


def test_a_translation_taken_over_by_hand_compares_publication_dates(client, demo):
    about = english("about")
    Translation.objects.filter(
        source__object_id=about.translation_key, target_locale__language_code="pl"
    ).update(enabled=False)
    republish(about, intro="Who runs this site, why, and how to join in.")
    assert NOTICE in client.get("/pl/about/").content.decode()
    republish(polish("about"), intro="Kto prowadzi ten serwis, po co i jak się przyłączyć.")
    assert NOTICE not in client.get("/pl/about/").content.decode()


def test_every_page_type_gets_the_notice(client, demo):
    # The notice lives in the frame, so a network's post gets it like any page.
    post = Page.objects.get(
        slug="first-post", locale__language_code="en", url_path__contains="food-partnership"
    )
    republish(post.specific, title=post.title + "!")
    html = client.get("/ur/networks/food-partnership/first-post/").content.decode()
    assert "ہو سکتا ہے یہ ترجمہ پرانا ہو۔" in html
    assert 'href="/networks/food-partnership/first-post/" hreflang="en"' in html


def test_no_notice_without_a_live_source(client, demo):
    about = english("about")
    republish(about, intro="Who runs this site, why, and how to join in.")
    about.unpublish()
    assert NOTICE not in client.get("/pl/about/").content.decode()
