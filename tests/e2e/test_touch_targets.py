"""Touch targets on a 360 px phone (WCAG 2.2 AA 2.5.8): every control a
resident uses on a post, its comments and the report form is at least
24×24 px, and the main ones (language links, Reply, Report, buttons, the
report's reasons) at least 44×44. Links inside running text are exempt, as
the criterion says."""

import pytest

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)

POST = "/networks/food-partnership/first-post/"

# Controls a reader taps, outside running text, and whether each is a main one.
CONTROLS = """
(selectors) => selectors.flatMap(([selector, main]) =>
  Array.from(document.querySelectorAll(selector))
    .filter(e => e.offsetParent !== null && !e.closest('.form-trap, .visually-hidden'))
    .map(e => {
      const target = e.closest('.field--radio, .field--checkbox') || e;
      const box = target.getBoundingClientRect();
      return {selector, main, text: (e.innerText || e.name || e.id || '').trim().slice(0, 40),
              width: Math.round(box.width), height: Math.round(box.height)};
    }))
"""

POST_CONTROLS = [
    [".language-switcher a", True],
    [".comment__actions a", True],
    ["#comments button", True],
    ["#comments input[type=checkbox]", False],
    ["#comments input[type=text], #comments input[type=email], #comments textarea", True],
    [".site-header a, .site-header button, .site-header input", False],
]
REPORT_CONTROLS = [
    [".field--radio input", True],
    ["main button", True],
    ["main textarea", True],
]


def too_small(controls):
    """Returns the controls under their minimum size."""
    return [
        control
        for control in controls
        if min(control["width"], control["height"]) < (44 if control["main"] else 24)
    ]


def test_controls_on_a_post_and_its_comments_are_big_enough_at_360px(phone_page, site_url):
    phone_page.goto(site_url + POST)
    controls = phone_page.evaluate(CONTROLS, POST_CONTROLS)
    assert {control["selector"] for control in controls} >= {
        ".language-switcher a",
        ".comment__actions a",
        "#comments button",
    }
    assert too_small(controls) == [], too_small(controls)
    screenshot(phone_page, "touch-targets-post-360")


def test_the_report_forms_reasons_and_button_are_big_enough_at_360px(phone_page, site_url):
    from comments.models import Comment

    comment = Comment.objects.approved().filter(page__url_path__endswith="first-post/").first()
    phone_page.goto(f"{site_url}/comments/report/{comment.pk}/")
    controls = phone_page.evaluate(CONTROLS, REPORT_CONTROLS)
    assert len([c for c in controls if c["selector"] == ".field--radio input"]) == 4
    assert too_small(controls) == [], too_small(controls)
    screenshot(phone_page, "touch-targets-report-360")
