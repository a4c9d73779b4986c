"""Reading the blog in a real browser, on a phone and at desktop width:
from the index to a tag page to a post, accessible all the way."""

import pytest
from playwright.sync_api import expect

from tests.a11y import assert_accessible
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)

MAIN_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('main *')]
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .map((el) => el.tagName + '.' + el.className);
}"""


@pytest.mark.parametrize("tab_fixture", ["phone_page", "page"])
def test_reader_goes_from_the_index_to_a_tag_to_a_post(request, site_url, tab_fixture):
    tab = request.getfixturevalue(tab_fixture)
    size = "phone" if tab_fixture == "phone_page" else "desktop"

    tab.goto(site_url + "/blog/")
    expect(tab.get_by_role("heading", level=1, name="Blog")).to_be_visible()
    assert tab.evaluate(MAIN_OVERFLOW) == []
    assert_accessible(tab)
    screenshot(tab, f"blog-index-{size}")

    tab.get_by_role("navigation", name="Tags").get_by_role("link", name="trust").click()
    tab.wait_for_url("**/blog/tag/trust/")
    expect(tab.get_by_role("heading", level=1, name="Posts tagged “trust”")).to_be_visible()
    assert tab.evaluate(MAIN_OVERFLOW) == []
    assert_accessible(tab)
    screenshot(tab, f"blog-tag-{size}")

    tab.get_by_role("link", name="A year of the community fridge").click()
    tab.wait_for_url("**/networks/food-partnership/a-year-of-the-community-fridge/")
    expect(
        tab.get_by_role("heading", level=1, name="A year of the community fridge")
    ).to_be_visible()
    expect(tab.get_by_text("Trust is not a policy.")).to_be_visible()
    assert tab.evaluate(MAIN_OVERFLOW) == []
    assert_accessible(tab)
    screenshot(tab, f"blog-post-{size}")


def test_a_post_with_a_table_fits_a_phone(phone_page, site_url):
    phone_page.goto(
        site_url + "/networks/food-partnership/five-reasons-not-to-become-a-co-operative/"
    )
    expect(phone_page.get_by_role("table")).to_be_visible()
    assert phone_page.evaluate(MAIN_OVERFLOW) == []
    assert_accessible(phone_page)
    screenshot(phone_page, "blog-post-table-phone")


def test_network_page_links_to_its_posts_and_feeds(page, site_url):
    page.goto(site_url + "/networks/young-people/")
    # The network's posts feed (its consultations have a feed of their own).
    rss = page.locator('head link[rel="alternate"][type="application/rss+xml"]').first
    assert rss.get_attribute("href") == "/blog/network/young-people/feed/rss/"
    page.get_by_role("link", name="All posts from Young People's Network").click()
    page.wait_for_url("**/blog/network/young-people/")
    expect(page.get_by_role("link", name="Ten clubs, ten hosts, one network")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "blog-network-posts-desktop")
