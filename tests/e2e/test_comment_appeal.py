"""Receipts and appeals in a real browser: a resident's comment is rejected
with a reason by the network's moderator; the resident opens the private
receipt link from the "held for moderation" message, reads the reason and
appeals; a site moderator (not the one who rejected it) overturns; the
comment appears on the page and the resident is emailed the outcome. The
receipt is screenshotted at 360 and 1280 px, in English and in Urdu (right
to left), and checked with axe."""

import re

from django.core import mail

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.a11y import assert_accessible
from tests.e2e.conftest import DESKTOP, PHONE, log_in, screenshot
from tests.e2e.test_comment_journey import first_post_url, post_comment

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "samira.appeal@example.org"
TEXT = "The community fridge on Elm Road is run by volunteers from number 12."
REASON = "Please do not name private addresses."
APPEAL = "Number 12 is the community centre, not a home."
OUTCOME = "You are right: it is the community centre."


def test_rejected_comment_is_appealed_and_overturned_by_a_site_moderator(browser, site_url):
    resident = browser.new_context(viewport=PHONE, bypass_csp=True, is_mobile=True)
    tab = resident.new_page()
    url = first_post_url(site_url)
    post_comment(tab, url, name="Samira", email=EMAIL, text=TEXT)
    assert "held for moderation" in tab.content()
    receipt_link = tab.get_by_role("link", name="your comment's receipt")
    receipt_path = receipt_link.get_attribute("href")
    assert receipt_path.startswith("/comments/receipt/")

    # The network's moderator rejects it with a reason.
    first = browser.new_context(viewport=DESKTOP).new_page()
    log_in(first, site_url, "food-partnership-moderator")
    comment = Comment.objects.get(body=TEXT)
    first.goto(f"{site_url}/admin/comments/{comment.pk}/")
    reject = first.locator("form.comment-review__reject")
    reject.get_by_label("Your own words").fill(REASON)
    reject.get_by_role("button", name="Reject", exact=True).click()
    first.wait_for_load_state()

    # The resident opens the receipt and reads the reason.
    tab.goto(site_url + receipt_path)
    expect(tab.get_by_role("heading", name="Your comment", exact=True)).to_be_visible()
    expect(tab.get_by_text("Not published.")).to_be_visible()
    expect(tab.get_by_text(REASON)).to_be_visible()
    expect(tab.get_by_role("link", name="Read our house rules")).to_be_visible()
    screenshot(tab, "comment-receipt-phone")
    assert_accessible(tab)
    wide = browser.new_context(viewport=DESKTOP, bypass_csp=True).new_page()
    wide.goto(site_url + receipt_path)
    screenshot(wide, "comment-receipt-desktop")
    # The same link in Urdu, right to left.
    for name, context in (("phone", tab), ("desktop", wide)):
        context.goto(f"{site_url}/ur{receipt_path}")
        assert context.locator("html").get_attribute("dir") == "rtl"
        screenshot(context, f"comment-receipt-ur-{name}")
    assert_accessible(wide)

    # The resident appeals, once.
    tab.goto(site_url + receipt_path)
    tab.get_by_label("Why should a moderator look again?").fill(APPEAL)
    tab.get_by_role("button", name="Send appeal").click()
    expect(tab.get_by_text("Another moderator will read your comment again")).to_be_visible()
    expect(tab.get_by_role("button", name="Send appeal")).to_have_count(0)

    # The moderator who rejected it may not decide the appeal.
    first.goto(f"{site_url}/admin/comments/?state=appeal")
    first.get_by_role("link", name="Decide appeal").first.click()
    expect(first.get_by_text("You rejected this comment")).to_be_visible()
    expect(first.get_by_role("button", name="Overturn and publish")).to_have_count(0)

    # A site moderator finds it in the queue as an appeal and overturns it.
    mail.outbox.clear()
    site_moderator = browser.new_context(viewport=DESKTOP).new_page()
    log_in(site_moderator, site_url, "moderator")
    site_moderator.goto(f"{site_url}/admin/comments/?state=appeal")
    row = site_moderator.get_by_role("row").filter(has_text="community fridge")
    expect(row).to_have_count(1)
    screenshot(site_moderator, "comment-queue-appeal-desktop")
    row.get_by_role("link", name="Decide appeal").click()
    expect(site_moderator.get_by_text(APPEAL)).to_be_visible()
    screenshot(site_moderator, "comment-appeal-decide-desktop")
    assert_accessible(site_moderator)
    site_moderator.get_by_label("Outcome note").fill(OUTCOME)
    site_moderator.get_by_role("button", name="Overturn and publish").click()
    expect(site_moderator.get_by_text(re.compile("Appeal overturned"))).to_be_visible()

    # The comment appears for everyone, and the resident is told.
    visitor = browser.new_context(bypass_csp=True).new_page()
    visitor.goto(url)
    assert TEXT in visitor.content()
    [told] = [message for message in mail.outbox if message.to == [EMAIL]]
    assert "your appeal succeeded" in told.body
    assert OUTCOME in told.body
    tab.goto(site_url + receipt_path)
    expect(tab.get_by_text("Your appeal succeeded: your comment is now published.")).to_be_visible()
