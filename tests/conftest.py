"""Shared fixtures: the demo content loaded once per session, factories, and
logged-in clients; the roles every permission table is written in, and the
parser of those tables. Each test runs inside a transaction that is rolled
back, so the demo content is the same for every test.

Network A is the food partnership, B the digital practitioners."""

import io

from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

import pytest

from tests import demo_snapshot
from tests.factories import UserFactory, user

#: Every role a permission test acts as, and the demo account that plays it.
ROLES = {
    "anonymous": None,
    "editor A": "food-partnership-editor",
    "moderator A": "food-partnership-moderator",
    "editor B": "digital-practitioners-editor",
    "moderator B": "digital-practitioners-moderator",
    "site moderator": "moderator",
    "admin": "admin",
}
NETWORK_SLUGS = {"A": "food-partnership", "B": "digital-practitioners"}
#: The short column headings of the permission tables, and the roles they stand for.
HEADINGS = {
    "anon": "anonymous",
    "ed A": "editor A",
    "mod A": "moderator A",
    "ed B": "editor B",
    "mod B": "moderator B",
    "site mod": "site moderator",
    "admin": "admin",
}


def role_of(name):
    """Returns the role a table heading (or a role's own name) stands for."""
    return HEADINGS.get(name, name)


def table_roles(text):
    """Returns {heading: role} for the columns of a permission table, in order."""
    header = [cell.strip() for cell in text.strip().splitlines()[0].split("|")]
    return {heading: role_of(heading) for heading in header if heading in HEADINGS}


def parse_policy(text, *, label_columns=1):
    """Returns [(*labels, role, allowed)] from a permission table: a header
    row of `label_columns` labels ("action", maybe "on") then one heading per
    role (see HEADINGS), and one row per action of "yes" or "no" cells."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    headings = [cell.strip() for cell in lines[0].split("|")][label_columns:]
    assert all(h in HEADINGS for h in headings), "the table's columns must be roles of ROLES"
    roles = [role_of(heading) for heading in headings]
    cells = []
    for line in lines[1:]:
        values = [cell.strip() for cell in line.split("|")]
        labels, answers = values[:label_columns], values[label_columns:]
        for role, answer in zip(roles, answers, strict=True):
            assert answer in {"yes", "no"}, line
            cells.append((*labels, role, answer == "yes"))
    return cells


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache, so that rate-limit counters
    from one test never refuse another's form."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _english_first():
    """Every test starts in English: a request in another language leaves
    that language active in the thread, and `reverse()` in the next test on
    the same worker would otherwise add its prefix (/pl/comments/79/)."""
    translation.activate("en")
    yield
    translation.activate("en")


def load_demo_content():
    """Loads the demo content if the database lacks it (after a transactional
    test flushed it, for instance): from this process's snapshot of it
    (tests/demo_snapshot.py) when there is one, otherwise with `load_demo`."""
    from home.models import HomePage

    if not HomePage.objects.exists() and not demo_snapshot.restore():
        call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo_content()
        demo_snapshot.take()
        demo_snapshot.install()


#: Whether a transactional test (which flushes the database when it ends)
#: ran since the demo content was last known to be there.
_flushed = {"since_demo": False}


@pytest.fixture(autouse=True)
def _demo_after_flush(request, django_db_blocker):
    """Makes sure the demo content is back, before the next test, once a
    transactional test ended: its teardown normally put the snapshot back
    already; if it could not (and flushed), this restores or reloads it
    here, outside any test's transaction, so that every test starts from the
    same demo content whatever ran before it on the same worker."""
    if _flushed["since_demo"]:
        with django_db_blocker.unblock():
            load_demo_content()
        _flushed["since_demo"] = False
    yield
    marker = request.node.get_closest_marker("django_db")
    if {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction")
    ):
        _flushed["since_demo"] = True


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


@pytest.fixture
def as_role(client):
    """Returns a function that logs the test client in as a role of ROLES (or
    a table heading for one) and returns the client; "anonymous" stays out."""

    def _as(role):
        username = ROLES[role_of(role)]
        if username is not None:
            client.force_login(user(username))
        return client

    return _as
