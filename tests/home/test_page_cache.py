"""The page cache serves anonymous readers every public page type, and never
what is personal: logged-in staff, a resident who just posted, form errors,
anyone else's CSRF token or fill-in clock."""

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from home import fragments
from home.defences import unsign_started
from tests.comments.public_helpers import demo_post, form_data, post_comment
from tests.home.page_cache_helpers import CLOCK, TOKEN, cache_state, page_cache_on, text

pytestmark = pytest.mark.django_db
__all__ = ["page_cache_on"]


def without_tokens(response):
    return CLOCK.sub("", TOKEN.sub("", text(response)))


def public_paths():
    """One address of every public page type, from the demo content."""
    from consultations.models import ConsultationPage
    from events.models import EventPage

    post = demo_post()
    consultation = ConsultationPage.objects.live().filter(locale__language_code="en").first()
    event = EventPage.objects.live().filter(locale__language_code="en").first()
    return {
        "home": "/",
        "standard page": "/about/",
        "network directory": "/networks/",
        "network page": "/networks/food-partnership/",
        "blog index": "/blog/",
        "blog index, page 2 of a filter": "/blog/?page=1",
        "post": post.url,
        "Polish network page": "/pl/networks/food-partnership/",
        "consultation index": "/consultations/",
        "consultation": consultation.url,
        "event index": "/events/",
        "event": event.url,
        "blog feed": "/blog/feed/rss/",
        "event index calendar": "/events/ical/",
        "event .ics": event.url + "ical/",
        "sitemap": "/sitemap.xml",
    }


def test_every_public_page_type_is_served_from_the_cache_without_queries(
    client, demo, page_cache_on
):
    for name, path in public_paths().items():
        first = client.get(path)
        assert first.status_code == 200, name
        assert cache_state(first) == "miss", name
        with CaptureQueriesContext(connection) as queries:
            second = Client().get(path)
        assert cache_state(second) == "hit", name
        assert len(queries) == 0, (name, [q["sql"] for q in queries])
        assert second["Content-Type"] == first["Content-Type"], name
        # The same page, but never the same tokens.
        assert without_tokens(second) == without_tokens(first), name
        first_tokens = TOKEN.findall(text(first))
        assert not set(first_tokens) & set(TOKEN.findall(text(second))), name


def test_languages_and_query_strings_are_cached_apart(client, demo, page_cache_on):
    english = client.get("/networks/food-partnership/")
    polish = client.get("/pl/networks/food-partnership/")
    assert 'lang="en"' in text(english) and 'lang="pl"' in text(polish)
    assert cache_state(client.get("/blog/?tag=nothing")) == "miss"
    assert cache_state(client.get("/blog/")) == "miss"
    assert cache_state(client.get("/blog/")) == "hit"


def test_a_deploy_with_new_templates_never_serves_the_old_pages(
    client, demo, page_cache_on, monkeypatch
):
    """The shared cache outlives the web processes: pages the templates of
    the last release rendered are not served by the next."""
    client.get("/blog/")
    assert cache_state(client.get("/blog/")) == "hit"
    monkeypatch.setattr(fragments, "release", lambda: "the-next-release")
    assert cache_state(client.get("/blog/")) == "miss"


