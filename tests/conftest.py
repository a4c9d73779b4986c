"""Shared fixtures: the demo content loaded once per session, factories, and
logged-in clients. Each test runs inside a transaction that is rolled back,
so the demo content is the same for every test."""

import io

from django.core.cache import cache
from django.core.management import call_command

import pytest

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache, so that rate-limit counters
    from one test never refuse another's form."""
    cache.clear()
    yield


def load_demo_content():
    """Loads the demo content if the database lacks it (after a transactional
    test flushed it, for instance)."""
    from home.models import HomePage

    if not HomePage.objects.exists():
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo_content()


@pytest.fixture
def demo(db):
    """The demo site, as `make run` serves it."""
    load_demo_content()
    from home.demo import home_page

    return home_page()


@pytest.fixture
def site_settings(demo):
    """The site settings, where site admins tune every public form's spam
    defences (fill-in time, rate limits): change, `.save()`, then post."""
    from home.models import SiteSettings

    return SiteSettings.load()


@pytest.fixture
def user_factory(db):
    return UserFactory


@pytest.fixture
def login(client):
    """Returns a function that logs the test client in as a demo account."""
    from django.contrib.auth import get_user_model

    def _login(username):
        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        return user

    return _login
