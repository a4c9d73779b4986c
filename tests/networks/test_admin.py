"""The network editor's admin: their dashboard panel and menu."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from home.models import StandardPage
from networks.models import NetworkPage

pytestmark = pytest.mark.django_db


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def test_editor_dashboard_shows_their_network_drafts_and_join_requests(client, demo):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    draft = StandardPage(title="Half-written plan", slug="plan", live=False)
    network.add_child(instance=draft)
    draft.save_revision()
    login(client, "food-partnership-editor")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Borough Food Partnership" in html
    assert "Half-written plan" in html
    assert "1 join request waiting" in html
    assert reverse("wagtailadmin_explore", args=[network.pk]) in html
    assert "Digital Practitioners Network" not in html
    assert "Join requests" in html  # the menu item


def test_pages_awaiting_approval_appear_on_the_dashboard(client, demo):
    network = NetworkPage.objects.get(slug="health-wellbeing", locale__language_code="en")
    editor = get_user_model().objects.get(username="health-wellbeing-editor")
    page = StandardPage(title="Please approve me", slug="approve-me", live=False)
    network.add_child(instance=page)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    login(client, "health-wellbeing-editor")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    section = html.split("Awaiting approval", 1)[1].split("Recent drafts", 1)[0]
    assert "Please approve me" in section


@pytest.mark.parametrize("username", ["food-partnership-moderator", "moderator"])
def test_moderators_get_no_editor_panel_and_no_join_requests(client, demo, username):
    login(client, username)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "join request waiting" not in html
    assert reverse("networks_join_requests:index") not in html
    response = client.get(reverse("networks_join_requests:index"))
    assert response.status_code in (302, 403)
    assert "Priya Shah" not in response.content.decode()


def test_requires_approval_is_only_offered_to_site_admins(client, demo):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    url = reverse("wagtailadmin_pages:edit", args=[network.pk])
    login(client, "food-partnership-editor")
    assert 'name="requires_approval"' not in client.get(url).content.decode()
    login(client, "admin")
    assert 'name="requires_approval"' in client.get(url).content.decode()


def form_values(html):
    """Returns what a browser would submit from the page's form, as it stands."""
    from html.parser import HTMLParser

    data = {}

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            name = a.get("name")
            if tag != "input" or not name or a.get("type") in ("submit", "button", "file"):
                return
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            data.setdefault(name, []).append(a.get("value", "on"))

    Collector().feed(html)
    return data


def test_saving_a_network_group_in_the_group_editor_keeps_its_rights(client, demo):
    from wagtail.models import GroupPagePermission

    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    group = network.moderators_group
    login(client, "admin")
    url = reverse("wagtailusers_groups:edit", args=[group.pk])
    html = client.get(url).content.decode()
    assert "This group belongs to the network" in html
    data = form_values(html)
    data["name"] = [group.name]
    response = client.post(url, data)
    assert response.status_code == 302, "the group editor accepted the form"
    assert GroupPagePermission.objects.filter(
        group=group, page=network, permission__codename="moderate_network"
    ).exists()
