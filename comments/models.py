"""Public comments and their moderation.

A comment is created `pending` and is invisible to the public until a
moderator approves it. Every transition is a method here that also writes
Wagtail's audit log (who, when, from, to, note), so views, bulk actions,
commands and tasks all take the same path. `comments` knows nothing about
blogs, consultations or events: a page model opts in with `CommentableMixin`,
and a network sets its policy with `CommentPolicyMixin`.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.log_actions import log

#: The session key that carries "this reader just reported comment N" from
#: the report view to the comments section, which thanks them there.
REPORTED_SESSION_KEY = "comments_reported"


class CommentQuerySet(models.QuerySet):
    """Querysets that name their meaning; public templates only ever see
    `public()`."""

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def approved(self):
        return self.filter(status=Comment.Status.APPROVED)

    def public(self):
        """Returns what anyone may read: approved comments only."""
        return self.approved()

    def for_page(self, page):
        """Returns the comments on `page` and on every translation of it, so
        that one conversation spans all languages."""
        return self.filter(page__translation_key=page.translation_key)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def reported(self):
        return self.filter(reports__isnull=False).distinct()

    def by_email(self, email):
        return self.filter(email__iexact=email.strip())

    def with_open_reports(self):
        """Returns the comments with reports no moderator has dealt with yet:
        a report made after the last decision, or any report if no person
        has decided since (an automatic hide after reports has no `decided_by`)."""
        # Driven from the (few) reports, not from every comment.
        open_reports = CommentReport.objects.filter(
            models.Q(comment__decided_by__isnull=True)
            | models.Q(comment__decided_at__isnull=True)
            | models.Q(created_at__gt=models.F("comment__decided_at"))
        )
        return self.filter(pk__in=open_reports.values("comment_id"))


class Comment(models.Model):
    """A resident's comment (or a one-level reply) on a page."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")
        HIDDEN = "hidden", _("Hidden")

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="public_comments",
        verbose_name=_("page"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("email"), help_text=_("Never published."))
    body = models.TextField(_("comment"), max_length=5000)
    language = models.CharField(_("language"), max_length=12, blank=True)
    notify = models.BooleanField(
        _("email me when my comment is published or answered"), default=False
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.PENDING, db_index=True
    )
    flags = models.CharField(
        _("flags"),
        max_length=200,
        blank=True,
        help_text=_("Why the spam checks held this comment for a closer look, if they did."),
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_note = models.TextField(_("moderator's note"), blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["page", "status"]),
            models.Index(fields=["email"]),
        ]
        permissions = [("moderate_comment", _("Can moderate comments"))]

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"

    # --- Transitions: one path each, every one audited and reversible -------

    TRANSITIONS = {
        "approve": ({Status.PENDING, Status.REJECTED, Status.SPAM, Status.HIDDEN}, Status.APPROVED),
        "reject": ({Status.PENDING, Status.APPROVED, Status.SPAM, Status.HIDDEN}, Status.REJECTED),
        "mark_spam": (
            {Status.PENDING, Status.APPROVED, Status.REJECTED, Status.HIDDEN},
            Status.SPAM,
        ),
        "hide": ({Status.APPROVED}, Status.HIDDEN),
        "restore": ({Status.HIDDEN, Status.REJECTED, Status.SPAM}, Status.APPROVED),
    }

    def can_transition(self, action):
        """Returns True if `action` (approve, reject, mark_spam, hide, restore)
        applies to this comment in its current state."""
        sources, _target = self.TRANSITIONS[action]
        return self.status in sources

    def _transition(self, action, by, note=""):
        sources, target = self.TRANSITIONS[action]
        if self.status not in sources:
            raise InvalidTransition(self, action)
        previous = self.status
        with transaction.atomic():
            self.status = target
            self.decided_at = timezone.now()
            self.decided_by = by if by is not None and by.is_authenticated else None
            self.decision_note = note or ""
            self.save(update_fields=["status", "decided_at", "decided_by", "decision_note"])
            log(
                instance=self,
                action=f"comments.{action}",
                user=self.decided_by,
                data={"from": previous, "to": target, "note": note or ""},
            )
        comment_status_changed.send(
            sender=Comment, comment=self, previous=previous, action=action, by=self.decided_by
        )
        return self

    def approve(self, by=None, note=""):
        """Publishes the comment. Returns it."""
        return self._transition("approve", by, note)

    def reject(self, by=None, note=""):
        """Declines the comment; it stays stored and can be approved later."""
        return self._transition("reject", by, note)

    def mark_spam(self, by=None, note=""):
        """Marks the comment as spam; it stays stored until the purge command."""
        return self._transition("mark_spam", by, note)

    def hide(self, by=None, note=""):
        """Takes an approved comment down (after reports, or by a moderator)."""
        return self._transition("hide", by, note)

    def restore(self, by=None, note=""):
        """Puts a hidden, rejected or spam comment back up."""
        return self._transition("restore", by, note)

    @property
    def is_reply(self):
        return self.parent_id is not None


class InvalidTransition(Exception):
    """Raised when a transition does not apply to a comment's current state."""

    def __init__(self, comment, action):
        self.comment = comment
        self.action = action
        super().__init__(f"Cannot {action} a comment that is {comment.status}.")


