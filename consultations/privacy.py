"""A respondent's data on request, for the shared privacy registry (the
switch to `home.privacy.register` is one call, with these two functions):

- `export_personal_data(email)`: every response one email address sent, as a
  list of JSON-ready dicts (answers, name, choice about publication).
- `erase_personal_data(email, by=None)`: removes the name and email from each
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

from .responses import ConsultationResponse, ConsultationSettings


def export_personal_data(email):
    """Returns a JSON-ready dict for each response sent from `email`."""
    responses = ConsultationResponse.objects.by_email(email).select_related("page")
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
        for response in responses.order_by("submit_time", "pk")
    ]


def _erase(responses, by, reason):
    count = 0
    now = timezone.now()
    user = by if by is not None and getattr(by, "is_authenticated", False) else None
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


def erase_personal_data(email, by=None):
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
    expired = ConsultationResponse.objects.filter(
        page__consultations_consultationpage__outcome_published_at__lte=cutoff,
        erased_at__isnull=True,
    ).exclude(name="", email="")
    return _erase(expired, None, "retention")
