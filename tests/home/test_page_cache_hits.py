"""A page-cache hit is answered before the session, locale and messages
middleware, yet a reader cannot tell it from the page it was stored from:
the same security and language headers, their own CSRF token and cookie
(kept when they bring one, as in a second tab), and each form its own
fill-in clock."""

import time

from django.conf import settings
from django.test import Client
from django.utils import translation

import pytest

from home import defences, page_cache
from home.defences import unsign_started
from tests.comments.public_helpers import demo_post, form_data
from tests.home.page_cache_helpers import CLOCK, TOKEN, cache_state, page_cache_on, text
from tests.home.test_page_cache import public_paths

pytestmark = pytest.mark.django_db
__all__ = ["page_cache_on"]

#: What the middleware between the page cache and the view adds to a page
#: (CSP, clickjacking, locale, CSRF and session middleware) and the page
#: cache itself: a hit must carry each of them as the stored page did.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "X-Frame-Options",
    "Vary",
    "Cache-Control",
    "Referrer-Policy",
    "X-Content-Type-Options",
)


def open_consultation_path():
    from consultations.models import ConsultationPage

    for page in ConsultationPage.objects.live().filter(locale__language_code="en"):
        if page.is_open():
            return page.url
    raise AssertionError("the demo has an open consultation")


def test_every_page_type_is_a_hit_before_sessions_and_messages(client, demo, page_cache_on):
    for name, path in public_paths().items():
        stored = client.get(path)
        hit = Client().get(path)
        assert (cache_state(stored), cache_state(hit)) == ("miss", "hit"), name
        # The fast path: nothing below the page cache ran for the hit.
        assert not hasattr(hit.wsgi_request, "session"), name
        assert not hasattr(hit.wsgi_request, "_messages"), name
        assert not hasattr(hit.wsgi_request, "LANGUAGE_CODE"), name
        for header in KEPT_HEADERS:
            assert hit.get(header) == stored.get(header), (name, header)
        assert int(hit["Content-Length"]) == len(hit.content), name


def test_a_cached_page_keeps_its_language_headers(client, demo, page_cache_on):
    client.get("/pl/networks/food-partnership/")
    polish = Client().get("/pl/networks/food-partnership/")
    assert cache_state(polish) == "hit"
    assert polish["Content-Language"] == "pl"
    assert 'lang="pl"' in text(polish)
    client.get("/blog/")
    english = Client().get("/blog/")
    assert english["Content-Language"] == "en"
    assert "Accept-Language" in english["Vary"]  # the English address is unprefixed


def test_a_hit_sets_the_csrf_cookie_as_django_does(demo, page_cache_on):
    post = demo_post()
    stored = Client().get(post.url)
    hit = Client().get(post.url)
    assert cache_state(hit) == "hit"
    cookie, stored_cookie = hit.cookies["csrftoken"], stored.cookies["csrftoken"]
    for attribute in ("path", "max-age", "samesite", "secure", "httponly", "domain"):
        assert cookie[attribute] == stored_cookie[attribute], attribute
    assert cookie.value != stored_cookie.value  # each reader their own secret
    assert len(cookie.value) == 32


def test_a_reader_with_two_tabs_keeps_one_csrf_secret(demo, page_cache_on):
    """The second tab's hit must not give them a new secret: the first
    tab's form would then be refused."""
    post = demo_post()
    Client().get(post.url)
    Client().get(open_consultation_path())  # other readers filled the cache
    reader = Client(enforce_csrf_checks=True)
    first_tab = reader.get(post.url)
    assert cache_state(first_tab) == "hit"
    secret = reader.cookies["csrftoken"].value
    second_tab = reader.get(open_consultation_path())
    assert cache_state(second_tab) == "hit"
    assert reader.cookies["csrftoken"].value == secret
    assert TOKEN.search(text(second_tab)).group(1) != TOKEN.search(text(first_tab)).group(1)

    token = TOKEN.search(text(first_tab)).group(1)
    data = form_data(body="Sent from the first tab.")
    posted = reader.post(f"/comments/{post.pk}/", {**data, "csrfmiddlewaretoken": token})
    assert posted.status_code == 302


def test_each_form_on_a_hit_has_its_own_fresh_clock(client, demo, page_cache_on, monkeypatch):
    """Each clock hole is filled by its own call of `home.defences.sign_started`,
    as each form calls it when rendered (so whatever the clock comes to hold,
    a nonce say, is each form's own)."""
    path = open_consultation_path()
    stored = client.get(path)
    issued = []

    def sign_started():
        issued.append(f"{defences.sign_started()}{len(issued)}")
        return issued[-1]

    monkeypatch.setattr(page_cache, "sign_started", sign_started)
    hit = Client().get(path)
    assert cache_state(hit) == "hit"
    clocks = CLOCK.findall(text(hit))
    assert len(clocks) == len(CLOCK.findall(text(stored))) >= 2  # the answers and the comments
    assert clocks == issued
    assert not set(clocks) & set(CLOCK.findall(text(stored)))
    assert all(abs(unsign_started(clock[:-1]) - time.time()) < 5 for clock in clocks)
    tokens = TOKEN.findall(text(hit))
    assert len(tokens) == len(TOKEN.findall(text(stored))) and len(set(tokens)) == 1


def test_a_page_with_no_form_sets_no_cookie(client, demo, page_cache_on):
    client.get("/blog/")
    hit = Client().get("/blog/")
    assert cache_state(hit) == "hit"
    assert not hit.cookies
    assert "public" in hit["Cache-Control"]


def test_a_page_is_only_stored_in_the_language_its_address_names(rf, demo, page_cache_on):
    request = rf.get("/about/")
    request.page_cache_versions = {}
    response = Client().get("/blog/")  # any page: what is stored is not the point
    parts, holes = page_cache.cut_holes(response.content)
    with translation.override("pl"):
        assert page_cache.store(request, response, parts, holes) is None
    with translation.override(settings.LANGUAGE_CODE):
        assert page_cache.store(request, response, parts, holes) is not None


def test_cutting_and_filling_holes_gives_back_the_page(rf):
    content = (
        b'<form><input type="hidden" name="csrfmiddlewaretoken" value="old-token">'
        b'<input type="hidden" name="started" value="old-clock"></form>'
        b'<form><input type="hidden" name="answers-started" value="old-clock"></form>'
    )
    parts, holes = page_cache.cut_holes(content)
    assert holes == [page_cache.CSRF, page_cache.CLOCK, page_cache.CLOCK]
    assert b"old-" not in b"".join(parts)
    filled = page_cache.fill_holes(rf.get("/"), parts, holes).decode()
    assert TOKEN.search(filled) and "old-" not in filled
    assert filled.count('value="') == 3
    assert page_cache.fill_holes(rf.get("/"), [b"<p>no form</p>"], []) == (b"<p>no form</p>")
