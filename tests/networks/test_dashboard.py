"""A network editor's dashboard: each network once, its languages inside,
with what waits in it (join requests, comments, pages to approve), the pages
scheduled to go live and when, and a page count of their own network."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

from wagtail.models import Page

import pytest

from comments.models import Comment
from home.models import StandardPage
from networks.models import NetworkPage
from networks.permissions import pages_in_network

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(demo):
    return NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")


def dashboard(client, login, username="food-partnership-editor"):
    login(username)
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_each_network_is_listed_once_with_its_languages_inside(client, login, network):
    assert network.get_translations().count() == 2  # Polish and Urdu
    html = dashboard(client, login)
    assert html.count(reverse("wagtailadmin_pages:add_subpage", args=[network.pk])) == 1
    assert html.count("Add a page") == 1
    assert html.count("join request waiting") + html.count("join requests waiting") == 1
    for translation in network.get_translations():
        assert reverse("wagtailadmin_explore", args=[translation.pk]) in html
    assert ">Polski</a>" in html


def test_the_panel_says_how_many_comments_wait_in_the_network(client, login, network):
    waiting = Comment.objects.filter(
        status=Comment.Status.PENDING, page__in=pages_in_network(network)
    ).count()
    assert waiting > 0
    html = dashboard(client, login)
    assert f"{waiting} comments waiting" in html
    assert f"?state=pending&amp;network={network.pk}" in html


def test_scheduled_pages_show_when_they_go_live(client, login, network):
    page = StandardPage(title="Spring open day", slug="spring-open-day", live=False)
    network.add_child(instance=page)
    page.go_live_at = datetime(2027, 6, 1, 9, 30, tzinfo=ZoneInfo("Europe/London"))
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    html = dashboard(client, login)
    section = html.split("Scheduled", 1)[1].split("Recent drafts", 1)[0]
    assert "Spring open day" in section
    assert "goes live 1 June 2027, 09:30" in section


def test_the_page_count_is_the_networks_not_the_whole_sites(client, login, network):
    html = dashboard(client, login)
    count = int(re.search(r"([\d,]+) Pages? <span", html).group(1).replace(",", ""))
    assert count == pages_in_network(network).count()
    assert count < Page.objects.count() - 1


def test_a_moderator_sees_no_network_editor_panel(client, login, network):
    html = dashboard(client, login, "food-partnership-moderator")
    assert "Add a page" not in html
    assert "Nothing is scheduled." not in html
