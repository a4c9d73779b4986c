"""Who is told what by email, and when.

- Moderators: "comments wait for you", at most one notice per moderator per
  `CommentSettings.notify_every_minutes`. The batching key lives in the
  default cache, which every process shares (files on one machine, Redis on
  several; see settings), so two workers cannot both send. No model is
  needed: if the cache is emptied, the worst case is one extra notice. A
  comment that arrives inside the quiet period schedules one digest for the
  end of it (when the task backend can defer), so nothing waits unannounced.
- Every writer who appealed: the outcome of the appeal, with the outcome
  note (`notify_appeal_outcome_of`).
- Commenters who ticked "email me": the outcome of their comment, either
  way (published, with a link to it; or not published, with the moderator's
  note as the reason and a link to the house rules), and a reply to their
  comment once that reply is published. Spam decisions are never mailed (the
  address on a spam comment is often someone else's).

The signal receivers (comments/tasks.py) only enqueue tasks, after the
transaction commits; the tasks call the senders below in the worker, never
inside a request. Emails are rendered from plain-text and HTML templates in the
reader's language: moderators' through `home.staff_email.email_staff` (in
their admin language, with the admin link), commenters' through its
`send_email`.
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from django_tasks import default_task_backend

from home.models import SiteSettings
from home.staff_email import email_staff, send_email
from networks.permissions import networks_moderated_by

from .models import Comment, CommentAppeal, CommentSettings
from .moderation import comments_moderated_by, moderators_of
from .receipts import receipt_url

#: Decisions that publish a comment, and those that tell its writer it is not (or no longer) shown.
PUBLISHING_ACTIONS = {"approve", "restore", "edit_and_approve"}
DECLINING_ACTIONS = {"reject", "hide"}


# --- Helpers ------------------------------------------------------------------


def _language_for(comment):
    """Returns the commenter's language, else the page's, else the site's."""
    codes = {code for code, _name in settings.LANGUAGES}
    for candidate in (comment.language, getattr(comment.page.locale, "language_code", "")):
        if candidate and candidate in codes:
            return candidate
        if candidate and candidate.split("-")[0] in codes:
            return candidate.split("-")[0]
    return settings.LANGUAGE_CODE


def _page_url(page):
    url = page.get_full_url() if page is not None else None
    return url or settings.WAGTAILADMIN_BASE_URL


def comment_url(comment):
    """Returns the absolute link to a comment on its page."""
    return f"{_page_url(comment.page)}#comment-{comment.pk}"


def house_rules_url():
    """Returns the absolute link to the house rules in the active language, or None."""
    page = SiteSettings.load().house_rules_page
    if page is None:
        return None
    return _page_url(page.localized)


# --- Moderators -------------------------------------------------------------------


def _notice_key(user):
    return f"comments:moderator-notice:{user.pk}"


def _digest_key(user):
    return f"comments:moderator-digest-scheduled:{user.pk}"


def notify_moderators_of(comment, *, schedule_digest, exclude=None):
    """Tells each moderator of `comment`'s page (but `exclude`, a user id)
    that comments or appeals wait, unless they were told within the last
    `notify_every_minutes`; for those told recently, calls
    `schedule_digest(user, run_after)` once per quiet period (the task that
    sends the digest lives in comments.tasks, above this)."""
    minutes = CommentSettings.load().notify_every_minutes
    sent = 0
    for user in moderators_of(comment.page):
        if user.pk == exclude:
            continue
        now = timezone.now()
        if minutes == 0 or cache.add(_notice_key(user), now.isoformat(), timeout=minutes * 60):
            sent += send_moderator_notice(user)
            continue
        # Told recently: make sure one digest follows at the end of the quiet period.
        if _can_defer() and cache.add(_digest_key(user), 1, timeout=minutes * 60):
            schedule_digest(user, now + timedelta(minutes=minutes))
    return sent


def appeals_for(user):
    """Returns the open appeals `user` may decide: on comments they moderate,
    against rejections that were not theirs."""
    return (
        CommentAppeal.objects.open()
        .filter(comment__in=comments_moderated_by(user))
        .exclude(rejected_by=user)
    )


def _can_defer():
    return default_task_backend.supports_defer


