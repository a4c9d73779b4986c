"""The language switcher on a page not translated into the reader's language
keeps them on the page, in English, and says so in their language."""

import pytest

from tests.i18n.test_switcher import switcher

pytestmark = pytest.mark.django_db


def an_untranslated_post(client):
    """Returns the URL of a post that exists in English only."""
    from wagtail.models import Page

    network = Page.objects.get(slug="digital-practitioners", locale__language_code="en")
    post = network.get_children().live().first()
    assert not post.get_translations().live().exists()
    return post.url


def test_choosing_urdu_on_an_english_only_page_keeps_the_reader_there_with_a_notice(client, demo):
    url = an_untranslated_post(client)
    link = switcher(client.get(url).content.decode())["ur"]
    assert link == f"{url}?unavailable=ur"
    response = client.get(link)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert '<p class="message unavailable-notice" role="status" lang="ur" dir="rtl">' in html
    assert "یہ صفحہ ابھی اردو میں دستیاب نہیں ہے۔" in html


def test_the_notice_is_in_each_language_and_not_shown_without_asking(client, demo):
    url = an_untranslated_post(client)
    assert "unavailable-notice" not in client.get(url).content.decode()
    html = client.get(f"{url}?unavailable=pl").content.decode()
    assert "Ta strona nie jest jeszcze dostępna w tym języku (Polski)." in html


def test_no_notice_where_the_translation_exists_or_the_language_is_unknown(client, demo):
    html = client.get("/house-rules/?unavailable=pl").content.decode()
    assert "unavailable-notice" not in html
    html = client.get("/house-rules/?unavailable=xx").content.decode()
    assert "unavailable-notice" not in html
