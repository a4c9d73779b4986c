"""Fixtures for the consultations tests: a consultation with known dates
and questions in a demo network, and a poster that fills the form in as a
person would (with the fill-in clock already running)."""

import time

from django.utils import timezone

import pytest

from home.defences import sign_started

QUESTIONS = [
    ("Which colour?", "radio", "Red\nGreen\nBlue", True),
    ("Which days?", "checkboxes", "Monday\nTuesday\nWednesday", False),
    ("Why?", "multiline", "", False),
    ("How many?", "number", "", False),
    ("When?", "date", "", False),
]


@pytest.fixture
def make_consultation(demo):
    """Returns a function that creates and publishes a consultation in a demo
    network with the QUESTIONS above."""
    from consultations.models import ConsultationFormField, ConsultationPage
    from networks.models import NetworkPage

    made = []

    def _make(network="food-partnership", *, opens_at, closes_at, slug=None, **fields):
        parent = NetworkPage.objects.get(slug=network, locale__language_code="en")
        page = ConsultationPage(
            title=fields.pop("title", "Test consultation"),
            slug=slug or f"test-consultation-{len(made)}",
            summary="A consultation for tests.",
            opens_at=opens_at,
            closes_at=closes_at,
            form_fields=[
                ConsultationFormField(
                    label=label, field_type=kind, choices=choices, required=required
                )
                for label, kind, choices, required in QUESTIONS
            ],
            **fields,
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        made.append(page)
        return page

    return _make


def answers(**overrides):
    """Returns a valid POST of the test questions, the clock started 10 s ago."""
    data = {
        "which_colour": "Green",
        "which_days": ["Monday", "Wednesday"],
        "why": "Because.",
        "respondent_name": "Ada",
        "respondent_email": "ada@example.org",
        "may_publish": "yes",
        "started": sign_started(time.time() - 10),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def now():
    return timezone.now().replace(microsecond=0)
