"""The empty answer form of an open consultation is rendered once per change
to the frame (a fragment, page cache off) with holes for each reader's own
CSRF token and fill-in clock: a changed question shows on the next request,
each reader's token is their own and posts, and a form with errors reaches
only the person who sent it."""

import datetime
import re
import time

from django.test import Client

import pytest

from consultations.models import ConsultationFormField, ConsultationResponse
from home.defences import unsign_started
from tests.consultations.conftest import answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_page(make_consultation, now):
    return make_consultation(
        opens_at=now - datetime.timedelta(days=1), closes_at=now + datetime.timedelta(days=7)
    )


def read(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def form_values(html):
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    started = re.search(r'name="started" value="([^"]+)"', html).group(1)
    return token, started


def test_a_changed_question_shows_on_the_next_request(client, open_page):
    assert "Which colour?" in read(client, open_page)
    question = ConsultationFormField.objects.get(page=open_page, label="Which colour?")
    question.label = "Which colour do you like?"
    question.save()
    assert "Which colour do you like?" in read(client, open_page)


def test_each_reader_gets_their_own_token_and_clock_and_can_answer(open_page):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    read(first, open_page)  # the form's fragment is stored
    values = [form_values(read(reader, open_page)) for reader in (first, second)]
    assert values[0][0] != values[1][0]
    assert "__pagecache" not in read(second, open_page)
    for _token, started in values:
        assert abs(unsign_started(started) - time.time()) < 60
    token, _started = values[1]
    response = second.post(open_page.url, {**answers(), "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert ConsultationResponse.objects.filter(page=open_page).count() == 1


def test_a_form_with_errors_reaches_only_its_writer(open_page):
    writer, reader = Client(), Client()
    read(reader, open_page)
    refused = writer.post(open_page.url, answers(which_colour=None, why="Words to keep."))
    assert refused.status_code == 400
    assert "There is a problem" in refused.content.decode()
    assert "Words to keep." in refused.content.decode()
    page = read(reader, open_page)
    assert "There is a problem" not in page
    assert "Words to keep." not in page
