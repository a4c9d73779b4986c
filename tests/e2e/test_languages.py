"""Languages in a real browser: switching, right-to-left Urdu, readable on a
phone and at desktop width, accessible in every language."""

import pytest

from tests.a11y import assert_accessible
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_switching_language_keeps_the_reader_on_the_same_page(page, site_url):
    page.goto(site_url + "/house-rules/")
    switcher = page.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name="Polski").click()
    page.wait_for_url(site_url + "/pl/house-rules/")
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.get_by_role("heading", level=1).inner_text() == "Zasady dyskusji"
    page.get_by_role("navigation", name="Język").get_by_role("link", name="اردو").click()
    page.wait_for_url(site_url + "/ur/house-rules/")
    assert page.locator("html").get_attribute("dir") == "rtl"


def test_urdu_reads_right_to_left(page, site_url):
    page.goto(site_url + "/ur/")
    assert page.locator("html").get_attribute("lang") == "ur"
    assert page.locator("html").get_attribute("dir") == "rtl"
    nav = page.get_by_role("navigation", name="مرکزی مینو")
    first, last = nav.get_by_role("link").first, nav.get_by_role("link").last
    # The first section sits on the right, the site name at the right edge.
    assert first.bounding_box()["x"] > last.bounding_box()["x"]
    name = page.locator(".site-name").bounding_box()
    assert name["x"] + name["width"] > 1280 / 2
    screenshot(page, "languages-ur-desktop")


@pytest.mark.parametrize("code", ["pl", "ur"])
def test_translated_home_page_fits_a_phone(phone_page, site_url, code):
    phone_page.goto(f"{site_url}/{code}/")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone_page, f"languages-{code}-phone")


def test_polish_home_page_at_desktop_width(page, site_url):
    page.goto(site_url + "/pl/")
    nav = page.get_by_role("navigation", name="Menu główne")
    for name in ("Sieci", "Blog", "Konsultacje", "Wydarzenia"):
        assert nav.get_by_role("link", name=name).is_visible()
    screenshot(page, "languages-pl-desktop")


@pytest.mark.parametrize("path", ["/pl/", "/ur/", "/bn/about/"])
def test_axe_finds_no_serious_violation_in_other_languages(page, site_url, path):
    page.goto(site_url + path)
    assert_accessible(page)


def test_untranslated_page_keeps_the_reader_there_with_a_notice_in_their_language(page, site_url):
    # Issue 13: this used to switch to the Bengali home page with no word of why.
    page.goto(site_url + "/networks/food-partnership/first-post/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="বাংলা").click()
    page.wait_for_url(site_url + "/networks/food-partnership/first-post/?unavailable=bn")
    assert page.locator("html").get_attribute("lang") == "en"
    notice = page.locator(".unavailable-notice")
    assert notice.get_attribute("lang") == "bn"
    assert "এই পৃষ্ঠাটি এখনও বাংলা ভাষায় পাওয়া যায় না।" in notice.inner_text()
