"""A consultation form is stored once per rendering: "Submit response"
pressed again after a lost answer, or double-clicked, stores one response
and shows the same thank-you page (never "this one replaces it", never "we
already have a response"); two copies at the same moment are told apart by
the unique submission key; a fresh rendering is a new response as before."""

import datetime
from unittest import mock

from django.test import Client

import pytest

from consultations import answering
from consultations.models import ConsultationResponse
from consultations.responses import ConsultationResponseQuerySet
from home.defences import first_submission, submission_key
from tests.consultations.conftest import answers
from tests.racing import at_once, racing_connections

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_page(make_consultation, now):
    return make_consultation(
        opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=3)
    )


@pytest.fixture
def refusing_page(make_consultation, now):
    return make_consultation(
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=3),
        repeat_responses="refuse",
    )


def responses(page):
    return ConsultationResponse.objects.filter(page=page)


@pytest.mark.parametrize("page_name", ["open_page", "refusing_page"])
def test_the_same_form_posted_twice_stores_once_and_thanks_the_same(client, request, page_name):
    page = request.getfixturevalue(page_name)
    data = answers(why="Sent twice, on purpose.")
    first, second = client.post(page.url, data), Client().post(page.url, data)
    assert (first.status_code, second.status_code) == (200, 200)
    for response in (first, second):
        html = response.content.decode()
        assert "Thank you" in html and "Sent twice, on purpose." in html
        assert "replaces" not in html and "already have a response" not in html
        assert response["Cache-Control"] == "private, no-store"
    (stored,) = responses(page)
    assert stored.submission_key == submission_key(data["started"], data)


def test_a_fresh_rendering_replaces_as_before(client, open_page):
    client.post(open_page.url, answers(which_colour="Red"))
    html = client.post(open_page.url, answers(which_colour="Blue")).content.decode()
    assert "this one replaces it" in html
    assert [r.form_data["which_colour"] for r in responses(open_page)] == ["Blue"]


def test_the_same_rendering_sent_with_a_changed_answer_replaces_the_first(client, open_page):
    """The back button: the resident changes an answer in the form they sent
    and sends it again. It is a new response (it replaces theirs), never
    taken for a copy of the first and lost."""
    data = answers(which_colour="Red")
    client.post(open_page.url, data)
    html = client.post(open_page.url, {**data, "which_colour": "Blue"}).content.decode()
    assert "this one replaces it" in html
    assert [r.form_data["which_colour"] for r in responses(open_page)] == ["Blue"]


def test_a_fresh_rendering_from_someone_else_is_a_second_response(client, open_page):
    client.post(open_page.url, answers())
    client.post(open_page.url, answers(respondent_email="bo@example.org"))
    assert responses(open_page).count() == 2


def test_a_copy_stored_at_the_same_moment_is_answered_as_the_first(client, refusing_page):
    """Both copies ran their checks before either was stored (the other's row
    not committed yet, so neither the key nor the email check saw it): the
    insert meets the unique key, the savepoint goes back, and the first copy
    is the answer, not "we already have a response from this email"."""
    data = answers(why="The first copy.")
    client.post(refusing_page.url, data)
    first = responses(refusing_page).get()
    # The view's check and store's check see nothing; after the refused insert, the first.
    seen = iter([None, None, first])
    with (
        mock.patch.object(answering, "first_submission", side_effect=lambda qs, key: next(seen)),
        mock.patch.object(ConsultationResponseQuerySet, "by_email", lambda qs, email: qs.none()),
    ):
        response = client.post(refusing_page.url, data)
    assert next(seen, "all used") == "all used"
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you" in html and "already have a response" not in html
    assert list(responses(refusing_page)) == [first]


def test_without_a_key_nothing_is_looked_up():
    assert first_submission(ConsultationResponse.objects.all(), None) is None


@racing_connections
@pytest.mark.parametrize("repeat", ["replace", "refuse"])
def test_two_copies_posted_at_the_same_moment_store_once(make_consultation, now, repeat):
    """Four copies of one rendering on four database connections, released
    together: each thanked, one response (none replaced, none refused)."""
    page = make_consultation(
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=3),
        repeat_responses=repeat,
    )
    data = answers(why="Double-clicked.")
    pages = at_once(lambda: Client().post(page.url, data).content.decode())
    assert len(pages) == 4 and all("Thank you" in html for html in pages)
    assert not any("replaces" in html or "already have a response" in html for html in pages)
    assert list(responses(page).values_list("form_data__why", flat=True)) == ["Double-clicked."]