def test_the_cache_is_off_with_page_cache_seconds_zero(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/blog/")
    response = client.get("/blog/")
    assert cache_state(response) == ""
    assert "public" not in response["Cache-Control"]


def test_logged_in_staff_are_never_served_nor_stored(client, demo, page_cache_on, login):
    post = demo_post()
    login("food-partnership-editor")
    staff_view = client.get(post.url)
    assert cache_state(staff_view) == ""
    assert "Edit this page" in text(staff_view)
    assert "private" in staff_view["Cache-Control"]
    assert "no-store" in staff_view["Cache-Control"]

    reader = Client()
    first = reader.get(post.url)
    assert cache_state(first) == "miss"  # the editor's visit stored nothing
    assert "Edit this page" not in text(first)
    again = client.get(post.url)
    assert cache_state(again) == ""  # and the cached copy is never the editor's
    assert "Edit this page" in text(again)


def test_a_cached_form_gives_each_reader_their_own_token_and_it_works(demo, page_cache_on):
    post = demo_post()
    first_reader = Client(enforce_csrf_checks=True)
    second_reader = Client(enforce_csrf_checks=True)
    first = first_reader.get(post.url)
    second = second_reader.get(post.url)
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    first_token = TOKEN.search(text(first)).group(1)
    second_token = TOKEN.search(text(second)).group(1)
    assert first_token != second_token
    assert "csrftoken" in second.cookies  # the cached page still sets the cookie
    assert "private" in second["Cache-Control"]  # a CDN must not hand the token on
    # The second reader's clock is their own, fresh, not the stored one's.
    assert CLOCK.search(text(second)).group(1) != CLOCK.search(text(first)).group(1)
    assert abs(unsign_started(CLOCK.search(text(second)).group(1)) - time.time()) < 5

    data = form_data(body="Is the market open on bank holidays?")
    refused = second_reader.post(
        f"/comments/{post.pk}/", {**data, "csrfmiddlewaretoken": first_token + "x"}
    )
    assert refused.status_code == 403
    posted = second_reader.post(
        f"/comments/{post.pk}/", {**data, "csrfmiddlewaretoken": second_token}
    )
    assert posted.status_code == 302


def test_a_resident_who_posted_sees_their_notice_and_nobody_else_does(demo, page_cache_on):
    post = demo_post()
    resident, neighbour = Client(), Client()
    assert cache_state(neighbour.get(post.url)) == "miss"
    response = post_comment(resident, post, name="Ruth Adeyemi", body="Card payments, please.")
    assert response.status_code == 302
    own_view = resident.get(post.url)
    assert cache_state(own_view) == ""
    assert "Your comment is held for moderation" in text(own_view)
    assert "private" in own_view["Cache-Control"]

    other_view = neighbour.get(post.url)
    assert cache_state(other_view) == "hit"
    assert "Your comment is held for moderation" not in text(other_view)
    assert "Card payments, please." not in text(other_view)
    assert "Ruth Adeyemi" not in text(other_view)


def test_form_errors_are_never_cached_and_what_was_typed_stays_with_its_writer(demo, page_cache_on):
    post = demo_post()
    resident, neighbour = Client(), Client()
    refused = post_comment(resident, post, email="not-an-email", body="My own words here.")
    assert refused.status_code == 400
    assert "My own words here." in text(refused)
    assert "no-store" in refused["Cache-Control"]
    view = neighbour.get(post.url)
    assert cache_state(view) == "miss"
    assert "My own words here." not in text(view)
    assert "My own words here." not in text(neighbour.get(post.url))


def test_a_thank_you_page_is_private(client, demo, page_cache_on):
    response = client.get("/networks/food-partnership/join/thanks/")
    assert response.status_code == 200
    assert cache_state(response) == ""
    assert "private" in response["Cache-Control"]
    assert cache_state(client.get("/networks/food-partnership/join/thanks/")) == ""


def test_headers_for_shared_caches(client, demo, page_cache_on, login):
    listing = client.get("/blog/")
    assert listing["Cache-Control"].split(", ") == ["public", "max-age=0", "s-maxage=600"] or set(
        listing["Cache-Control"].split(", ")
    ) == {"public", "max-age=0", "s-maxage=600"}
    assert "Cookie" in listing["Vary"]
    assert "Accept-Language" in listing["Vary"]  # the English address is unprefixed
    hit = Client().get("/blog/")
    assert set(hit["Cache-Control"].split(", ")) == {"public", "max-age=0", "s-maxage=600"}
    assert "Content-Security-Policy" in hit  # still passes through the security middleware

    assert "private" in client.get("/search/?q=food")["Cache-Control"]
    login("admin")
    assert "private" in client.get("/admin/")["Cache-Control"]
    assert "no-store" in client.get("/blog/")["Cache-Control"]
