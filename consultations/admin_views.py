"""The responses in the admin: Wagtail's submissions listing and its CSV and
XLSX export, made safe to open in a spreadsheet and streamed.

Who may see them is decided once, in `permissions.consultations_for_staff`,
through Wagtail's `filter_form_submissions_for_user` hook (see
wagtail_hooks), which every form-submission view asks: the listing, the
export and the delete view, by id as well as through menus.

Every cell that a spreadsheet would read as a formula (it begins with `=`,
`+`, `-`, `@`, a tab or a carriage return) is written with a leading
apostrophe, in CSV and XLSX alike, headers included. Rows come from the
database in chunks (`.iterator()`), so memory stays flat whatever the number
of responses; the XLSX workbook is write-only (openpyxl keeps rows in a
temporary file, not in memory).
"""

from django.utils.encoding import force_str

from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_CHUNK = 2000


def neutralise(value):
    """Returns `value` with a leading apostrophe if a spreadsheet would read
    it as a formula; any other value unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class ConsultationSubmissionsListView(SubmissionsListView):
    """Wagtail's listing of a consultation's responses, with a safe,
    streaming export."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return neutralise(force_str(self.export_headings.get(field) or field))

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # One pass over the rows, fetched in chunks: no list of every response.
        rows = queryset.order_by("submit_time", "pk").iterator(chunk_size=EXPORT_CHUNK)
        return super().as_spreadsheet(rows, spreadsheet_format)
