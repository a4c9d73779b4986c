"""Background tasks (django-tasks) that send the comments' email, so that no
request ever waits for a mail server, and the signal receivers that enqueue
them once a transaction commits. Production runs them with
`manage.py db_worker`; tests run them immediately. Each task takes ids, not
objects or addresses, so the queue holds no personal data and a task that
runs late sees the comment as it is then. The senders are in
comments/notifications.py, below this module."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from django_tasks import task

from . import escalation, notifications, retention
from .models import Comment, CommentAppeal, appeal_decided, appeal_opened, comment_status_changed
from .notifications import DECLINING_ACTIONS, PUBLISHING_ACTIONS


@task()
def notify_moderators(comment_id):
    """Tells the moderators of a new pending comment that comments wait
    (batched per moderator). Returns the number of notices sent."""
    comment = Comment.objects.select_related("page").filter(pk=comment_id).first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return 0
    return notifications.notify_moderators_of(comment, schedule_digest=schedule_moderator_digest)


def schedule_moderator_digest(user, run_after):
    """Enqueues the digest that follows a quiet period for `user`."""
    send_moderator_digest.using(run_after=run_after).enqueue(user.pk)


@task()
def notify_moderators_of_appeal(appeal_id):
    """Tells the moderators who may decide a new appeal (not the one who
    rejected the comment) that it waits, batched with the comments' notices.
    Returns the number of notices sent."""
    appeal = CommentAppeal.objects.select_related("comment__page").filter(pk=appeal_id).first()
    if appeal is None or not appeal.is_open:
        return 0
    return notifications.notify_moderators_of(
        appeal.comment, schedule_digest=schedule_moderator_digest, exclude=appeal.rejected_by_id
    )


@task()
def send_moderator_digest(user_id):
    """Sends one moderator the digest scheduled at the end of a quiet period."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    return notifications.send_moderator_digest(user)


@task()
def notify_commenter(comment_id, action):
    """Tells a commenter who asked the outcome of `action` on their comment,
    and the writer of the comment it replies to, if a reply was published."""
    comment = Comment.objects.select_related("page", "parent").filter(pk=comment_id).first()
    if comment is None:
        return 0
    return notifications.notify_commenter_of(comment, action)


@task()
def notify_appeal_outcome(appeal_id):
    """Tells the writer of an appealed comment the appeal's outcome."""
    appeal = (
        CommentAppeal.objects.select_related("comment", "comment__page")
        .filter(pk=appeal_id)
        .first()
    )
    if appeal is None:
        return 0
    return notifications.notify_appeal_outcome_of(appeal)


@task()
def apply_retention_task():
    """The daily retention run (see comments.retention): anonymises old
    approved comments and deletes old pending, rejected and spam ones.
    Returns the counts."""
    counts = retention.apply_retention()
    return {"anonymised": counts["anonymised"], "deleted": dict(counts["deleted"])}


@task()
def escalate_overdue_comments():
    """Escalates the pending comments that waited past their network's
    moderation target (or sit in a network with no moderator) and emails the
    site moderators one message listing them. Run hourly. Returns how many
    were escalated."""
    return escalation.escalate_overdue()


# --- Signal receivers: enqueue only, after commit -----------------------------


@receiver(post_save, sender=Comment, dispatch_uid="comments.notify_on_create")
def comment_created(sender, instance, created, raw=False, **kwargs):
    """A new pending comment wakes its moderators; a comment published at once
    (a trusted commenter) is treated like an approval."""
    if raw or not created:
        return
    if instance.status == Comment.Status.PENDING:
        transaction.on_commit(lambda: notify_moderators.enqueue(instance.pk), robust=True)
    elif instance.status == Comment.Status.APPROVED:
        transaction.on_commit(lambda: notify_commenter.enqueue(instance.pk, "approve"), robust=True)


@receiver(comment_status_changed, dispatch_uid="comments.notify_on_decision")
def comment_decided(sender, comment, previous, action, by, **kwargs):
    """Tells the commenter (if they asked) once the decision is committed."""
    if action in PUBLISHING_ACTIONS | DECLINING_ACTIONS:
        transaction.on_commit(lambda: notify_commenter.enqueue(comment.pk, action), robust=True)


@receiver(appeal_opened, dispatch_uid="comments.notify_on_new_appeal")
def appeal_was_opened(sender, appeal, **kwargs):
    """A new appeal wakes the moderators who may decide it, once committed."""
    transaction.on_commit(lambda: notify_moderators_of_appeal.enqueue(appeal.pk), robust=True)


@receiver(appeal_decided, dispatch_uid="comments.notify_on_appeal")
def appeal_was_decided(sender, appeal, **kwargs):
    """Tells the writer the outcome of their appeal once it is committed."""
    transaction.on_commit(lambda: notify_appeal_outcome.enqueue(appeal.pk), robust=True)
