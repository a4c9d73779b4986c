"""Wagtail admin views that answered one network's staff with another
network's pages (draft titles included), found by probing every admin URL
with another network's ids: the page chooser's "chosen" answer and its
browsing, the "Page types usage" report and wagtail-localize's "Translations"
report. Each test shows the leak is closed for the wrong role and that the
right role still gets what they need."""

from django.urls import reverse

from wagtail.models import Locale

import pytest

pytestmark = pytest.mark.django_db

CHOSEN = reverse("wagtailadmin_choose_page_chosen_multiple")


def test_the_chooser_answers_nothing_about_another_networks_page(worlds, as_role):
    a, b = worlds["A"], worlds["B"]
    client = as_role("editor A")
    html = client.get(CHOSEN, {"id": [b.page.pk, a.page.pk]}).content.decode()
    assert b.draft_title not in html
    assert a.draft_title in html  # their own page is still chosen
    assert as_role("admin").get(CHOSEN, {"id": b.page.pk}).status_code == 200
    assert b.draft_title in as_role("admin").get(CHOSEN, {"id": b.page.pk}).content.decode()


def test_the_chooser_ignores_ids_that_are_not_numbers(worlds, as_role):
    response = as_role("editor A").get(CHOSEN, {"id": ["abc", worlds["A"].page.pk]})
    assert response.status_code == 200
    assert worlds["A"].draft_title in response.content.decode()


@pytest.mark.parametrize("role", ["editor A", "moderator A"])
def test_browsing_another_networks_page_in_the_chooser_starts_from_the_root(worlds, as_role, role):
    b = worlds["B"]
    client = as_role(role)
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[b.page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert b.draft_title not in html
    assert b.network.title not in html


def test_browsing_their_own_networks_page_in_the_chooser_is_unchanged(worlds, as_role):
    a = worlds["A"]
    url = reverse("wagtailadmin_choose_page_child", args=[a.page.pk])
    assert a.draft_title in as_role("editor A").get(url).content.decode()


def test_the_page_types_usage_report_is_for_site_admins(worlds, as_role):
    b = worlds["B"]
    b.page.title = "Secret B draft title"
    b.page.save_revision()
    url = reverse("wagtailadmin_reports:page_types_usage")
    client = as_role("editor A")
    response = client.get(url)
    assert "Secret B draft title" not in response.content.decode()
    assert response.status_code in (302, 403)
    results = client.get(reverse("wagtailadmin_reports:page_types_usage_results"))
    assert "Secret B draft title" not in results.content.decode()
    assert "page-types-usage" not in client.get("/admin/").content.decode()
    admin = as_role("admin")
    assert "Secret B draft title" in admin.get(url).content.decode()


def test_the_translations_report_lists_only_what_the_user_may_change(worlds, as_role):
    a = worlds["A"]
    polish = a.network.get_translation(Locale.objects.get(language_code="pl"))
    polish.title = "Tajny szkic sieci A"
    polish.save_revision()
    url = reverse("wagtail_localize:translations_report")
    for role in ("editor B", "moderator B"):
        html = as_role(role).get(url).content.decode()
        assert "Tajny szkic sieci A" not in html
    assert "Tajny szkic sieci A" in as_role("editor A").get(url).content.decode()
    assert "Tajny szkic sieci A" in as_role("admin").get(url).content.decode()
    results = reverse("wagtail_localize:translations_report_results")
    assert "Tajny szkic sieci A" not in as_role("editor B").get(results).content.decode()


def test_the_translations_report_is_offered_to_editors_not_to_moderators(worlds, as_role):
    url = reverse("wagtail_localize:translations_report")
    assert url in as_role("editor A").get("/admin/").content.decode()
    assert url not in as_role("moderator A").get("/admin/").content.decode()
