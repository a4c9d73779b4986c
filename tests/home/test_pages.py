"""The demo site answers every visitor, with its navigation and error pages."""

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


def test_every_live_demo_page_answers_an_anonymous_visitor(client, demo):
    pages = Page.objects.live().public().filter(depth__gte=2).specific()
    assert pages.count() >= 10
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, f"{page.url} answered {response.status_code}"


@pytest.mark.parametrize("name", ["Networks", "Blog", "Consultations", "Events"])
def test_main_navigation_links_are_present(client, demo, name):
    response = client.get("/")
    html = response.content.decode()
    nav = html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert f">{name}</a>" in nav


def test_pages_carry_skip_link_search_and_footer(client, demo):
    html = client.get("/about/").content.decode()
    assert 'href="#main"' in html
    assert 'role="search"' in html
    for label in ("House rules", "Privacy", "About"):
        assert f">{label}</a>" in html


def test_missing_page_gets_404_in_the_site_look(client, demo, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="main-nav"' in html
    assert "Go to the home page" in html


def test_search_finds_live_pages_only(client, demo):
    from home.models import StandardPage

    draft = StandardPage(title="Secret allotment plans", slug="secret-plans", live=False)
    demo.add_child(instance=draft)
    response = client.get("/search/", {"q": "house rules"})
    assert response.status_code == 200
    assert "House rules" in response.content.decode()
    response = client.get("/search/", {"q": "Secret allotment"})
    assert "Secret allotment plans" not in response.content.decode()


def result_count(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200, query
    return response.context["page_obj"].paginator.count


@pytest.mark.parametrize("query", ['"', 'a"b', '"food', "\x00", '""', "*", "(", "NOT", "x" * 300])
def test_search_takes_any_typing_without_an_error(client, demo, query):
    result_count(client, query)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("food & health", "food health"),
        ("network #", "network"),
        ("accountability — trust", "accountability trust"),
        ('"network', "network"),
    ],
)
def test_search_ignores_stray_punctuation(client, demo, typed, meant):
    assert result_count(client, typed) == result_count(client, meant) > 0


def test_search_page_links_keep_an_awkward_query(client, demo):
    html = client.get("/search/", {"q": "network#"}).content.decode()
    assert "Page 1 of 2" in html
    assert 'href="?q=network%23&amp;page=2"' in html


def test_empty_search_shows_the_form_without_results(client, demo):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "What are you looking for?" in response.content.decode()


def test_health_check_answers_without_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_logged_in_staff_see_the_userbar_and_visitors_do_not(client, demo, login):
    assert "w-userbar" not in client.get("/about/").content.decode()
    login("admin")
    html = client.get("/about/").content.decode()
    assert "w-userbar" in html
    assert "/admin/pages/" in html  # the "Edit this page" link


@pytest.mark.parametrize(
    ("language", "heading", "direction"),
    [("en", "Something went wrong", "ltr"), ("ur", "کچھ غلط ہو گیا", "rtl")],
)
def test_the_500_page_speaks_the_readers_language(rf, language, heading, direction):
    from django.utils import translation

    from home.views import server_error

    with translation.override(language):
        response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f"<h1>{heading}</h1>" in html
