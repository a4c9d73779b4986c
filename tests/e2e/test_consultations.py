"""A resident answers the Food Partnership's open consultation on a 360 px
phone and sees "Thank you"; a closed consultation shows its figures as text,
its three-part outcome and no form; another network's editor is refused its
responses. axe finds no serious or critical violation on the index, an open
page, a closed page and the thank-you page."""

import pytest
from playwright.sync_api import expect

from tests.a11y import assert_accessible
from tests.e2e.conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

COOP = "/networks/food-partnership/should-we-become-a-co-operative/"
CLOSED = "/networks/food-partnership/food-partnership-priorities/"


def test_a_resident_answers_on_a_phone_and_a_closed_one_shows_its_outcome(site_url, phone_page):
    tab = phone_page
    tab.goto(site_url + "/consultations/")
    expect(tab.get_by_role("heading", level=1, name="Consultations")).to_be_visible()
    assert_accessible(tab)
    screenshot(tab, "consultations-index-phone")

    tab.goto(site_url + COOP)
    expect(tab.get_by_text("Open", exact=True).first).to_be_visible()
    assert_accessible(tab)
    screenshot(tab, "consultation-open-phone")
    tab.get_by_label("Why should we not become a co-operative?").fill(
        "It sounds like more meetings and less growing."
    )
    tab.get_by_role("group", name="What worries you most").get_by_label(
        "More meetings and paperwork"
    ).check()
    tab.get_by_label("Growers and producers").check()
    tab.get_by_role("group", name="annual general meeting").get_by_label("Maybe").check()
    tab.get_by_role("group", name="May we publish").get_by_label("No").check()
    tab.wait_for_timeout(3500)  # the fill-in clock: faster than a person is refused
    tab.get_by_role("button", name="Submit response").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Thank you")
    expect(tab.get_by_text("It sounds like more meetings and less growing.")).to_be_visible()
    assert_accessible(tab)
    screenshot(tab, "consultation-thanks-phone")

    tab.goto(site_url + CLOSED)
    for heading in ("We asked", "You said", "We did", "Results"):
        expect(tab.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    expect(tab.get_by_role("cell", name="50%").first).to_be_visible()
    expect(tab.get_by_role("button", name="Submit response")).to_have_count(0)
    assert_accessible(tab)
    screenshot(tab, "consultation-closed-phone")


def test_another_networks_editor_is_refused_the_responses(site_url, page):
    from consultations.models import ConsultationPage

    coop = ConsultationPage.objects.get(
        slug="should-we-become-a-co-operative", locale__language_code="en"
    )
    log_in(page, site_url, "digital-practitioners-editor")
    response = page.goto(f"{site_url}/admin/forms/submissions/{coop.pk}/")
    assert response.status == 403 or "permission" in page.content().lower()
    response = page.goto(f"{site_url}/admin/forms/submissions/{coop.pk}/?export=csv")
    assert response.status in (302, 403) or "permission" in page.content().lower()
