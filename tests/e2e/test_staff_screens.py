"""The moderation queue and a network editor's dashboard, on a desktop and a
360 px phone: decisions sit beside the comment they act on, rows are set
apart, nothing runs off the screen. Screenshots land in var/screenshots/."""

import pytest

from tests.e2e.conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("tab_name", ["page", "phone_page"])
def test_the_queue_puts_each_decision_beside_its_comment(request, site_url, tab_name):
    tab = request.getfixturevalue(tab_name)
    log_in(tab, site_url, "food-partnership-moderator")
    tab.goto(f"{site_url}/admin/comments/?state=pending")
    rows = tab.locator(".comments-queue tbody tr")
    assert rows.count() >= 1
    for index in range(rows.count()):
        row = rows.nth(index)
        text = row.locator(".comment-cell").bounding_box()
        approve = row.get_by_role("button", name="Approve").bounding_box()
        if tab_name == "page":  # beside it, on the same line
            assert 0 <= approve["x"] - (text["x"] + text["width"]) < 40
        else:  # right under it
            assert 0 <= approve["y"] - (text["y"] + text["height"]) < 40
        assert approve["x"] + approve["width"] <= tab.viewport_size["width"]
    width = tab.viewport_size["width"]
    screenshot(tab, f"comment-queue-{width}")


@pytest.mark.parametrize("tab_name", ["page", "phone_page"])
def test_the_editors_dashboard_lists_their_network_once(request, site_url, tab_name):
    tab = request.getfixturevalue(tab_name)
    log_in(tab, site_url, "food-partnership-editor")
    tab.goto(f"{site_url}/admin/")
    assert tab.get_by_role("link", name="Add a page").count() == 1
    assert tab.get_by_text("comments waiting").count() == 1
    screenshot(tab, f"editor-dashboard-{tab.viewport_size['width']}")
