"""The site's own words in Polish, Bengali and Urdu: compiled from the .po
files by the set-up, complete, and used on every page in those languages."""

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

import polib
import pytest

LOCALE_DIR = Path(settings.BASE_DIR) / "site" / "locale"
LANGUAGES = ["pl", "bn", "ur"]
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_is_complete_and_keeps_every_placeholder(code):
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    assert po.untranslated_entries() == [], "run makemessages and translate the new strings"
    assert po.fuzzy_entries() == [], "a fuzzy entry is not used: check and unmark it"
    for entry in po.translated_entries():
        if entry.msgid_plural:
            # Form 0 is the singular (n == 1) in all three languages; every other
            # form answers to the plural source, which may name more placeholders.
            pairs = [
                (text, entry.msgid if index == 0 else entry.msgid_plural)
                for index, text in entry.msgstr_plural.items()
            ]
        else:
            pairs = [(entry.msgstr, entry.msgid)]
        for text, source in pairs:
            expected = sorted(PLACEHOLDER.findall(source))
            assert sorted(PLACEHOLDER.findall(text)) == expected, entry.msgid


@pytest.mark.parametrize(
    "code, plural_forms",
    [
        (
            "pl",
            "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) "
            "? 1 : 2);",
        ),
        ("bn", "nplurals=2; plural=(n != 1);"),
        ("ur", "nplurals=2; plural=(n != 1);"),
    ],
)
def test_catalogue_declares_the_languages_plural_forms(code, plural_forms):
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    assert po.metadata["Language"] == code
    assert po.metadata["Plural-Forms"] == plural_forms


def test_compile_translations_writes_mo_files_without_gnu_gettext(tmp_path, settings):
    from django.core.management import call_command

    po_dir = tmp_path / "locale" / "pl" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "pl"}
    po.append(polib.POEntry(msgid="Hello", msgstr="Dzień dobry"))
    po.save(str(po_dir / "django.po"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command("compile_translations", stdout=open("/dev/null", "w"))
    assert polib.mofile(str(po_dir / "django.mo")).find("Hello").msgstr == "Dzień dobry"


@pytest.mark.parametrize(
    "count, expected",
    [
        (1, "1 wynik dla"),
        (2, "2 wyniki dla"),
        (5, "5 wyników dla"),
        (12, "12 wyników dla"),
        (22, "22 wyniki dla"),
    ],
)
def test_polish_plurals_follow_polish_grammar(count, expected):
    with translation.override("pl"):
        text = translation.ngettext(
            "%(counter)s result for “%(query)s”.", "%(counter)s results for “%(query)s”.", count
        ) % {"counter": count, "query": "x"}
    assert text.startswith(expected)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, words",
    [
        ("/pl/", ["Przejdź do treści", "Zasady dyskusji", "Menu główne", "Co tu znajdziesz"]),
        ("/bn/", ["মূল লেখায় চলে যান", "আলোচনার নিয়ম", "প্রধান মেনু"]),
        ("/ur/", ["اصل مواد پر جائیں", "گفتگو کے اصول", "مرکزی مینو"]),
        ("/", ["Skip to main content", "House rules", "Find your way around"]),
    ],
)
def test_compiled_translations_are_used_under_the_language_prefix(client, demo, path, words):
    html = client.get(path).content.decode()
    for word in words:
        assert word in html


@pytest.mark.django_db
def test_search_page_speaks_polish_with_polish_plurals(client, demo):
    html = client.get("/pl/search/", {"q": "nic-takiego-nie-ma"}).content.decode()
    assert "Czego szukasz?" in html
    assert "0 wyników dla „nic-takiego-nie-ma”." in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, required, help_text",
    [
        ("pl", "To pole jest wymagane.", "Jedno lub dwa zdania o tym, czym jest ten serwis"),
        ("bn", "এটি আবশ্যক।", "এই সাইটটি কী আর কাদের জন্য"),
    ],
)
def test_page_form_errors_and_help_are_in_the_editors_language(
    client, demo, login, language, required, help_text
):
    from wagtail.users.models import UserProfile

    user = login("admin")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    response = client.post(
        f"/admin/pages/{demo.pk}/edit/",
        {"title": "", "slug": demo.slug, "intro": "", "body-count": "0"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert required in html
    assert help_text in html


def test_an_organisations_name_and_a_persons_name_are_worded_apart_in_polish():
    from blog.models import Person
    from networks.models import MemberOrganisation

    with translation.override("pl"):
        assert str(MemberOrganisation._meta.get_field("name").verbose_name) == "nazwa"
        assert str(Person._meta.get_field("name").verbose_name) == "imię i nazwisko"
