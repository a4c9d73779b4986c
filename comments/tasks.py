"""Background tasks (django-tasks) that send the comments' email, so that no
request ever waits for a mail server. Production runs them with
`manage.py db_worker`; tests run them immediately. Each task takes ids, not
objects or addresses, so the queue holds no personal data and a task that
runs late sees the comment as it is then."""

from django.contrib.auth import get_user_model

from django_tasks import task

from . import escalation, notifications
from .models import Comment


@task()
def notify_moderators(comment_id):
    """Tells the moderators of a new pending comment that comments wait
    (batched per moderator). Returns the number of notices sent."""
    comment = Comment.objects.select_related("page").filter(pk=comment_id).first()
    if comment is None or comment.status != Comment.Status.PENDING:
        return 0
    return notifications.notify_moderators_of(comment)


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
def escalate_overdue_comments():
    """Escalates the pending comments that waited past their network's
    moderation target (or sit in a network with no moderator) and emails the
    site moderators one message listing them. Run hourly. Returns how many
    were escalated."""
    return escalation.escalate_overdue()
