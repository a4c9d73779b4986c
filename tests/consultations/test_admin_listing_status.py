"""A consultation's status in the admin's page listing (Wagtail shows each
page's `get_admin_display_title`): open with the days left, upcoming,
closed, results published."""

import datetime

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


def test_the_explorer_lists_each_consultation_with_its_status(
    client, login, make_consultation, now
):
    day = datetime.timedelta(days=1)
    closing = make_consultation(
        title="Closing soon",
        opens_at=now - day,
        closes_at=now + 3 * day + datetime.timedelta(hours=1),
    )
    make_consultation(title="Later on", opens_at=now + 5 * day, closes_at=now + 9 * day)
    make_consultation(title="All over", opens_at=now - 9 * day, closes_at=now - day)
    login("food-partnership-editor")
    html = client.get(reverse("wagtailadmin_explore", args=[closing.get_parent().pk])).content
    html = html.decode()
    assert "Closing soon (Open, closes in 3 days)" in html
    assert "Later on (Upcoming)" in html
    assert "All over (Closed)" in html
