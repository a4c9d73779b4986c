"""Results (single and multiple choice, every language together), the
export's content with neutralised formula cells in CSV and XLSX (headers
too), and the publication of answers: approve, reject, redact, audited."""

import csv
import datetime
import io

from django.urls import reverse

from wagtail.models import ModelLogEntry

import openpyxl
import pytest
import time_machine

from consultations.models import ConsultationResponse
from tests.consultations.conftest import answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(make_consultation, now):
    return make_consultation(
        opens_at=now - datetime.timedelta(days=2), closes_at=now + datetime.timedelta(days=2)
    )


def respond(client, page, **data):
    response = client.post(page.url, answers(respondent_email=None, **data))
    assert response.status_code == 200, response.content.decode()[:2000]


def test_results_count_each_option_once_per_response(client, page, now):
    respond(client, page, which_colour="Red", which_days=["Monday", "Tuesday"])
    respond(client, page, which_colour="Red", which_days=["Monday"])
    respond(client, page, which_colour="Blue", which_days=["Monday", "Tuesday", "Wednesday"])
    respond(client, page, which_colour="Green", which_days=None)
    colour, days = page.get_results()
    assert colour.answered == 4
    assert [(o.label, o.count, o.percent) for o in colour.options] == [
        ("Red", 2, 50),
        ("Green", 1, 25),
        ("Blue", 1, 25),
    ]
    assert days.multiple and days.answered == 3
    assert [(o.label, o.count, o.percent) for o in days.options] == [
        ("Monday", 3, 100),
        ("Tuesday", 2, 67),
        ("Wednesday", 1, 33),
    ]
    with time_machine.travel(page.closes_at + datetime.timedelta(seconds=1), tick=False):
        html = client.get(page.url).content.decode()
    assert '<th scope="row">Red</th>' in html and "<td>50%</td>" in html
    assert 'aria-hidden="true"' in html and "<svg" in html
    assert "Submit response" not in html
    assert "Because." not in html  # free text is never shown by default


def test_answers_from_a_translation_count_under_the_source_choices(client, page):
    from wagtail.models import Locale

    polish = page.copy_for_translation(Locale.objects.get(language_code="pl"), copy_parents=True)
    colour = polish.form_fields.get(clean_name="which_colour")
    colour.label, colour.choices = "Jaki kolor?", "Czerwony\nZielony\nNiebieski"
    colour.save()
    polish.save_revision().publish()
    response = client.post(polish.url, answers(which_colour="Niebieski", respondent_email=None))
    assert response.status_code == 200
    stored = ConsultationResponse.objects.get(page=page)
    assert stored.form_data["which_colour"] == "Blue" and stored.language == "pl"
    polish_results = polish.get_results()[0]
    assert polish_results.label == "Jaki kolor?"
    assert [(o.label, o.count) for o in polish_results.options] == [
        ("Czerwony", 0),
        ("Zielony", 0),
        ("Niebieski", 1),
    ]


# The form strips leading tabs and returns; neutralise() is tested on them below.
DANGEROUS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd"]


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_every_formula_start_is_neutralised(text):
    from consultations.admin_views import neutralise

    assert neutralise(text) == "'" + text
    assert neutralise("plain") == "plain" and neutralise(3) == 3


def test_exports_neutralise_formulas_in_cells_and_headers(client, login, page):
    from consultations.models import ConsultationFormField

    ConsultationFormField.objects.filter(page=page, clean_name="why").update(label="=HYPERLINK()")
    for text in DANGEROUS:
        respond(client, page, why=text, respondent_name="=Evil")
    login("food-partnership-editor")
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    response = client.get(url, {"export": "csv"})
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert "'=HYPERLINK()" in rows[0]
    why = rows[0].index("'=HYPERLINK()")
    assert [row[why] for row in rows[1:]] == ["'" + text for text in DANGEROUS]
    assert all(row[rows[0].index("Name")] == "'=Evil" for row in rows[1:])

    response = client.get(url, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert "'=HYPERLINK()" in cells[0]
    assert [row[why] for row in cells[1:]] == ["'" + text for text in DANGEROUS]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_publication_is_moderated_redacted_and_audited(client, login, page):
    respond(client, page, why="My neighbour Bob at 12 High St is lazy.", may_publish="yes")
    respond(client, page, why="Private.", may_publish="no")
    published, private = ConsultationResponse.objects.filter(page=page).order_by("pk")
    assert published.publication == "pending" and private.publication == "private"
    assert not private.can_transition("approve")
    editor = login("food-partnership-editor")
    published.redact("My neighbour [name removed] is lazy.", reason="Names a person", by=editor)
    published.refresh_from_db()
    assert published.publication == "approved"
    assert published.published_text == "My neighbour [name removed] is lazy."
    assert published.form_data["why"].startswith("My neighbour Bob")  # kept for staff
    entry = ModelLogEntry.objects.filter(action="consultations.response.redact").get()
    assert entry.user == editor and entry.data["note"] == "Names a person"
    published.reject(by=editor)
    assert list(page.published_answers()) == []
