"""Networks in a real browser: an editor publishes in their own network and
is refused in another; the directory, a network page and the join form read
well on a phone and at desktop width, and pass the accessibility check."""

import re

import pytest

from tests.a11y import assert_accessible
from tests.e2e.conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def page_id(slug, network_slug):
    from networks.models import NetworkPage

    network = NetworkPage.objects.get(slug=network_slug, locale__language_code="en")
    return network.get_children().get(slug=slug).pk


def test_editor_publishes_in_their_network_and_is_refused_in_another(page, site_url):
    own = page_id("first-post", "food-partnership")
    other = page_id("first-post", "digital-practitioners")
    log_in(page, site_url, "food-partnership-editor")

    page.goto(f"{site_url}/admin/pages/{own}/edit/")
    title = page.locator("#id_title")
    title.fill("Co-operative or not: your reasons, please")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name=re.compile("^Publish")).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))
    assert "has been published" in page.content()

    page.goto(f"{site_url}/networks/food-partnership/first-post/")
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Co-operative or not: your reasons, please"
    )

    page.goto(f"{site_url}/admin/pages/{other}/edit/")
    assert "/edit/" not in page.url
    assert "do not have permission" in page.content()
    screenshot(page, "networks-editor-refused")
    page.goto(f"{site_url}/admin/pages/")
    assert "Digital Practitioners Network" not in page.content()


@pytest.mark.parametrize("tab_fixture", ["phone_page", "page"])
@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("directory", "/networks/"),
        # English cards among Urdu ones, left to right inside a right-to-left page.
        ("directory-urdu", "/ur/networks/"),
        ("network", "/networks/health-wellbeing/"),
        ("join", "/networks/food-partnership/join/"),
    ],
)
def test_network_pages_read_well_and_are_accessible(request, site_url, tab_fixture, name, path):
    tab = request.getfixturevalue(tab_fixture)
    tab.goto(site_url + path)
    # The page's own content never scrolls sideways (the site header is the
    # site frame's, tested in test_site_frame.py).
    widest = tab.evaluate(
        "Math.max(...[...document.querySelectorAll('main *')]"
        ".map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= tab.viewport_size["width"]
    size = "phone" if tab_fixture == "phone_page" else "desktop"
    screenshot(tab, f"networks-{name}-{size}")
    assert_accessible(tab)


def test_join_form_explains_mistakes_and_keeps_what_was_typed(phone_page, site_url):
    # One second is enough to fill the form in here (a person gets 3 by default).
    from home.models import SiteSettings

    site_settings = SiteSettings.load()
    site_settings.min_fill_seconds = 1
    site_settings.save()
    tab = phone_page
    tab.goto(site_url + "/networks/food-partnership/join/")
    tab.get_by_label("Name", exact=True).fill("Ada Lovelace")
    tab.get_by_label("Email", exact=True).fill("not an address")
    tab.get_by_label("Why would you like to join?").fill("I bake bread.")
    tab.get_by_role("button", name="Send request").click()
    assert tab.get_by_text("Enter an email address like name@example.org.").first.is_visible()
    # Focus moves to the error summary, so the keyboard starts at the problem.
    assert tab.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert_accessible(tab)
    assert tab.get_by_label("Name", exact=True).input_value() == "Ada Lovelace"
    assert tab.get_by_label("Why would you like to join?").input_value() == "I bake bread."
    screenshot(tab, "networks-join-error-phone")
    tab.get_by_label("Email", exact=True).fill("ada@example.org")
    tab.wait_for_timeout(1100)
    tab.get_by_role("button", name="Send request").click()
    assert "Thank you" in tab.get_by_role("heading", level=1).inner_text()


def test_directory_filters_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site_url + "/networks/")
    tab.select_option("#filter-status", "forming")
    tab.get_by_role("button", name="Show networks").click()
    assert "status=forming" in tab.url
    assert "Young People's Network" in tab.content()
    assert "Borough Food Partnership" not in tab.content()
    context.close()
