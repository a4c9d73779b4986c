"""A network editor writes and publishes a post in the Wagtail admin, then
finds it on the blog index, on the network's page and in the network's feed.

Relies on the networks app's contract: "<network> editors" hold Wagtail's add,
change and publish page permissions on their NetworkPage, and the demo
account `<network-slug>-editor` belongs to that group."""

import re

import feedparser
import pytest
from playwright.sync_api import expect

from tests.a11y import assert_accessible
from tests.e2e.conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Harvest supper at the community kitchen"
BODY = "Bring a dish if you can, and come hungry if you can't."


def test_editor_writes_and_publishes_a_post_then_finds_it_everywhere(page, site_url):
    from networks.models import NetworkPage

    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    log_in(page, site_url, "food-partnership-editor")

    page.goto(f"{site_url}/admin/pages/add/blog/blogpostpage/{network.pk}/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_intro").fill("Our autumn supper is back, and everyone is welcome.")
    # Wagtail fills the slug from the title when the title loses focus; on a
    # busy machine publishing before it has done so is refused for want of one.
    expect(page.locator("#id_slug")).to_have_value(re.compile("^harvest-supper"))
    # The body: add a paragraph block and type into its rich text editor.
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    editor = body.locator("[role='textbox']").first
    editor.click()
    page.keyboard.type(BODY)
    # Wait until the rich text editor holds the text before publishing.
    expect(editor).to_contain_text(BODY)
    # Draftail copies its content into the block's hidden input a moment
    # later; publishing before that would save an empty paragraph.
    expect(page.locator("input[name='body-0-value']")).to_have_value(
        re.compile("Bring a dish"), timeout=15_000
    )
    tags = page.locator("[data-contentpath='tags'] .tagit-new input")
    tags.fill("harvest")
    tags.press("Enter")
    screenshot(page, "blog-editor-writing")

    # Publish sits in the menu beside "Save draft".
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"{site_url}/admin/pages/{network.pk}/**", timeout=45_000)
    expect(page.get_by_text(TITLE).first).to_be_visible()

    page.goto(f"{site_url}/blog/")
    page.get_by_role("link", name=TITLE).first.click()
    page.wait_for_url(f"{site_url}/networks/food-partnership/**")
    expect(page.get_by_role("heading", level=1, name=TITLE)).to_be_visible()
    expect(page.get_by_text(BODY)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "blog-editor-published")

    page.goto(f"{site_url}/networks/food-partnership/")
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()

    feed = page.request.get(f"{site_url}/blog/network/food-partnership/feed/rss/")
    parsed = feedparser.parse(feed.body())
    assert not parsed.bozo
    entry = next(entry for entry in parsed.entries if entry.title == TITLE)
    assert BODY.replace("'", "&#x27;") in entry.content[0].value or BODY in entry.content[0].value
    assert "harvest" in {tag.term for tag in entry.tags}
