"""Every comments test starts in English again after a request in another
language (and, as every test does, with empty rate-limit counters)."""

from django.utils import translation

import pytest


@pytest.fixture(autouse=True)
def _fresh_start():
    translation.activate("en")
    yield
    translation.activate("en")
