"""Answering a consultation: the one path every response takes, whatever
the page's language, however stale the form or replayed the POST.

Order: the consultation must be open at this second; the form must be valid
(the shared defences included); the site's rate limit for "consultation"
(`home.defences.rate_limited`) must allow it; then, in one
transaction, the consultation is asked once more whether it is open (the
clock moved while we checked), a repeat from the same email is replaced or
refused as the consultation says, and the response is stored under the
source page. Any refusal renders the page again with everything typed and a
message, and stores nothing.

A form rendering is stored once (`home.defences`: the clock's submission
key): while the consultation is open, a POST from a rendering already
stored (before, or at the same moment: the unique key) is answered with the
same thank-you page and stores nothing more. After closing, a replayed POST
is refused like any other.
"""

from django.db import IntegrityError, transaction
from django.template.response import TemplateResponse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from home.defences import first_submission, rate_limited

from .forms import (
    EMAIL_FIELD,
    NAME_FIELD,
    PUBLISH_FIELD,
    RepeatResponses,
)
from .responses import ConsultationResponse, Publication
from .schedule import LONDON, Status

CHOICE_TYPES = {"radio", "checkboxes", "dropdown"}


def when(moment):
    """Returns `moment` as UK wall-clock words, e.g. "31 March 2026, 17:00"."""
    local = timezone.localtime(moment, LONDON)
    return f"{formats.date_format(local, 'j F Y')}, {local:%H:%M}"


def refusal_message(page, now):
    """Returns why `page` takes no answers at `now`, or "" while it is open."""
    schedule = page.schedule_page
    status = page.status_at(now)
    if status == Status.UPCOMING:
        return _("This consultation opens on %(when)s.") % {"when": when(schedule.opens_at)}
    if status in (Status.CLOSED, Status.RESULTS_PUBLISHED):
        return _("This consultation closed on %(when)s.") % {"when": when(schedule.closes_at)}
    return ""


def in_source_language(page, answers):
    """Returns `answers` with each choice given as the source question's
    choice at the same position, so that every language counts together."""
    source = page.schedule_page
    if source.pk == page.pk:
        return answers
    source_fields = {field.clean_name: field for field in source.form_fields.all()}
    converted = dict(answers)
    for field in page.form_fields.all():
        source_field = source_fields.get(field.clean_name)
        if source_field is None or field.field_type not in CHOICE_TYPES:
            continue
        mine, theirs = field.choice_list(), source_field.choice_list()
        lookup = dict(zip(mine, theirs, strict=False))
        value = answers.get(field.clean_name)
        if isinstance(value, list):
            converted[field.clean_name] = [lookup.get(item, item) for item in value]
        elif value:
            converted[field.clean_name] = lookup.get(value, value)
    return converted


def render(page, request, *, form, notice="", status=200):
    context = page.get_context(request)
    context.update(form=form, notice=notice)
    return TemplateResponse(request, page.get_template(request), context, status=status)


def summary_of(page, form):
    """Returns (question, answer) pairs of what the respondent sent, in order."""
    pairs = []
    for field in form.person_fields():
        value = form.cleaned_data.get(field.name)
        if value in (None, "", []):
            continue
        if isinstance(value, bool):
            value = _("Yes") if value else _("No")
        elif isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        pairs.append((field.label, value))
    return pairs


def store(page, request, form):
    """Stores the response, or returns the refusal (a message for the form).
    Returns (response or None, replaced, refusal). A response already stored
    from this form rendering comes back as it is (replaced False)."""
    source = page.schedule_page
    email = (form.cleaned_data.get(EMAIL_FIELD) or "").strip()
    key = form.submission_key()
    try:
        with transaction.atomic():
            # Asked again, at the moment of storing: the clock has moved since.
            refusal = refusal_message(page, timezone.now())
            if refusal:
                return None, False, refusal
            earlier = ConsultationResponse.objects.filter(page=source).by_email(email)
            from_this_email = bool(email) and earlier.exists()
            # After the email check, not before: a copy of this rendering
            # committed between the two is found here, never taken for an
            # earlier response to refuse or replace.
            first = first_submission(ConsultationResponse.objects.all(), key)
            if first is not None:
                return first, False, ""
            replaced = False
            if from_this_email:
                if source.repeat_responses == RepeatResponses.REFUSE:
                    return (
                        None,
                        False,
                        _(
                            "We already have a response from this email address, and this "
                            "consultation takes one response each. To change it, contact us."
                        ),
                    )
                earlier.delete()
                replaced = True
            may_publish = form.cleaned_data.get(PUBLISH_FIELD)
            response = ConsultationResponse.objects.create(
                page=source,
                form_data=in_source_language(page, form.answers()),
                name=(form.cleaned_data.get(NAME_FIELD) or "").strip(),
                email=email,
                may_publish=may_publish,
                language=(translation.get_language() or "")[:12],
                publication=Publication.PENDING if may_publish else Publication.PRIVATE,
                submission_key=key,
            )
    except IntegrityError:
        # A copy of this rendering was stored at the same moment.
        earlier = first_submission(ConsultationResponse.objects.all(), key)
        if earlier is None:
            raise
        return earlier, False, ""
    return response, replaced, ""


def thank_you(page, request, form, response, replaced=False):
    """Returns the thank-you page for `response` (never cached: it shows
    what this respondent sent)."""
    context = page.get_context(request)
    context.update(form_submission=response, replaced=replaced, summary=summary_of(page, form))
    landing = TemplateResponse(request, page.get_landing_page_template(request), context)
    landing["Cache-Control"] = "private, no-store"
    return landing


def serve_consultation(page, request):
    """Serves a ConsultationPage: the form while open, the dates before, the
    results after; a POST is answered through the one path above."""
    if request.method != "POST":
        form = page.get_form(page=page, user=request.user) if page.is_open() else None
        return render(page, request, form=form)

    refusal = refusal_message(page, timezone.now())
    if refusal:
        return render(page, request, form=None, notice=refusal, status=403)
    form = page.get_form(request.POST, request.FILES, page=page, user=request.user)
    earlier = first_submission(ConsultationResponse.objects.all(), form.submission_key())
    if earlier is not None and form.is_valid():
        # This rendering was stored already (its answer lost, the button
        # pressed again): the same thank-you, nothing stored again.
        return thank_you(page, request, form, earlier)
    if not form.is_valid():
        return render(page, request, form=form, status=400)
    limited = rate_limited(request, "consultation", email=form.cleaned_data.get(EMAIL_FIELD))
    if limited:
        form.add_error(None, limited)
        return render(page, request, form=form, status=429)
    response, replaced, refusal = store(page, request, form)
    if response is None:
        if page.status_at() != Status.OPEN:
            return render(page, request, form=None, notice=refusal, status=403)
        form.add_error(EMAIL_FIELD, refusal)
        return render(page, request, form=form, status=409)
    return thank_you(page, request, form, response, replaced)
