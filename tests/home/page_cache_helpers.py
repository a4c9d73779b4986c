"""Helpers for the page cache tests: the cache turned on, a page fetched
the way two different readers would, and a recording CDN backend."""

import re

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

import pytest

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CLOCK = re.compile(r'name="started" value="([^"]+)"')


@pytest.fixture
def page_cache_on(settings):
    """The page cache on, as in production (PAGE_CACHE_SECONDS=600)."""
    settings.PAGE_CACHE_SECONDS = 600
    return settings


@pytest.fixture
def cdn(settings):
    """A recording CDN in front of the site: the list of URLs it was asked to purge."""
    settings.WAGTAILFRONTENDCACHE = RECORDING_CDN
    RecordingBackend.purged.clear()
    return RecordingBackend.purged


def cache_state(response):
    """Returns "hit", "miss" or "" (not cached) for a response."""
    return response.get("X-Page-Cache", "")


def text(response):
    return response.content.decode()


class RecordingBackend(BaseBackend):
    """A frontend cache (CDN) backend that keeps the URLs it was asked to purge."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


RECORDING_CDN = {"default": {"BACKEND": "tests.home.page_cache_helpers.RecordingBackend"}}
