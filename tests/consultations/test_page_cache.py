"""A consultation's page, page-cached for anonymous readers, shows its
outcome and each published answer on the next request."""

import datetime

from django.test import Client

import pytest

from consultations.models import ConsultationResponse

pytestmark = pytest.mark.django_db


def state(response):
    return response.get("X-Page-Cache", "")


def test_outcome_and_published_answers_show_on_the_next_request(make_consultation, now, settings):
    settings.PAGE_CACHE_SECONDS = 600
    page = make_consultation(
        opens_at=now - datetime.timedelta(days=10), closes_at=now - datetime.timedelta(days=1)
    )
    Client().get(page.url)
    assert state(Client().get(page.url)) == "hit"

    page.we_asked = "Which colour should the new stall be?"
    page.outcome_published_at = now - datetime.timedelta(hours=1)
    page.save_revision().publish()
    outcome = Client().get(page.url)
    assert state(outcome) != "hit"
    assert "Which colour should the new stall be?" in outcome.content.decode()

    answer = ConsultationResponse.objects.create(
        page=page,
        form_data={"which_colour": "Red", "why": "Red is easy to spot from the bus stop."},
        name="Grace",
        email="grace@example.org",
        may_publish=True,
        publication="pending",
    )
    assert state(Client().get(page.url)) == "hit"
    answer.approve()
    published = Client().get(page.url)
    assert state(published) != "hit"
    assert "Red is easy to spot from the bus stop." in published.content.decode()


def test_no_page_is_kept_past_a_consultation_closing(make_consultation, now, settings):
    from home import page_cache

    settings.PAGE_CACHE_SECONDS = 600
    page = make_consultation(
        opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(seconds=120)
    )
    closing = now + datetime.timedelta(seconds=120)
    assert page_cache.next_change() == closing
    assert 0 < page_cache.lifetime() <= 120
    page.closes_at = now + datetime.timedelta(days=3)
    page.save_revision().publish()  # the closing date moved: worked out again
    assert page_cache.next_change() != closing
