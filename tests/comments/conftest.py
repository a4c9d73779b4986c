"""Every comments test starts with empty rate-limit counters, and in English
again after a request in another language."""

from django.core.cache import cache
from django.utils import translation

import pytest


@pytest.fixture(autouse=True)
def _fresh_start():
    cache.clear()
    translation.activate("en")
    yield
    translation.activate("en")
