"""A commenter's data on request, and how long we keep what we declined.

- `export_comments(email, by=None)`: every comment one email address
  submitted, as data for JSON; `erase_comments(email, by=None)` anonymises
  them. Both are comments' part of the site-wide privacy requests
  (`home.privacy`, registered in `CommentsConfig.ready`), which the admin's
  Privacy requests page and the `export_personal_data` /
  `erase_personal_data` commands walk.
- Erasure: We anonymise rather than delete:
  deleting a comment would delete the replies other residents wrote to it
  (one conversation, `on_delete=CASCADE`) and leave the moderation history
  pointing at nothing. Anonymising removes every personal detail — name,
  email, IP address, the words themselves, the notification wish and the
  spam flags — and rewrites the audit log's labels for those comments, while
  the thread, the states and who decided what stay intact.
- `purge_declined(days)`: delete rejected and spam comments older than the
  retention period (the only deletion in the app; the `purge_comments`
  command runs it).

Each of these writes Wagtail's audit log, one entry per comment.
"""

import logging
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .models import Comment

logger = logging.getLogger("comments.privacy")

ERASED_NAME = "Removed"
ERASED_BODY = "This comment was removed at its writer's request."
DEFAULT_RETENTION_DAYS = 180


def _absolute_url(page):
    try:
        return page.get_full_url()
    except Exception:  # a page outside every site has no URL
        return None


def export_comments(email, by=None):
    """Returns a JSON-ready dict for each comment `email` submitted (in any
    letter case), and logs the export against each comment."""
    comments = list(Comment.objects.by_email(email).select_related("page").order_by("created_at"))
    data = [
        {
            "id": comment.pk,
            "page": {"title": comment.page.title, "url": _absolute_url(comment.page)},
            "in_reply_to": comment.parent_id,
            "name": comment.name,
            "email": comment.email,
            "comment": comment.body,
            "language": comment.language,
            "email_me_when_published_or_answered": comment.notify,
            "status": comment.status,
            "posted_at": comment.created_at.isoformat(),
            "decided_at": comment.decided_at.isoformat() if comment.decided_at else None,
            "moderator_note": comment.decision_note,
            "flags": comment.flags,
            "ip_address": comment.ip_address,
        }
        for comment in comments
    ]
    with transaction.atomic():
        for comment in comments:
            log(instance=comment, action="comments.export", user=by, data={})
    logger.info("Exported %d comments for one email address", len(comments))
    return data


def erase_comments(email, by=None):
    """Anonymises every comment `email` submitted; returns how many."""
    comments = list(Comment.objects.by_email(email))
    if not comments:
        return 0
    content_type = ContentType.objects.get_for_model(Comment)
    with transaction.atomic():
        for comment in comments:
            comment.name = ERASED_NAME
            comment.email = ""
            comment.body = ERASED_BODY
            comment.ip_address = None
            comment.notify = False
            comment.flags = ""
            comment.save(update_fields=["name", "email", "body", "ip_address", "notify", "flags"])
        # The audit log keeps each entry's label (the comment's str at the
        # time: name and the start of the text); rewrite those labels.
        ModelLogEntry.objects.filter(
            content_type=content_type, object_id__in=[str(c.pk) for c in comments]
        ).update(label=str(comments[0]))
        for comment in comments:
            log(instance=comment, action="comments.erase", user=by, data={})
    logger.info("Erased %d comments for one email address", len(comments))
    return len(comments)


def purgeable(days=DEFAULT_RETENTION_DAYS):
    """Returns the rejected and spam comments decided (or, undecided, posted)
    more than `days` days ago that have no replies (a reply would go with its
    parent; it waits until its own turn)."""
    cutoff = timezone.now() - timedelta(days=days)
    return (
        Comment.objects.filter(status__in=[Comment.Status.REJECTED, Comment.Status.SPAM])
        .alias(decided_or_posted=Coalesce("decided_at", "created_at"))
        .filter(decided_or_posted__lt=cutoff)
        .exclude(Exists(Comment.objects.filter(parent=OuterRef("pk"))))
    )


def purge_declined(days=DEFAULT_RETENTION_DAYS, dry_run=False, by=None):
    """Deletes the `purgeable(days)` comments, unless `dry_run`; returns
    {status: count}. Each purged comment leaves an audit entry (with its
    label reduced to its number) and the purge one log line."""
    comments = list(purgeable(days).only("pk", "status"))
    counts = {
        status: sum(1 for c in comments if c.status == status)
        for status in (Comment.Status.REJECTED, Comment.Status.SPAM)
    }
    if dry_run or not comments:
        return counts
    content_type = ContentType.objects.get_for_model(Comment)
    with transaction.atomic():
        for comment in comments:
            log(
                instance=comment,
                action="comments.purge",
                user=by,
                title=f"Comment #{comment.pk}",
                data={"status": comment.status, "retention_days": days},
            )
        ModelLogEntry.objects.filter(
            content_type=content_type, object_id__in=[str(c.pk) for c in comments]
        ).exclude(action="comments.purge").update(label="Comment (purged)")
        Comment.objects.filter(pk__in=[c.pk for c in comments]).delete()
    logger.warning(
        "Purged %d rejected and %d spam comments older than %d days",
        counts[Comment.Status.REJECTED],
        counts[Comment.Status.SPAM],
        days,
    )
    return counts


def purge_past_retention():
    """The daily scheduled job (home.scheduled): `purge_declined` with the
    default retention period. Returns what it did, for the log."""
    counts = purge_declined(DEFAULT_RETENTION_DAYS)
    return (
        f"{counts[Comment.Status.REJECTED]} rejected and {counts[Comment.Status.SPAM]} spam "
        f"comments older than {DEFAULT_RETENTION_DAYS} days purged"
    )
