"""The site frame in a real browser: accessible, readable on a phone."""

import pytest

from tests.a11y import assert_accessible
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("path", ["/", "/about/", "/no-such-page/"])
def test_axe_finds_no_serious_violation(page, site_url, path):
    page.goto(site_url + path)
    assert_accessible(page)


def test_home_page_on_a_phone_has_no_sideways_scroll(phone_page, site_url):
    phone_page.goto(site_url + "/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    screenshot(phone_page, "home-phone")


def test_home_page_at_desktop_width_shows_the_navigation(page, site_url):
    page.goto(site_url + "/")
    nav = page.get_by_role("navigation", name="Main")
    for name in ("Networks", "Blog", "Consultations", "Events"):
        assert nav.get_by_role("link", name=name).is_visible()
    screenshot(page, "home-desktop")


def test_skip_link_moves_focus_to_the_main_content(page, site_url):
    page.goto(site_url + "/about/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


@pytest.mark.parametrize("prefix", ["", "/ur"])
def test_a_pasted_link_in_search_does_not_widen_the_page_on_a_phone(phone_page, site_url, prefix):
    typed = "https://docs.google.com/forms/d/e/1FAIpQLSf-very-long-identifier-of-a-form/viewform"
    phone_page.goto(f"{site_url}{prefix}/search/?q={typed}")
    assert phone_page.get_by_role("status").is_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("path", ["/ur/search/?q=food", "/networks/?theme=food&area=Northside"])
def test_search_results_and_an_empty_directory_are_accessible(page, site_url, path):
    page.goto(site_url + path)
    assert_accessible(page)