def send_moderator_notice(user, *, remember=False):
    """Emails `user` how many comments wait for them, per network, with the
    oldest waiting time, how many appeals wait for their decision, and a
    link to the queue. Returns 1 if sent, 0 if nothing waits."""
    pending = comments_moderated_by(user).pending()
    total = pending.count()
    appeals = appeals_for(user).count()
    if not total and not appeals:
        return 0
    oldest = pending.order_by("created_at").values_list("created_at", flat=True).first()
    by_network = []
    for network in networks_moderated_by(user).order_by("title"):
        count = pending.filter(network=network).count()
        if count:
            by_network.append((network.title, count))
    if remember:
        minutes = CommentSettings.load().notify_every_minutes
        cache.set(_notice_key(user), timezone.now().isoformat(), timeout=minutes * 60)
    return email_staff(
        [user],
        subject=lambda: (
            gettext("%(site)s: comments are waiting for moderation")
            % {"site": settings.WAGTAIL_SITE_NAME}
        ),
        template="comments/email/moderators_waiting",
        context={"total": total, "oldest": oldest, "by_network": by_network, "appeals": appeals},
        link=reverse("comments:index") + ("?state=pending" if total else "?state=appeal"),
    )


def send_moderator_digest(user):
    """The digest scheduled at the end of a quiet period: sent only if
    comments still wait."""
    cache.delete(_digest_key(user))
    return send_moderator_notice(user, remember=True)


# --- Commenters -------------------------------------------------------------------


def notify_commenter_of(comment, action):
    """Tells the commenter the outcome of `action` on their comment, if they
    asked and if the comment is still in the state that action left it in
    (a decision reversed before the worker ran is not announced). A
    published reply also tells the parent comment's writer. Returns the
    number of emails sent."""
    sent = 0
    if action in PUBLISHING_ACTIONS and comment.status == Comment.Status.APPROVED:
        if comment.notify and comment.email and not _published_by_its_appeal(comment):
            edited = action == "edit_and_approve" and comment.was_edited
            sent += _send_to_commenter(comment, "comment_published", edited=edited)
        parent = comment.parent
        if (
            parent is not None
            and parent.notify
            and parent.email
            and parent.status == Comment.Status.APPROVED
            and parent.email.lower() != comment.email.lower()
        ):
            sent += _send_to_commenter(parent, "reply_published", reply=comment)
    elif action in DECLINING_ACTIONS and comment.status in {
        Comment.Status.REJECTED,
        Comment.Status.HIDDEN,
    }:
        if comment.notify and comment.email:
            sent += _send_to_commenter(comment, "comment_declined")
    return sent


def _published_by_its_appeal(comment):
    """True when the comment's publication is its appeal being overturned:
    the writer hears of it once, in the appeal's outcome email, not twice.
    A later publication (hidden, then restored) is announced as usual."""
    appeal = (
        CommentAppeal.objects.filter(comment=comment, status=CommentAppeal.Status.OVERTURNED)
        .only("decided_at")
        .first()
    )
    return (
        appeal is not None
        and appeal.decided_at is not None
        and comment.decided_at is not None
        and comment.decided_at <= appeal.decided_at
    )


def notify_appeal_outcome_of(appeal):
    """Emails the writer the outcome of their appeal (they asked for it by
    appealing, whether or not they ticked "email me"), in their language,
    with the outcome note and their receipt. Returns the number sent."""
    comment = appeal.comment
    if appeal.is_open or not comment.email:
        return 0
    return _send_to_commenter(comment, "appeal_decided", appeal=appeal)


SUBJECTS = {
    "appeal_decided": lambda: gettext("The outcome of your appeal"),
    "comment_published": lambda: gettext("Your comment is published"),
    "comment_declined": lambda: gettext("Your comment is not published"),
    "reply_published": lambda: gettext("Someone replied to your comment"),
}


def _send_to_commenter(comment, template, reply=None, appeal=None, edited=False):
    with translation.override(_language_for(comment)):
        context = {
            "comment": comment,
            "reply": reply,
            "appeal": appeal,
            "receipt_url": receipt_url(comment),
            "page_title": comment.page.title,
            "comment_url": comment_url(reply or comment),
            "house_rules_url": house_rules_url(),
            "was_published": comment.status == Comment.Status.HIDDEN,
            # Published with a moderator's edit: the writer is told, and why.
            "was_edited": edited,
        }
        return send_email(
            comment.email,
            subject=SUBJECTS[template],
            template=f"comments/email/{template}",
            context=context,
        )
