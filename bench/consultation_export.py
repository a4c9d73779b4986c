"""Prints the time and peak Python memory of exporting a consultation's
responses as CSV and as XLSX, for 10,000 and 50,000 responses, through the
admin's own export code (consultations.admin_views). Runs on a fresh
SQLite database in a temporary folder; prints figures, never passes or
fails.

    .venv/bin/python bench/consultation_export.py
"""

import datetime
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
VAR = tempfile.mkdtemp(prefix="commons-export-bench-")
os.environ.update(VAR_DIR=VAR, COMMONS_TESTING="0", DJANGO_SETTINGS_MODULE="config.settings")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.utils import timezone  # noqa: E402

SIZES = (10_000, 50_000)


def make_consultation():
    from wagtail.models import Page

    from consultations.models import ConsultationFormField, ConsultationPage

    root = Page.get_first_root_node()
    now = timezone.now()
    page = ConsultationPage(
        title="Bench",
        slug="bench",
        summary="Bench",
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now - datetime.timedelta(days=1),
        form_fields=[
            ConsultationFormField(label="Why not?", field_type="multiline"),
            ConsultationFormField(label="Worry", field_type="radio", choices="A\nB\nC"),
            ConsultationFormField(label="Types", field_type="checkboxes", choices="X\nY\nZ"),
        ],
    )
    root.add_child(instance=page)
    return page


def fill(page, count):
    from consultations.models import ConsultationResponse

    have = ConsultationResponse.objects.filter(page=page).count()
    batch = [
        ConsultationResponse(
            page=page,
            form_data={
                "why_not": f"=answer {i} " + "words " * 20,
                "worry": "B",
                "types": ["X", "Z"],
            },
            name=f"Person {i}",
            email=f"p{i}@example.org",
            may_publish=bool(i % 2),
        )
        for i in range(have, count)
    ]
    ConsultationResponse.objects.bulk_create(batch, batch_size=2000)


def view_for(page):
    from consultations.admin_views import ConsultationSubmissionsListView

    view = ConsultationSubmissionsListView()
    view.setup(RequestFactory().get("/"), form_page=page)
    fields = page.get_data_fields()
    view.list_export = [name for name, _label in fields]
    view.export_headings = dict(fields)
    view.form_page = page
    return view


def measure(label, run):
    tracemalloc.start()
    started = time.perf_counter()
    size = run()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"{label:<22} {seconds:7.2f} s   peak {peak / 2**20:7.1f} MiB   {size / 2**20:6.1f} MiB out"
    )


def main():
    call_command("migrate", verbosity=0)
    page = make_consultation()
    print("export of a consultation's responses (3 questions + name, email, publication)")
    for count in SIZES:
        fill(page, count)
        view = view_for(page)

        def csv_export(view=view):
            response = view.as_spreadsheet(page.get_submissions(), "csv")
            return sum(len(chunk) for chunk in response.streaming_content)

        def xlsx_export(view=view):
            response = view.as_spreadsheet(page.get_submissions(), "xlsx")
            return sum(len(chunk) for chunk in response.streaming_content)

        measure(f"CSV, {count:,} rows", csv_export)
        measure(f"XLSX, {count:,} rows", xlsx_export)


if __name__ == "__main__":
    main()
