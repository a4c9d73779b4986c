"""Answering a consultation: only while open, to the second, on every path
(the page's POST, a form opened before closing, a replayed POST, a
translated page), a DST change moving neither time; per-field messages,
nothing stored half-way, nothing typed lost; repeat responses; CSRF."""

import datetime

from django.test import Client

import pytest
import time_machine

from consultations.models import ConsultationResponse
from consultations.schedule import LONDON
from home.models import FormRateLimit
from tests.consultations.conftest import answers

pytestmark = pytest.mark.django_db

SECOND = datetime.timedelta(seconds=1)


def stored(page):
    return ConsultationResponse.objects.filter(page=page).count()


@pytest.fixture
def window():
    """Opens 1 March 2027 09:00 and closes 1 April 2027 17:00, UK time: the
    clocks go forward on 28 March 2027 in between."""
    return (
        datetime.datetime(2027, 3, 1, 9, 0, tzinfo=LONDON),
        datetime.datetime(2027, 4, 1, 17, 0, tzinfo=LONDON),
    )


@pytest.fixture
def page(make_consultation, window):
    with time_machine.travel(window[0] - datetime.timedelta(days=1), tick=False):
        return make_consultation(opens_at=window[0], closes_at=window[1])


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [(-SECOND, False), (0 * SECOND, True), (SECOND, True)],
    ids=["opens-1s", "opens", "opens+1s"],
)
def test_opening_is_enforced_to_the_second(client, page, window, offset, accepted):
    with time_machine.travel(window[0] + offset, tick=False):
        response = client.post(page.url, answers())
    assert stored(page) == (1 if accepted else 0)
    if accepted:
        assert "Thank you" in response.content.decode()
    else:
        assert response.status_code == 403
        assert "This consultation opens on 1 March 2027, 09:00." in response.content.decode()


@pytest.mark.parametrize(
    ("offset", "accepted"),
    [(-SECOND, True), (0 * SECOND, False), (SECOND, False)],
    ids=["closes-1s", "closes", "closes+1s"],
)
def test_closing_is_enforced_to_the_second(client, page, window, offset, accepted):
    with time_machine.travel(window[1] + offset, tick=False):
        response = client.post(page.url, answers())
    html = response.content.decode()
    assert stored(page) == (1 if accepted else 0)
    if accepted:
        assert response.status_code == 200 and "Thank you" in html
    else:
        assert response.status_code == 403
        assert "This consultation closed on 1 April 2027, 17:00." in html
        assert "Submit response" not in html


def test_a_dst_change_moves_neither_time(page, window):
    # 17:00 in London on 1 April (BST) is 16:00 UTC; 09:00 on 1 March (GMT) is 09:00 UTC.
    page.refresh_from_db()
    assert page.opens_at == datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)
    assert page.closes_at == datetime.datetime(2027, 4, 1, 16, 0, tzinfo=datetime.UTC)
    with time_machine.travel(datetime.datetime(2027, 4, 1, 16, 59, 59, tzinfo=LONDON), tick=False):
        assert page.is_open()
    with time_machine.travel(datetime.datetime(2027, 4, 1, 17, 0, 0, tzinfo=LONDON), tick=False):
        assert not page.is_open()


def test_a_form_opened_before_closing_is_refused_after(client, page, window):
    with time_machine.travel(window[1] - datetime.timedelta(minutes=10), tick=False):
        form_page = client.get(page.url).content.decode()
        assert "Submit response" in form_page
        data = answers()
    with time_machine.travel(window[1] + SECOND, tick=False):
        response = client.post(page.url, data)
    assert response.status_code == 403 and stored(page) == 0


def test_a_replayed_post_after_closing_is_refused(client, page, window):
    with time_machine.travel(window[1] - SECOND, tick=False):
        data = answers()
        assert client.post(page.url, data).status_code == 200
    with time_machine.travel(window[1] + SECOND, tick=False):
        assert client.post(page.url, data).status_code == 403
    assert stored(page) == 1


def test_a_translation_keeps_the_source_dates_and_stores_under_the_source(client, page, window):
    from wagtail.models import Locale

    with time_machine.travel(window[0] - datetime.timedelta(days=1), tick=False):
        polish = page.copy_for_translation(
            Locale.objects.get(language_code="pl"), copy_parents=True
        )
        # A stale translation: its own dates say it is still open a week later.
        polish.closes_at = window[1] + datetime.timedelta(days=7)
        polish.save_revision().publish()
    with time_machine.travel(window[1] + SECOND, tick=False):
        response = client.post(polish.url, answers())
        assert response.status_code == 403
    with time_machine.travel(window[1] - SECOND, tick=False):
        response = client.post(polish.url, answers())
        assert response.status_code == 200
    assert stored(page) == 1
    assert ConsultationResponse.objects.get(page=page).language == "pl"


def test_before_opening_and_after_closing_the_page_explains_and_has_no_form(client, page, window):
    with time_machine.travel(window[0] - SECOND, tick=False):
        html = client.get(page.url).content.decode()
    assert "Upcoming" in html and "opens on 1 March 2027, 09:00" in html
    assert "Submit response" not in html
    with time_machine.travel(window[1], tick=False):
        html = client.get(page.url).content.decode()
    assert "Closed" in html and "It closed on 1 April 2027, 17:00" in html
    assert "Submit response" not in html


