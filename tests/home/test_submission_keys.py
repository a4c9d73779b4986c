"""The fill-in clock is the key of one rendering of a form: every rendering
has its own, also from the page cache (its holes are filled per request),
and clocks signed before the key still pass the fill-in check."""

import time

from django.core import signing
from django.test import Client

import pytest

from home.defences import (
    STARTED_SALT,
    HumanCheckFormMixin,
    sign_started,
    submission_key,
    unsign_started,
)
from tests.comments.public_helpers import demo_post
from tests.home.page_cache_helpers import CLOCK, cache_state, page_cache_on, text

__all__ = ["page_cache_on"]


def test_each_clock_has_its_own_key_and_keeps_its_time():
    clocks = [sign_started(1_000) for _ in range(50)]
    assert len({submission_key(clock, {}) for clock in clocks}) == 50
    assert {unsign_started(clock) for clock in clocks} == {1_000}


def test_a_tampered_clock_has_no_key_and_no_time():
    clock = sign_started()
    millis, nonce = signing.Signer(salt=STARTED_SALT).unsign(clock).split(".")
    forged = f"{millis}.{'0' * len(nonce)}:{clock.rsplit(':', 1)[1]}"
    assert (submission_key(forged, {}), unsign_started(forged)) == (None, None)


def test_a_clock_signed_before_the_key_keeps_its_time_and_has_none():
    old = signing.Signer(salt=STARTED_SALT).sign(str(int((time.time() - 60) * 1000)))
    assert unsign_started(old) == pytest.approx(time.time() - 60, abs=5)
    assert submission_key(old, {}) is None


def test_a_form_gives_its_key_only_when_bound():
    from django import forms

    class Form(HumanCheckFormMixin, forms.Form):
        pass

    clock = sign_started()
    assert Form().submission_key() is None
    data = {"started": clock}
    assert Form(data=data).submission_key() == submission_key(clock, data)


@pytest.mark.django_db
def test_two_readers_of_a_cached_page_get_two_keys(demo, page_cache_on):
    post = demo_post()
    first, second = Client().get(post.url), Client().get(post.url)
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    keys = {submission_key(CLOCK.search(text(page)).group(1), {}) for page in (first, second)}
    assert len(keys) == 2 and None not in keys
