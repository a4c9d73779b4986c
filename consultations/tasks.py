"""Background work for consultations: remind a network's editors, once,
when a closed consultation has waited too long for its outcome. Sent by the
task worker, never inside a request; `manage.py remind_overdue_outcomes`
enqueues it (daily, through `run_scheduled_jobs`). The email goes through
`home.staff_email.email_staff`: each editor in their admin language, plain
text and HTML, with an absolute link to the consultation in the admin."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from django_tasks import task

from home.staff_email import email_staff
from networks.models import NetworkPage
from networks.permissions import network_editors

from .models import ConsultationPage
from .responses import ConsultationSettings


def overdue_consultations(now=None):
    """Returns the live consultations overdue for their outcome that have not
    been reminded of yet (default language only: translations share it)."""
    days = ConsultationSettings.load().outcome_overdue_days
    return (
        ConsultationPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE, outcome_reminder_sent_at__isnull=True)
        .overdue_outcomes(days, now=now)
    )


@task()
def remind_overdue_outcomes():
    """Emails each overdue consultation's network editors once. Returns how
    many consultations were reminded of."""
    reminded = 0
    now = timezone.now()
    for consultation in overdue_consultations(now):
        # Claimed first, so that two workers never send the same reminder.
        claimed = ConsultationPage.objects.filter(
            pk=consultation.pk, outcome_reminder_sent_at__isnull=True
        ).update(outcome_reminder_sent_at=now)
        if not claimed:
            continue
        network = consultation.network
        if network is None:
            continue
        editors = network_editors(NetworkPage.objects.filter(pk=network.pk))
        days = (now - consultation.closes_at).days
        email_staff(
            editors,
            subject=lambda c=consultation: (
                gettext("Outcome overdue: %(title)s") % {"title": c.title}
            ),
            template="consultations/email/outcome_overdue",
            context={"consultation": consultation, "days": days, "network": network},
            link=reverse("wagtailadmin_pages:edit", args=[consultation.pk]),
        )
        reminded += 1
    return reminded


def enqueue_outcome_reminders():
    """The daily scheduled job (home.scheduled): hands the reminder to the
    task worker, which sends the email (each consultation once)."""
    remind_overdue_outcomes.enqueue()
    return "reminder of overdue outcomes enqueued"
