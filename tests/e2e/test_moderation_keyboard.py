"""Clearing the queue with the keyboard alone: Tab reaches a row's Approve
with a visible focus ring, Enter decides it in one step (no confirmation
page), and the moderator is back in the same filtered list at the next row."""

import pytest

from comments.models import Comment
from tests.e2e.conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(tab, name, limit=200):
    """Presses Tab until the focused element's accessible text is `name`;
    returns the number of presses."""
    for presses in range(1, limit + 1):
        tab.keyboard.press("Tab")
        text = tab.evaluate("document.activeElement && document.activeElement.innerText")
        if (text or "").strip() == name:
            return presses
    raise AssertionError(f"Tab never reached {name!r}")


def test_a_moderator_approves_with_the_keyboard_and_stays_in_place(site_url, page):
    first = Comment.objects.pending().order_by("created_at", "pk").first()
    log_in(page, site_url, "moderator")
    page.goto(f"{site_url}/admin/comments/?state=pending")
    tab_to(page, "Approve")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
    )
    assert outline[0] != "none" or outline[2] != "none", outline  # a visible focus ring
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/admin/comments/?state=pending" in page.url
    assert "#comment-" in page.url  # at the row that took its place
    assert page.get_by_text(f"Comment by “{first.name}” approved.").count() == 1
    first.refresh_from_db()
    assert first.status == Comment.Status.APPROVED
