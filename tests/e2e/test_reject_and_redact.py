"""A moderator in a real browser, on a desktop and a 360 px phone: rejects a
comment from its queue row with a ready-made reason (no JavaScript needed:
a disclosure with a form), and edits out a phone number before approving
another on its review page. Screenshots land in var/screenshots/."""

from django.contrib.auth import get_user_model

import pytest

from comments.demo import REJECTION_REASONS
from comments.models import Comment
from tests.comments.moderation_fixtures import FOOD, make_comment, post_in
from tests.e2e.conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

PHONE_NUMBER = "07700 900123"


@pytest.mark.parametrize("tab_name", ["page", "phone_page"])
def test_reject_from_the_row_with_a_reason(request, site_url, tab_name):
    tab = request.getfixturevalue(tab_name)
    comment = make_comment(post_in(FOOD), name="Row Rejectee", body="Buy cheap watches here.")
    log_in(tab, site_url, f"{FOOD}-moderator")
    tab.goto(f"{site_url}/admin/comments/?state=pending")
    row = tab.get_by_role("row").filter(has_text="Row Rejectee")
    row.locator("summary", has_text="Reject").click()
    row.get_by_label("Reason").select_option(REJECTION_REASONS[3])
    width = tab.viewport_size["width"]
    screenshot(tab, f"comment-reject-row-{width}")
    form = row.locator("form.comment-reject__form")
    box = form.bounding_box()
    assert box["x"] + box["width"] <= width  # nothing runs off a phone
    form.get_by_role("button", name="Reject").click()
    tab.wait_for_load_state()
    assert "Comment by “Row Rejectee” rejected." in tab.content()
    comment.refresh_from_db()
    assert comment.status == "rejected" and comment.decision_note == REJECTION_REASONS[3]


@pytest.mark.parametrize("tab_name", ["page", "phone_page"])
def test_edit_out_a_phone_number_and_approve(request, site_url, tab_name):
    tab = request.getfixturevalue(tab_name)
    comment = make_comment(
        post_in(FOOD), name="Dave Next Door", body=f"Ring Dave on {PHONE_NUMBER} for a plot."
    )
    log_in(tab, site_url, f"{FOOD}-moderator")
    tab.goto(f"{site_url}/admin/comments/{comment.pk}/")
    width = tab.viewport_size["width"]
    screenshot(tab, f"comment-review-reject-form-{width}")
    tab.get_by_label("Text to publish").fill("Ring Dave for a plot.")
    tab.get_by_label("Why you edited it").fill("We took out a phone number (house rule 4).")
    tab.get_by_role("button", name="Edit and approve").click()
    tab.wait_for_load_state()
    assert "edited and approved." in tab.locator(".messages").inner_text()
    tab.goto(f"{site_url}/admin/comments/{comment.pk}/")
    assert PHONE_NUMBER in tab.locator(".comment-review__original").inner_text()
    screenshot(tab, f"comment-review-edited-{width}")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED and PHONE_NUMBER not in comment.body
    assert comment.decided_by == get_user_model().objects.get(username=f"{FOOD}-moderator")
