"""How long the site keeps what commenters gave it, applied daily.

`apply_retention(now=None, dry_run=False)` is the one entry point: the
django-tasks task `comments.tasks.apply_retention_task` and the command
`manage.py apply_comment_retention [--dry-run]` both call it.

- An approved comment older than Comment settings'
  `anonymise_after_months` (default 24) loses its writer's email address
  and IP address (and with them the "email me" wish); its name and words
  stay on the page.
- Pending, rejected and spam comments older than
  `delete_declined_after_days` (default 180, the purge period) are deleted
  through `comments.privacy.purge_declined`, the one purge, which audits
  each one and keeps comments with replies.
- A comment under an open appeal is never touched.

Both periods at 0 switch their half off. Every run logs its counts.
"""

import logging

from django.db import transaction
from django.utils import timezone

from dateutil.relativedelta import relativedelta

from .models import Comment, CommentSettings
from .privacy import purge_declined

logger = logging.getLogger("comments.retention")

DELETED_STATES = (Comment.Status.PENDING, Comment.Status.REJECTED, Comment.Status.SPAM)


def anonymisable(months, now=None):
    """Returns the approved comments posted more than `months` months before
    `now` that still hold an email or IP address and no open appeal."""
    cutoff = (now or timezone.now()) - relativedelta(months=months)
    return (
        Comment.objects.approved()
        .filter(created_at__lt=cutoff)
        .exclude(email="", ip_address__isnull=True)
        .without_open_appeals()
    )


def apply_retention(now=None, dry_run=False):
    """Applies the comment settings' retention periods as of `now`. Returns
    {"anonymised": n, "deleted": {status: n}}; with `dry_run`, what would
    happen, changing nothing."""
    now = now or timezone.now()
    comment_settings = CommentSettings.load()
    counts = {"anonymised": 0, "deleted": dict.fromkeys(DELETED_STATES, 0)}
    months = comment_settings.anonymise_after_months
    if months:
        queryset = anonymisable(months, now)
        if dry_run:
            counts["anonymised"] = queryset.count()
        else:
            with transaction.atomic():
                counts["anonymised"] = Comment.objects.filter(
                    pk__in=list(queryset.values_list("pk", flat=True))
                ).update(email="", ip_address=None, notify=False)
    days = comment_settings.delete_declined_after_days
    if days:
        counts["deleted"] = purge_declined(days, dry_run=dry_run, statuses=DELETED_STATES, now=now)
    logger.info(
        "%s: anonymised %d approved comments older than %d months; deleted %s",
        "Comment retention (dry run)" if dry_run else "Comment retention",
        counts["anonymised"],
        months,
        ", ".join(f"{n} {status}" for status, n in counts["deleted"].items()),
    )
    return counts


def scheduled_run():
    """The daily scheduled job (home.scheduled): `apply_retention` now.
    Returns what it did, in a sentence for the log."""
    counts = apply_retention()
    deleted = ", ".join(f"{n} {status}" for status, n in counts["deleted"].items())
    return f"{counts['anonymised']} approved comments anonymised; deleted {deleted}"
