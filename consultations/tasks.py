"""Background work for consultations: remind a network's editors, once,
when a closed consultation has waited too long for its outcome. Sent by the
task worker, never inside a request; `manage.py remind_overdue_outcomes`
enqueues it (run it daily from cron)."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from django_tasks import task

from languages.translations import admin_language
from networks.models import NetworkPage
from networks.permissions import network_editors

from .models import ConsultationPage
from .responses import ConsultationSettings


def _email_editors(users, *, subject, template, context, link):
    """Sends one message to each of `users`, in the language each reads the
    admin in, with an absolute link to `link` (an admin path). The one place
    this app sends staff email: it becomes `home.staff_email.email_staff`.
    Returns how many were sent."""
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + link
    messages = []
    for user in users:
        with translation.override(admin_language(user)):
            body = render_to_string(template, {**context, "user": user, "link": url})
            text = " ".join(str(subject()).split())
        messages.append(EmailMessage(text, body, None, [user.email]))
    return get_connection().send_messages(messages) or 0


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
        editors = network_editors(NetworkPage.objects.filter(pk=network.pk)).exclude(email="")
        days = (now - consultation.closes_at).days
        _email_editors(
            list(editors),
            subject=lambda c=consultation: (
                gettext("Outcome overdue: %(title)s") % {"title": c.title}
            ),
            template="consultations/email/outcome_overdue.txt",
            context={"consultation": consultation, "days": days, "network": network},
            link=reverse("wagtailadmin_pages:edit", args=[consultation.pk]),
        )
        reminded += 1
    return reminded