class CommentReport(models.Model):
    """A reader's report that an approved comment breaks the house rules."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        ABUSIVE = "abusive", _("Abusive or hateful")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(_("reason"), max_length=12, choices=Reason)
    detail = models.TextField(_("anything else we should know"), blank=True, max_length=1000)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("report")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.comment_id})"


#: Sent after every transition: comment, previous (status), action, by (user or None).
comment_status_changed = Signal()


class CommentPolicy(models.TextChoices):
    HOLD_ALL = "hold_all", _("Hold every comment for a moderator")
    TRUST_REGULARS = "trust_regulars", _("Approve trusted commenters automatically")


class CommentPolicyMixin(models.Model):
    """Per-network moderation policy, set on the network page and inherited by
    every page inside it. Blank values fall back to the site's comment settings."""

    comment_policy = models.CharField(
        _("comment moderation"),
        max_length=20,
        choices=CommentPolicy,
        default=CommentPolicy.HOLD_ALL,
    )
    trusted_after = models.PositiveSmallIntegerField(
        _("trusted after this many approved comments"),
        null=True,
        blank=True,
        help_text=_("Leave blank to use the site default."),
    )
    comments_close_after_days = models.PositiveSmallIntegerField(
        _("close comments after this many days"),
        null=True,
        blank=True,
        help_text=_("Leave blank to use the site default."),
    )

    comment_policy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("comment_policy"),
                FieldPanel("trusted_after"),
                FieldPanel("comments_close_after_days"),
            ],
            heading=_("Comments"),
        )
    ]

    class Meta:
        abstract = True


class CommentableMixin(models.Model):
    """Opt a page model in to public comments. Templates show them with
    `{% load comments_tags %}{% comments_section page %}`."""

    comments_open = models.BooleanField(
        _("accept comments"),
        default=True,
        help_text=_("Untick to close comments on this page."),
    )
    comments_close_after_days = models.PositiveSmallIntegerField(
        _("close comments after this many days"),
        null=True,
        blank=True,
        help_text=_("Leave blank to use the network's or the site's setting."),
    )

    comment_panels = [
        MultiFieldPanel(
            [FieldPanel("comments_open"), FieldPanel("comments_close_after_days")],
            heading=_("Comments"),
        )
    ]

    class Meta:
        abstract = True

    def get_comment_policy_source(self):
        """Returns the object whose CommentPolicyMixin fields govern this page
        (its nearest ancestor with them), or None."""
        from networks.permissions import network_for_page

        network = network_for_page(self)
        return network if isinstance(network, CommentPolicyMixin) else None

    def get_comments_close_at(self):
        """Returns when comments close by age, or None if they never do."""
        days = self.comments_close_after_days
        if days is None:
            source = self.get_comment_policy_source()
            days = getattr(source, "comments_close_after_days", None)
        if days is None:
            days = CommentSettings.load().close_after_days
        published = self.first_published_at
        if not days or published is None:
            return None
        return published + timedelta(days=days)

    def get_comments_closed_reason(self):
        """Returns why comments are closed (a sentence for the reader), or ""
        if they are open. Page types override this to add their own reasons
        (a consultation closes its comments when it closes)."""
        if not self.comments_open:
            return _("Comments are closed on this page.")
        close_at = self.get_comments_close_at()
        if close_at is not None and timezone.now() >= close_at:
            return _("Comments closed automatically after this page had been up for a while.")
        return ""

    def comments_are_open(self):
        return not self.get_comments_closed_reason()


@register_setting(icon="comment")
class CommentSettings(BaseGenericSetting):
    """Site-wide defaults for comments and the spam defences."""

    close_after_days = models.PositiveSmallIntegerField(
        _("close comments after this many days"),
        default=90,
        help_text=_("0 keeps comments open for ever. Networks and pages may override it."),
    )
    trusted_after = models.PositiveSmallIntegerField(
        _("trusted after this many approved comments"), default=3
    )
    reports_to_hide = models.PositiveSmallIntegerField(
        _("reports before a comment is hidden"), default=3
    )
    min_fill_seconds = models.PositiveSmallIntegerField(
        _("minimum seconds to fill in the form"), default=3
    )
    rate_limit_per_ip = models.PositiveSmallIntegerField(
        _("comments per IP address per hour"), default=10
    )
    rate_limit_per_email = models.PositiveSmallIntegerField(
        _("comments per email address per hour"), default=5
    )
    max_links = models.PositiveSmallIntegerField(
        _("links allowed before a comment is flagged"), default=2
    )
    blocked_words = models.TextField(_("blocked words"), blank=True, help_text=_("One per line."))
    blocked_emails = models.TextField(
        _("blocked email addresses"),
        blank=True,
        help_text=_("One per line; @example.com blocks a whole domain."),
    )
    blocked_ips = models.TextField(
        _("blocked IP addresses"), blank=True, help_text=_("One per line.")
    )
    notify_every_minutes = models.PositiveSmallIntegerField(
        _("email moderators at most every this many minutes"), default=30
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("close_after_days"),
                FieldPanel("trusted_after"),
                FieldPanel("reports_to_hide"),
            ],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("min_fill_seconds"),
                FieldPanel("rate_limit_per_ip"),
                FieldPanel("rate_limit_per_email"),
                FieldPanel("max_links"),
                FieldPanel("blocked_words"),
                FieldPanel("blocked_emails"),
                FieldPanel("blocked_ips"),
            ],
            heading=_("Spam defences"),
        ),
        FieldPanel("notify_every_minutes"),
    ]

    class Meta:
        verbose_name = _("comment settings")
