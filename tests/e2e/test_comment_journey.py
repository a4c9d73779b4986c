"""The heart of Commons in a real browser: a resident comments, the comment is
held, the network's moderator approves it in the admin, and it appears, with
the resident's email address nowhere in the page."""

import re

import pytest
from playwright.sync_api import expect

from tests.a11y import assert_accessible
from tests.e2e.conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "amira.resident@example.org"
TEXT = "Could the Saturday food share start at ten, so parents can come after swimming?"


def first_post_url(site_url):
    from blog.models import BlogPostPage
    from networks.models import NetworkPage

    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    post = BlogPostPage.objects.live().child_of(network).order_by("-date").first()
    return site_url + post.url


def post_comment(tab, url, *, name, email, text):
    tab.goto(url)
    tab.get_by_label("Name", exact=True).fill(name)
    tab.get_by_label(re.compile(r"^Email")).first.fill(email)
    tab.get_by_label("Comment", exact=True).fill(text)
    # The form refuses anything filled in faster than a person could.
    tab.wait_for_timeout(3200)
    tab.get_by_role("button", name="Post comment").click()


def test_resident_comment_is_held_then_approved_by_the_networks_moderator(browser, site_url):
    resident = browser.new_context(viewport={"width": 360, "height": 780}, bypass_csp=True)
    tab = resident.new_page()
    url = first_post_url(site_url)
    post_comment(tab, url, name="Amira", email=EMAIL, text=TEXT)
    assert "held for moderation" in tab.content()
    assert TEXT in tab.content()  # shown back to its writer
    screenshot(tab, "comment-held-phone")
    assert_accessible(tab)

    # Another visitor does not see it.
    visitor = browser.new_context(bypass_csp=True).new_page()
    visitor.goto(url)
    assert TEXT not in visitor.content()

    # The network's moderator approves it from the queue.
    moderator = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(moderator, site_url, "food-partnership-moderator")
    # The menu item is still named "Comments"; the badge beside it says how
    # many wait, and screen readers hear it as the link's description.
    menu_item = moderator.get_by_role("link", name="Comments", exact=True)
    waiting = int(menu_item.get_attribute("data-comments-waiting"))
    assert waiting >= 1
    assert menu_item.get_attribute("aria-description").startswith(f"{waiting} comment")
    menu_item.click()
    other_pending = moderator.get_by_text("Will the vote be online?")
    expect(other_pending).to_be_visible()
    moderator.get_by_role("textbox", name=re.compile("Search")).first.fill("Saturday food share")
    moderator.keyboard.press("Enter")
    moderator.wait_for_load_state()
    # The search narrows the queue to the one comment (Wagtail refreshes the
    # listing in place, so wait for the other pending comments to go).
    expect(other_pending).to_have_count(0)
    row = moderator.get_by_role("row").filter(has_text="Saturday food share")
    expect(row).to_have_count(1)
    screenshot(moderator, "comment-queue-desktop")
    row.get_by_role("button", name="Approve").click()
    moderator.wait_for_load_state()

    # Now everyone sees it, and the email address is nowhere in the page.
    visitor.goto(url)
    html = visitor.content()
    assert TEXT in html
    assert EMAIL not in html
    assert "amira.resident" not in html
