"""A respondent's data on request: consultations' part of the site-wide
privacy requests (`home.privacy`, registered as "consultations" in
`ConsultationsConfig.ready()`; Settings → Privacy requests and the
`export_personal_data` / `erase_personal_data` commands walk it):

- `export_responses(email, by=None)`: every response one email address sent,
  as a list of JSON-ready dicts (answers, name, choice about publication),
  each export audited ("privacy.export").
- `erase_responses(email, by=None)`: removes the name and email from each
  of those responses and keeps the anonymous answers (so the results do not
  change), audited one entry per response. Returns how many were anonymised.
- `erase_expired_details()`: the retention setting — names and emails of
  responses to consultations whose outcome was published more than
  `keep_raw_responses_days` ago are erased the same way.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from home.privacy import log_export

from .models import ConsultationPage
from .responses import ConsultationResponse, ConsultationSettings


def export_responses(email, by=None):
    """Returns a JSON-ready dict for each response sent from `email`; `by`,
    the person who asked for the export, is recorded in the audit log."""
    responses = list(
        ConsultationResponse.objects.by_email(email)
        .select_related("page")
        .order_by("submit_time", "pk")
    )
    for response in responses:
        log_export(response, by=_user(by))
    return [
        {
            "type": "consultation response",
            "id": response.pk,
            "consultation": response.page.title,
            "submitted_at": response.submit_time.isoformat(),
            "name": response.name,
            "email": response.email,
            "may_publish": response.may_publish,
            "language": response.language,
            "answers": response.form_data,
            "published_text": response.published_text,
        }
        for response in responses
    ]


def _user(by):
    """Returns `by` if it is a signed-in user (the audit log's actor), else None."""
    return by if by is not None and getattr(by, "is_authenticated", False) else None


def _erase(responses, by, reason):
    count = 0
    now = timezone.now()
    user = _user(by)
    with transaction.atomic():
        for response in responses.select_for_update():
            response.name = ""
            response.email = ""
            response.erased_at = now
            response.save(update_fields=["name", "email", "erased_at"])
            log(
                instance=response,
                action="consultations.erase",
                user=user,
                data={"reason": reason},
            )
            count += 1
    return count


def erase_responses(email, by=None):
    """Removes `email`'s name and address from every response they sent,
    keeping the answers. Returns how many responses were anonymised."""
    return _erase(ConsultationResponse.objects.by_email(email), by, "request")


def erase_expired_details(now=None):
    """Erases names and emails of responses to consultations whose outcome
    was published longer ago than the retention setting. Returns the count."""
    days = ConsultationSettings.load().keep_raw_responses_days
    if days is None:
        return 0
    now = timezone.now() if now is None else now
    cutoff = now - datetime.timedelta(days=days)
    # Responses are stored under the consultation's schedule (source) page,
    # whose outcome date is the one that counts.
    expired = ConsultationResponse.objects.filter(
        page__in=ConsultationPage.objects.filter(outcome_published_at__lte=cutoff).values("pk"),
        erased_at__isnull=True,
    ).exclude(name="", email="")
    return _erase(expired, None, "retention")