@pytest.fixture
def open_page(make_consultation, now):
    return make_consultation(
        opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=3)
    )


def test_the_thank_you_page_says_what_happens_next_and_shows_their_answers(client, open_page):
    response = client.post(open_page.url, answers(why="Too many <b>meetings</b>."))
    html = response.content.decode()
    assert "Thank you" in html and "What happens next" in html
    assert "Too many &lt;b&gt;meetings&lt;/b&gt;." in html
    assert "Monday, Wednesday" in html
    assert response["Cache-Control"] == "private, no-store"
    stored_response = ConsultationResponse.objects.get(page=open_page)
    assert stored_response.name == "Ada" and stored_response.email == "ada@example.org"
    assert stored_response.may_publish is True and stored_response.publication == "pending"
    assert stored_response.form_data["which_days"] == ["Monday", "Wednesday"]
    assert "respondent_email" not in stored_response.form_data


@pytest.mark.parametrize(
    ("change", "field_message"),
    [
        ({"which_colour": None}, "Answer this question."),
        ({"which_colour": "Purple"}, "Choose one of the options."),
        ({"how_many": "lots"}, "Enter a number, like 12."),
        ({"when": "next Tuesday"}, "Enter a date, like 2026-03-31."),
        ({"respondent_email": "not-an-address"}, "Enter an email address like name@example.com."),
        ({"may_publish": None}, "Choose yes or no."),
    ],
)
def test_bad_input_gets_a_message_and_keeps_what_was_typed(
    client, open_page, change, field_message
):
    response = client.post(open_page.url, answers(why="My long answer stays.", **change))
    html = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in html and field_message in html
    assert "My long answer stays." in html
    assert stored(open_page) == 0


def test_name_and_email_can_be_required_or_not_asked(client, make_consultation, now):
    required = make_consultation(
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=1),
        ask_name="required",
        ask_email="required",
    )
    response = client.post(required.url, answers(respondent_name="", respondent_email=""))
    assert response.status_code == 400
    assert "Enter your name." in response.content.decode()
    not_asked = make_consultation(
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=1),
        ask_name="not_asked",
        ask_email="not_asked",
        ask_to_publish=False,
    )
    html = client.get(not_asked.url).content.decode()
    assert 'name="respondent_email"' not in html and "May we publish" not in html
    client.post(not_asked.url, answers())
    response = ConsultationResponse.objects.get(page=not_asked)
    assert response.email == "" and response.name == "" and response.may_publish is None


def test_a_second_response_replaces_the_first_with_a_notice(client, open_page):
    client.post(open_page.url, answers(which_colour="Red"))
    html = client.post(
        open_page.url, answers(which_colour="Blue", respondent_email="ADA@example.org")
    ).content.decode()
    assert "this one replaces it" in html
    assert [
        r.form_data["which_colour"] for r in ConsultationResponse.objects.filter(page=open_page)
    ] == ["Blue"]


def test_a_second_response_is_refused_when_the_consultation_says_so(client, make_consultation, now):
    page = make_consultation(
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=1),
        repeat_responses="refuse",
    )
    client.post(page.url, answers(which_colour="Red"))
    response = client.post(page.url, answers(which_colour="Blue", why="Kept."))
    html = response.content.decode()
    assert response.status_code == 409
    assert "We already have a response from this email address" in html and "Kept." in html
    assert [
        r.form_data["which_colour"] for r in ConsultationResponse.objects.filter(page=page)
    ] == ["Red"]


def test_the_honeypot_and_the_clock_refuse_before_storing(client, open_page):
    assert client.post(open_page.url, answers(contact_me_by_fax_only="spam")).status_code == 400
    import time

    from home.defences import sign_started

    assert client.post(open_page.url, answers(started=sign_started(time.time()))).status_code == 400
    assert stored(open_page) == 0


def test_the_rate_limit_refuses_and_keeps_the_answers(client, open_page, site_settings):
    # The site's limits (Site settings → Spam defences), for consultations only.
    FormRateLimit.objects.create(settings=site_settings, form="consultation", per_ip=2)
    for n in range(2):
        assert (
            client.post(open_page.url, answers(respondent_email=f"p{n}@example.org")).status_code
            == 200
        )
    response = client.post(
        open_page.url, answers(respondent_email="p3@example.org", why="Still here.")
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert "A lot of forms have been sent from your connection in the last hour" in html
    assert "please try again in an hour" in html
    assert "Still here." in html  # what was typed is kept
    assert stored(open_page) == 2  # nothing stored


def test_csrf_is_enforced(open_page):
    client = Client(enforce_csrf_checks=True)
    assert client.post(open_page.url, answers()).status_code == 403
    assert stored(open_page) == 0


def test_comments_close_with_the_consultation(page, window):
    with time_machine.travel(window[1] - SECOND, tick=False):
        assert page.comments_are_open()
    with time_machine.travel(window[1], tick=False):
        assert not page.comments_are_open()
