"""The consultation listings (the index, the home page's and a network
page's open consultations) are kept as fragments with the page cache off
(as the tests run): a consultation opening, closing or counting a day
fewer shows on the next request, however long the fragment was kept."""

import datetime

from django.test import Client

import pytest
import time_machine

pytestmark = pytest.mark.django_db

PATHS = ["/consultations/", "/", "/networks/food-partnership/"]


def text(path):
    return Client().get(path).content.decode()


def test_a_consultation_opening_and_closing_shows_on_the_next_request(make_consultation, now):
    page = make_consultation(
        title="Where should the new compost bins go?",
        opens_at=now + datetime.timedelta(hours=2),
        closes_at=now + datetime.timedelta(days=3, hours=2),
    )
    before = text("/consultations/")
    assert "Where should the new compost bins go?" in before
    assert "Where should the new compost bins go?" not in text("/")  # not open yet
    text("/networks/food-partnership/")
    with time_machine.travel(page.opens_at + datetime.timedelta(seconds=1), tick=False):
        for path in PATHS:
            assert "Where should the new compost bins go?" in text(path), path
        assert "closes in 3 days" in text("/consultations/")
    with time_machine.travel(page.closes_at - datetime.timedelta(hours=1), tick=False):
        assert "closes today" in text("/consultations/")
    with time_machine.travel(page.closes_at + datetime.timedelta(seconds=1), tick=False):
        assert "Where should the new compost bins go?" not in text("/")
        assert "Where should the new compost bins go?" not in text("/networks/food-partnership/")


def test_closes_in_n_days_counts_down_in_the_index(make_consultation, now):
    page = make_consultation(
        title="Opening hours of the food bank",
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=2, hours=1),
    )
    assert "closes in 2 days" in text("/consultations/")
    with time_machine.travel(page.closes_at - datetime.timedelta(days=1, hours=1), tick=False):
        assert "closes in 1 day" in text("/consultations/")
