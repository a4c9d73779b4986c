"""A new translation from "Translate this page" is a draft until its editor
publishes it: no reader sees English text under another language, and no
listing shows it. "Publish in <language>" names the fields still missing
(the slug on the Promote tab included) before it publishes them untranslated."""

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

import pytest

from tests.i18n.test_translation_permissions import network_permissions  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def post():
    network = Page.objects.get(slug="food-partnership", locale__language_code="en")
    return network.get_children().live().first().specific


@pytest.fixture
def bengali():
    return Locale.objects.get(language_code="bn")


def translate(client, post, locale):
    """What "Translate this page" does, for one language."""
    response = client.post(f"/admin/localize/submit/page/{post.pk}/", {"locales": [locale.pk]})
    assert response.status_code == 302
    return post.get_translation(locale)


@pytest.fixture
def publish(client, django_capture_on_commit_callbacks):
    """What "Publish in <language>" in wagtail-localize's editor sends
    (wagtail-localize publishes once the transaction commits)."""

    def _publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"}, follow=True)

    return _publish


def fill_in(translation, except_paths=()):
    """Translates every string of `translation` but those at `except_paths`."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    ):
        if segment.context.path in except_paths:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"[bn] {segment.string.data}"},
        )


@pytest.mark.usefixtures("network_permissions")
def test_a_new_translation_is_a_draft_and_no_listing_shows_it(
    client,
    login,
    post,
    bengali,
):
    login("food-partnership-editor")
    translated = translate(client, post, bengali)
    assert not translated.live
    client.logout()
    for listing in ("/bn/blog/", "/bn/", "/bn/networks/"):
        html = client.get(listing).content.decode()
        assert f"/bn/networks/food-partnership/{translated.slug}/" not in html
    # The network above it was copied as an alias of the English page (to
    # hold the translation): it is not offered as a Bengali page either.
    html = client.get("/bn/networks/").content.decode()
    assert 'href="/bn/networks/food-partnership/"' not in html
    assert 'href="/networks/food-partnership/"' in html


@pytest.mark.usefixtures("network_permissions")
def test_publish_names_the_missing_fields_then_publishes_when_asked_again(
    client,
    login,
    post,
    bengali,
    publish,
):
    login("food-partnership-editor")
    translated = translate(client, post, bengali)
    translation = Translation.objects.get(
        source__object_id=post.translation_key, target_locale=bengali
    )
    fill_in(translation, except_paths={"title", "slug"})
    response = publish(translated)
    html = response.content.decode()
    assert "Not published: these fields are not translated into" in html
    assert "Title, Slug (Promote tab)" in html
    translated.refresh_from_db()
    assert not translated.live
    # The editor has been told, and publishes anyway.
    response = publish(translated)
    translated.refresh_from_db()
    assert translated.live


@pytest.mark.usefixtures("network_permissions")
def test_a_complete_translation_publishes_at_once(
    client,
    login,
    post,
    bengali,
    publish,
):
    login("food-partnership-editor")
    translated = translate(client, post, bengali)
    translation = Translation.objects.get(
        source__object_id=post.translation_key, target_locale=bengali
    )
    fill_in(translation)
    html = publish(translated).content.decode()
    assert "Not published" not in html
    translated.refresh_from_db()
    assert translated.live
    assert translated.title == f"[bn] {post.title}"
    client.logout()
    assert translated.url in client.get("/bn/blog/").content.decode()
