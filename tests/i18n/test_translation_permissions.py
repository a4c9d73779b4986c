"""A network editor can translate their own network's pages and no one
else's, in wagtail-localize's editor.

Written against the networks contract: the group "<network title> editors"
has page permissions on its NetworkPage and `<network-slug>-editor` is in it.
The `network_permissions` fixture grants them where the networks app has not
(yet) done so, so these tests hold before and after that work lands."""

import re

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import TranslationSource

import pytest

from networks.models import NetworkPage

pytestmark = pytest.mark.django_db


def refused(response):
    """Returns True if the admin refused: Wagtail answers PermissionDenied
    with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == "/admin/"
    )


def english(slug):
    return Page.objects.get(slug=slug, locale__language_code="en")


@pytest.fixture
def network_permissions(demo):
    """The networks contract: each network's editors may add, change and
    publish pages in their network."""
    for network in NetworkPage.objects.filter(locale__language_code="en"):
        group = Group.objects.get(name=f"{network.title} editors")
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.get_or_create(
                page=network,
                group=group,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )


def test_editor_can_open_translate_for_their_own_networks_page(client, login, network_permissions):
    login("food-partnership-editor")
    post = english("food-partnership").get_children().first()
    response = client.get(f"/admin/localize/submit/page/{post.pk}/")
    assert response.status_code == 200


def test_editor_cannot_translate_another_networks_page(client, login, network_permissions):
    login("food-partnership-editor")
    other = english("digital-practitioners")
    bengali = Locale.objects.get(language_code="bn")
    response = client.post(f"/admin/localize/submit/page/{other.pk}/", {"locales": [bengali.pk]})
    assert refused(response)
    assert not other.has_translation(bengali)


def test_editor_translates_their_own_network_into_bengali(client, login, network_permissions):
    login("food-partnership-editor")
    network = english("food-partnership")
    bengali = Locale.objects.get(language_code="bn")
    # The Bengali networks directory exists (the demo translates every section).
    response = client.post(f"/admin/localize/submit/page/{network.pk}/", {"locales": [bengali.pk]})
    assert response.status_code == 302
    translated = network.get_translation(bengali)
    # ... and they may go on to edit it in wagtail-localize's editor.
    response = client.get(f"/admin/pages/{translated.pk}/edit/")
    assert response.status_code == 200
    # wagtail-localize's translation editor, not Wagtail's plain page editor.
    assert "wagtail_localize/js/wagtail-localize.js" in response.content.decode()


def test_editor_can_edit_their_networks_existing_translation_but_no_other_page(
    client, login, network_permissions
):
    login("food-partnership-editor")
    polish = Locale.objects.get(language_code="pl")
    own = english("food-partnership").get_translation(polish)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    about = english("about").get_translation(polish)
    assert refused(client.get(f"/admin/pages/{about.pk}/edit/"))


def test_editor_cannot_sync_another_networks_translations(client, login, network_permissions):
    login("digital-practitioners-editor")
    source = TranslationSource.objects.get_for_instance(english("food-partnership"))
    synced_at = source.last_updated_at
    response = client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    assert refused(response)
    source.refresh_from_db()
    assert source.last_updated_at == synced_at
    assert refused(client.get(f"/admin/localize/update/{source.pk}/"))


def test_editor_can_sync_their_own_networks_translations(client, login, network_permissions):
    login("food-partnership-editor")
    source = TranslationSource.objects.get_for_instance(english("food-partnership"))
    assert client.get(f"/admin/localize/update/{source.pk}/").status_code == 200


def test_translations_carry_their_sources_page_permissions(network_permissions):
    network = english("food-partnership")
    for translation in network.get_translations():
        assert set(
            GroupPagePermission.objects.filter(page=translation).values_list(
                "group__name", "permission__codename"
            )
        ) == set(
            GroupPagePermission.objects.filter(page=network).values_list(
                "group__name", "permission__codename"
            )
        )


TRANSLATION_LINK = re.compile(r'href="/admin/localize/(?:submit/page|update)/(\d+)/')


def translation_links(response):
    """The pages (by id) and translation sources (by id) an admin page offers
    to translate or sync, as one set of ("submit" | "update", id) pairs."""
    html = response.content.decode()
    return {
        ("update" if "/update/" in match.group(0) else "submit", int(match.group(1)))
        for match in TRANSLATION_LINK.finditer(html)
    }


def source_id(page):
    return TranslationSource.objects.get_for_instance(page).pk


def test_translate_and_sync_buttons_show_only_on_pages_the_editor_may_edit(
    client, login, network_permissions
):
    home = english("home")
    network = english("food-partnership")
    login("food-partnership-editor")
    # Their network's explorer offers to translate it (there is no Bengali
    # copy) and to sync its translations (Polish and Urdu).
    links = translation_links(client.get(f"/admin/pages/{network.pk}/"))
    assert ("submit", network.pk) in links
    assert ("update", source_id(network)) in links
    # The home page, which they may browse through but not edit, offers
    # neither; nor does the networks directory in its listing.
    links = translation_links(client.get(f"/admin/pages/{home.pk}/"))
    assert ("update", source_id(home)) not in links
    assert ("update", source_id(english("networks"))) not in links


def test_a_site_admin_still_sees_the_translate_and_sync_buttons_everywhere(client, login, demo):
    home = english("home")
    login("admin")
    links = translation_links(client.get(f"/admin/pages/{home.pk}/"))
    assert ("update", source_id(home)) in links
    assert ("update", source_id(english("networks"))) in links
