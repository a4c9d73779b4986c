"""Translated form errors: a resident who posts an incomplete comment on a
translated page gets the errors back in their language, on the translated
page, with everything they typed kept and nothing stored."""

from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

import pytest

from comments.models import Comment
from tests.comments.public_helpers import demo_post, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_start():
    """Empty rate-limit counters, and English again after a request in another language."""
    cache.clear()
    yield
    translation.activate("en")


# The error summary's heading, the form's button and the page direction.
PAGE_WORDS = {
    "pl": ("Wystąpił problem", "Wyślij komentarz", "ltr"),
    "ur": ("ایک مسئلہ ہے", "تبصرہ بھیجیں", "rtl"),
}
ENGLISH_ERRORS = [
    "There is a problem",
    "Write your comment",
    "Enter your name",
    "Enter an email address like",
    "Post comment",
]


def translated_post(code):
    return demo_post().get_translation(Locale.objects.get(language_code=code))


def post_in(client, code, page, **typed):
    """Posts the comment form of `page` under the /<code>/ prefix, as its page does."""
    return client.post(
        f"/{code}{reverse('public_comments:post', args=[page.pk])}", form_data(**typed)
    )


@pytest.mark.parametrize(
    "code, field, value, message",
    [
        ("pl", "body", "", "Napisz komentarz."),
        ("pl", "email", "ruth(at)example", "Wpisz adres e-mail w formacie"),
        ("ur", "body", "", "اپنا تبصرہ لکھیں۔"),
        ("ur", "name", "", "اپنا نام لکھیں، یا وہ نام"),
    ],
)
def test_errors_on_a_translated_post_come_back_in_its_language_with_the_words_kept(
    client, demo, code, field, value, message
):
    heading, button, direction = PAGE_WORDS[code]
    page = translated_post(code)
    before = Comment.objects.count()
    typed = {
        "name": "Agnieszka Nowak",
        "email": "agnieszka@example.org",
        "body": "Czy sobotni targ przyjmuje karty?\nPytam dla sąsiadki.",
    }
    typed[field] = value
    response = post_in(client, code, page, **typed)

    assert response.status_code == 400
    assert Comment.objects.count() == before, "nothing stored half-way"
    text = response.content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in text
    # The summary and the field's own message are in the page's language...
    assert heading in text
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{message}' in text
    assert f'<li><a href="#id_{field}">{message}' in text
    # ...and not in English.
    for english in ENGLISH_ERRORS:
        assert english not in text
    # The button is translated too, and what was typed is still in the form.
    assert button in text
    for other, kept in typed.items():
        if other != field:
            assert kept in text
