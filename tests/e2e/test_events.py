"""Events in a real browser, on a 360 px phone: a resident registers and
sees the confirmation (the email's .ics holds the event); a second joins the
waiting list of the now full event; the first cancels through the link in
their email and the second is promoted. axe finds nothing serious on the
index, the month view, an event and the registration pages."""

import re
import time

from django.core import mail
from django.utils import timezone

import icalendar
import pytest

from tests.a11y import assert_accessible
from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def register(tab, url, name, email):
    tab.goto(url)
    section = tab.locator("#register")
    section.get_by_label("Name").fill(name)
    section.get_by_label("Email", exact=True).fill(email)
    time.sleep(3.2)  # the fill-in clock: a person takes longer than a bot
    section.get_by_role("button", name="Register").click()
    tab.wait_for_url(re.compile(r"/registered/$"))


def test_register_wait_cancel_promote_on_a_phone(phone_page, site_url):
    from events.models import EventPage, Registration

    event = EventPage.objects.get(slug="youth-forum", locale__language_code="en")
    event.capacity = 1
    event.save_revision().publish()
    url = f"{site_url}{event.url}"
    tab = phone_page

    mail.outbox.clear()
    register(tab, url, "Asha", "asha@example.com")
    assert "You are registered" in tab.get_by_role("heading", level=1).inner_text()
    screenshot(tab, "events-registered-phone")
    assert_accessible(tab)
    (confirmation,) = [m for m in mail.outbox if m.to == ["asha@example.com"]]
    vevent = icalendar.Calendar.from_ical(confirmation.attachments[0][1]).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == event.title

    tab.goto(url)
    assert "waiting list" in tab.content()
    screenshot(tab, "events-event-full-phone")
    assert_accessible(tab)
    register(tab, url, "Bilal", "bilal@example.com")
    assert "waiting list" in tab.get_by_role("heading", level=1).inner_text()

    cancel_link = re.search(r"https?://\S+/registrations/cancel/\S+/", confirmation.body).group(0)
    tab.goto(site_url + "/registrations/cancel/" + cancel_link.split("/registrations/cancel/")[1])
    assert_accessible(tab)
    tab.get_by_role("button", name="Cancel my place").click()
    assert "cancelled" in tab.get_by_role("heading", level=1).inner_text()
    assert Registration.objects.get(email="bilal@example.com").status == "confirmed"
    assert any(
        m.to == ["bilal@example.com"] and "place has come up" in m.subject for m in mail.outbox
    )


def test_event_pages_are_accessible_on_a_phone_and_a_desktop(phone_page, page, site_url):
    today = timezone.localdate()
    paths = {
        "index": "/events/",
        "month": f"/events/month/{today.year}/{today.month}/",
        "event": "/networks/food-partnership/accessible-cooking/",
        "event-full": "/networks/food-partnership/volunteer-induction/",
        "event-polish": "/pl/networks/food-partnership/accessible-cooking/",
    }
    for tab, size in ((phone_page, "phone"), (page, "desktop")):
        for name, path in paths.items():
            tab.goto(site_url + path)
            screenshot(tab, f"events-{name}-{size}")
            assert_accessible(tab)
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= tab.viewport_size["width"], f"{name} scrolls sideways on a {size}"
    # The registration form with mistakes.
    phone_page.goto(site_url + paths["event"])
    phone_page.get_by_role("button", name="Register").click()
    assert "There is a problem" in phone_page.content()
    screenshot(phone_page, "events-register-errors-phone")
    assert_accessible(phone_page)
