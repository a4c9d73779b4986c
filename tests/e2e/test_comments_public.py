"""A resident comments in a real browser, on a phone and a desktop: the form
is accessible, errors are summarised and focused, a posted comment is held for
moderation and shown to its writer alone. (The moderator's half of the journey
lives with the admin queue.)"""

import pytest

from tests.a11y import assert_accessible
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)

POST = "/networks/food-partnership/first-post/"


@pytest.fixture
def quick_form(site_url):
    """One second is enough to fill in the form in these tests (3 by default)."""
    from home.models import SiteSettings

    settings = SiteSettings.load()
    settings.min_fill_seconds = 1
    settings.save()
    return site_url


@pytest.mark.parametrize("tab_name", ["page", "phone_page"])
def test_a_post_with_comments_is_accessible_and_fits_the_screen(request, site_url, tab_name):
    tab = request.getfixturevalue(tab_name)
    tab.goto(site_url + POST)
    assert tab.get_by_role("heading", name="5 comments").is_visible()
    # Nothing in the comments section reaches past the screen's edge. (The
    # whole document is the site frame's business: its header is checked there.)
    widest = tab.evaluate(
        "Math.max(...Array.from(document.querySelectorAll('#comments *'))"
        ".filter(e => e.offsetParent !== null && !e.closest('.form-trap'))"
        ".map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= tab.viewport_size["width"]
    assert_accessible(tab)
    screenshot(tab, f"comments-post-{tab.viewport_size['width']}")


@pytest.mark.parametrize("tab_name", ["page", "phone_page"])
def test_errors_are_summarised_focused_and_keep_what_was_typed(request, quick_form, tab_name):
    tab = request.getfixturevalue(tab_name)
    tab.goto(quick_form + POST)
    tab.get_by_label("Name", exact=True).fill("Ruth Adeyemi")
    tab.get_by_label("Comment", exact=True).fill("A comment without an email address.")
    tab.get_by_label("Email", exact=True).fill("ruth@")
    tab.wait_for_timeout(1100)
    tab.get_by_role("button", name="Post comment").click()
    summary = tab.locator("[data-error-summary]")
    summary.wait_for()
    assert tab.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert "Enter an email address like name@example.com." in summary.inner_text()
    email = tab.get_by_label("Email", exact=True)
    assert email.get_attribute("aria-invalid") == "true"
    assert tab.get_by_label("Comment", exact=True).input_value() == (
        "A comment without an email address."
    )
    # The summary's link takes keyboard users to the field.
    summary.get_by_role("link").first.click()
    assert tab.evaluate("document.activeElement.id") == "id_email"
    assert_accessible(tab)
    screenshot(tab, f"comments-form-errors-{tab.viewport_size['width']}")


@pytest.mark.parametrize("tab_name", ["page", "phone_page"])
def test_a_resident_posts_and_sees_it_held_and_nobody_else_does(
    request, browser, quick_form, tab_name
):
    tab = request.getfixturevalue(tab_name)
    width = tab.viewport_size["width"]
    words = f"Could the Saturday market take card payments? ({width})"
    tab.goto(quick_form + POST)
    tab.get_by_label("Name", exact=True).fill("Ruth Adeyemi")
    tab.get_by_label("Email", exact=True).fill(f"ruth.{width}@example.org")
    tab.get_by_label("Comment", exact=True).fill(words)
    tab.get_by_label("Email me when my comment is published or answered").check()
    tab.wait_for_timeout(1100)
    tab.get_by_role("button", name="Post comment").click()
    tab.get_by_text("held for moderation").first.wait_for()
    assert tab.get_by_text(words).is_visible()
    assert f"ruth.{width}@example.org" not in tab.content()
    assert_accessible(tab)
    screenshot(tab, f"comments-held-{width}")

    stranger = browser.new_context().new_page()
    stranger.goto(quick_form + POST)
    assert words not in stranger.content()
    assert "held for moderation" in stranger.content()  # the form's general note only
    assert stranger.get_by_text(words).count() == 0
    stranger.context.close()


def test_the_report_form_is_accessible_with_and_without_errors(page, site_url):
    from comments.models import Comment

    # A comment on a page that still takes comments (and so reports).
    comment = next(c for c in Comment.objects.public() if c.page.specific.comments_are_open())
    page.goto(f"{site_url}/comments/report/{comment.pk}/")
    assert_accessible(page)
    page.get_by_role("button", name="Send report").click()
    page.locator("[data-error-summary]").wait_for()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert_accessible(page)
    page.get_by_label("Off topic").check()
    page.get_by_role("button", name="Send report").click()
    page.get_by_text("A moderator will look at this comment").wait_for()
