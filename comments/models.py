"""Public comments and their moderation.

A comment is created `pending` and is invisible to the public until a
moderator approves it. Every transition is a method here that also writes
Wagtail's audit log (who, when, from, to, note), so views, bulk actions,
commands and tasks all take the same path. `comments` knows nothing about
blogs, consultations or events: a page model opts in with `CommentableMixin`.
A network sets its policy on its own page (`networks.models.NetworkPage`);
this app asks `networks.permissions.network_for_page` which network governs a
page, and stores it on each comment (`Comment.network`) so that a network's
queue is one indexed lookup.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.db.models.functions import Cast, Lower
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page
from wagtail.models.audit_log import ModelLogEntryManager

from home.defences import submission_key_field
from home.fragments import FRAME, cached_value
from networks.models import CommentPolicy, NetworkPage
from networks.permissions import (
    is_site_moderator,
    network_for_page,
    networks_for_pages,
    pages_moderated_by,
)

__all__ = [
    "Comment",
    "CommentAppeal",
    "CommentLogEntry",
    "CommentPolicy",  # owned by networks; named here for the comments' callers
    "CommentQuerySet",
    "CommentReport",
    "CommentSettings",
    "CommentableMixin",
    "InvalidAppeal",
    "InvalidTransition",
    "appeal_decided",
    "comment_status_changed",
]

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

    def escalated(self):
        """Returns the pending comments the site moderators were told about
        because they waited too long."""
        return self.pending().filter(escalated_at__isnull=False)

    def reported(self):
        return self.filter(reports__isnull=False).distinct()

    def by_email(self, email):
        return self.filter(email__iexact=email.strip())

    def with_email_starting(self, text):
        """Returns the comments whose email address starts with `text`, in
        any case: a range on the lower-cased address, which its index
        (comments_email_lower_idx) answers without reading every comment."""
        prefix = text.strip().lower()
        return self.alias(email_lower=Lower("email")).filter(
            email_lower__gte=prefix, email_lower__lt=prefix + "\U0010ffff"
        )

    def in_networks(self, networks):
        """Returns the comments on the pages of `networks` (NetworkPages), in
        every language each of them is in: the stored network, so one indexed
        lookup however many pages the networks have."""
        translation_keys = {network.translation_key for network in networks}
        return self.filter(
            network__in=NetworkPage.objects.filter(translation_key__in=translation_keys)
        )

    def refresh_networks(self):
        """Stores again on each of these comments the network its page is in
        (after a page moved between networks, say). Returns how many changed;
        one query per page commented on, plus one."""
        pages = (
            Page.objects.filter(pk__in=self.values("page_id"))
            .only("pk", "path", "depth")
            .order_by()
        )
        changed = 0
        for page_id, network in networks_for_pages(pages).items():
            network_id = network.pk if network is not None else None
            stale = self.filter(page_id=page_id).exclude(network_id=network_id)
            changed += stale.update(network_id=network_id)
        return changed

    def with_open_appeals(self):
        """Returns the comments whose writer's appeal waits for a decision."""
        return self.filter(appeal__status=CommentAppeal.Status.OPEN)

    def without_open_appeals(self):
        """Returns the comments no open appeal holds (retention leaves those alone)."""
        return self.exclude(appeal__status=CommentAppeal.Status.OPEN)

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
    network = models.ForeignKey(
        "networks.NetworkPage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("network"),
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
    original_body = models.TextField(
        _("text as the writer sent it"),
        blank=True,
        editable=False,
        help_text=_(
            "Kept for staff when a moderator edited the comment before publishing it "
            "(a phone number or a name taken out). Never shown on the site."
        ),
    )
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
    submission_key = submission_key_field()
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
    escalated_at = models.DateTimeField(
        _("escalated"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the site moderators were told this comment had waited too long."),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            # A network moderator's queue: their networks' comments in one state, oldest first.
            models.Index(
                fields=["network", "status", "created_at"], name="comments_network_queue_idx"
            ),
            # The pages with comments in a network moderator's scope (the page filter).
            models.Index(fields=["network", "page"], name="comments_network_page_idx"),
            # The health figures, read from these indexes alone (never the comments' rows):
            # a network's decisions since a moment (the waits), and its comments by state
            # with their times (pending at the end of each week, the unanswered ones).
            models.Index(
                fields=["network", "decided_at", "created_at", "decided_by"],
                name="comments_health_waits_idx",
            ),
            models.Index(
                fields=["network", "status", "created_at", "decided_at", "parent"],
                name="comments_health_states_idx",
            ),
            models.Index(fields=["page", "status"]),
            models.Index(fields=["email"]),
            # The queue's search for an email address (`with_email_starting`).
            models.Index(Lower("email"), name="comments_email_lower_idx"),
        ]
        permissions = [("moderate_comment", _("Can moderate comments"))]

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"

    def save(self, *args, **kwargs):
        # A new comment stores the network its page is in; moves keep it right
        # (comments.signals), so queues never work it out again.
        if self._state.adding and self.network_id is None and self.page_id is not None:
            self.network = network_for_page(self.page)
        super().save(*args, **kwargs)

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
        # A reported comment that breaks no rule: it stays up, and the
        # decision closes its reports (with_open_reports() counts only
        # reports made after the last decision).
        "keep": ({Status.APPROVED}, Status.APPROVED),
        # Published with its text edited by the moderator (see edit_and_approve).
        "edit_and_approve": ({Status.PENDING}, Status.APPROVED),
    }

    def can_transition(self, action):
        """Returns True if `action` (approve, reject, mark_spam, hide, restore,
        keep) applies to this comment in its current state. "keep" applies
        only to an approved comment with reports still open."""
        sources, _target = self.TRANSITIONS[action]
        if action == "keep" and self.status in sources:
            return self.has_open_reports()
        return self.status in sources

    def has_open_reports(self):
        """Returns True if readers reported the comment since the last
        decision a person made on it."""
        reports = list(self.reports.all())  # the queue prefetches them
        if self.decided_by_id is None or self.decided_at is None:
            return bool(reports)
        return any(report.created_at > self.decided_at for report in reports)

    def _transition(self, action, by, note="", *, changes=None, log_data=None):
        """Moves the comment to the state `action` leads to, setting the
        fields in `changes` as well, and writes the audit entry (from, to,
        note, and `log_data`) in the same transaction."""
        sources, target = self.TRANSITIONS[action]
        if self.status not in sources:
            raise InvalidTransition(self, action)
        previous = self.status
        with transaction.atomic():
            for field, value in (changes or {}).items():
                setattr(self, field, value)
            self.status = target
            self.decided_at = timezone.now()
            self.decided_by = by if by is not None and by.is_authenticated else None
            self.decision_note = note or ""
            self.save(
                update_fields=[
                    "status",
                    "decided_at",
                    "decided_by",
                    "decision_note",
                    *(changes or {}),
                ]
            )
            log(
                instance=self,
                action=f"comments.{action}",
                user=self.decided_by,
                data={"from": previous, "to": target, "note": note or "", **(log_data or {})},
            )
        comment_status_changed.send(
            sender=Comment, comment=self, previous=previous, action=action, by=self.decided_by
        )
        return self

    def approve(self, by=None, note=""):
        """Publishes the comment. Returns it."""
        return self._transition("approve", by, note)

    def reject(self, by=None, note="", reason=""):
        """Declines the comment; it stays stored and can be approved later.
        `reason` is the ready-made reason the moderator picked (see
        `CommentSettings.rejection_reasons`), recorded in the audit entry;
        `note` is what the writer is told, that reason included."""
        return self._transition("reject", by, note, log_data={"reason": reason} if reason else None)

    def edit_and_approve(self, body, by, reason):
        """Publishes the comment with its text replaced by `body`, the
        moderator's edit (a phone number or a name taken out), for `reason`,
        which is audited and told to the writer. The text as the writer sent
        it is kept in `original_body` for staff only; a second edit keeps the
        first original. Raises ValueError for an empty text or reason."""
        body, reason = (body or "").strip(), (reason or "").strip()
        if not body or not reason:
            raise ValueError("An edited comment needs its new text and the reason for the edit.")
        changes = {"body": body, "original_body": self.original_body or self.body}
        return self._transition(
            "edit_and_approve", by, reason, changes=changes, log_data={"edited": True}
        )

    @property
    def was_edited(self):
        """True if a moderator edited the text before publishing it."""
        return bool(self.original_body)

    def mark_spam(self, by=None, note=""):
        """Marks the comment as spam; it stays stored until the purge command."""
        return self._transition("mark_spam", by, note)

    def hide(self, by=None, note=""):
        """Takes an approved comment down (after reports, or by a moderator)."""
        return self._transition("hide", by, note)

    def restore(self, by=None, note=""):
        """Puts a hidden, rejected or spam comment back up."""
        return self._transition("restore", by, note)

    def keep(self, by=None, note=""):
        """Keeps a reported, approved comment up and dismisses its reports:
        they stop counting as open, and the decision is audited."""
        if by is None or not by.is_authenticated:
            # Reports are closed by a person's decision (see with_open_reports).
            raise InvalidTransition(self, "keep")
        if not self.can_transition("keep"):
            raise InvalidTransition(self, "keep")
        return self._transition("keep", by, note)

    def escalate(self, *, at=None, target_hours=None, reason="overdue"):
        """Marks a pending comment as escalated (waited past its network's
        target, or its network has no moderator) and records it in the audit
        log, once: returns False, changing nothing, if it is already escalated
        or no longer pending. The state stays pending; escalation tells the
        site moderators, it decides nothing."""
        if self.escalated_at is not None or self.status != Comment.Status.PENDING:
            return False
        at = at or timezone.now()
        with transaction.atomic():
            # Conditional, so two runs at once cannot both escalate (and both email).
            claimed = Comment.objects.filter(
                pk=self.pk, escalated_at__isnull=True, status=Comment.Status.PENDING
            ).update(escalated_at=at)
            if not claimed:
                return False
            self.escalated_at = at
            log(
                instance=self,
                action="comments.escalate",
                user=None,
                data={
                    "reason": reason,
                    "target_hours": target_hours,
                    "waited_hours": round((at - self.created_at).total_seconds() / 3600, 1),
                },
            )
        return True

    @property
    def is_escalated(self):
        return self.escalated_at is not None and self.status == Comment.Status.PENDING

    @property
    def is_reply(self):
        return self.parent_id is not None

    @property
    def open_appeal(self):
        """Returns the writer's appeal if it waits for a decision, else None
        (the queue selects it with the comment: no query per row)."""
        try:
            appeal = self.appeal
        except ObjectDoesNotExist:
            return None
        return appeal if appeal.is_open else None


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


class CommentLogEntryManager(ModelLogEntryManager):
    """Who reads the moderation history in Reports → Site history.

    Wagtail shows a model's log entries to users with a Django model
    permission on it; moderation rights here are network permissions, so
    without this a site moderator's Site history is empty. Site moderators
    read every comment's history, network moderators their networks'
    comments' history (the entries name the commenter, so no one else's)."""

    def _handled_by_wagtail(self, user):
        # Superusers (and anyone given a comment model permission) already
        # see these entries through ModelLogEntry; listing them here too
        # would show every row twice.
        if user.is_superuser:
            return True
        content_type = ContentType.objects.get_for_model(Comment)
        return any(
            user.has_perm(f"comments.{codename}")
            for codename in Permission.objects.filter(content_type=content_type).values_list(
                "codename", flat=True
            )
        )

    def viewable_by_user(self, user):
        """Returns the comment log entries `user` may read that Wagtail's own
        rule does not already show them."""
        if not (user.is_authenticated and user.is_active) or self._handled_by_wagtail(user):
            return self.none()
        content_type = ContentType.objects.get_for_model(Comment)
        comments = Comment.objects.all()
        if not is_site_moderator(user):
            comments = comments.filter(page__in=pages_moderated_by(user))
        ids = comments.annotate(id_text=Cast("pk", models.CharField())).values("id_text")
        return self.filter(content_type=content_type, object_id__in=ids)


class CommentLogEntry(ModelLogEntry):
    """Comment decisions in Wagtail's audit log: the same rows as
    ModelLogEntry (a proxy), read by moderators as well as admins."""

    objects = CommentLogEntryManager()

    class Meta:
        proxy = True
        verbose_name = _("comment log entry")
        verbose_name_plural = _("comment log entries")


#: Sent after every transition: comment, previous (status), action, by (user or None).
comment_status_changed = Signal()


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
        """Returns the NetworkPage whose comment policy governs this page (the
        network it is in: `comment_policy`, `trusted_after`,
        `comments_close_after_days`), or None for a site-wide page."""
        return network_for_page(self)

    def get_comments_close_at(self):
        """Returns when comments close by age, or None if they never do."""
        days = self.comments_close_after_days
        if days is None:
            source = self.get_comment_policy_source()
            days = getattr(source, "comments_close_after_days", None)
        if days is None:
            days = cached_value(
                "comments-close-after-days", FRAME, lambda: CommentSettings.load().close_after_days
            )
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
    """Site-wide defaults for comments and the spam defences that are about
    comments only (links, blocklists); the fill-in time and rate limits are
    every public form's, in the site settings (`home.models.SiteSettings`)."""

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
    receipt_days = models.PositiveSmallIntegerField(
        _("receipt links work for this many days"),
        default=90,
        help_text=_(
            "Each writer gets a private link to see what became of their comment (and to "
            "appeal a rejection); after this many days it stops working."
        ),
    )
    anonymise_after_months = models.PositiveSmallIntegerField(
        _("remove published commenters' email and IP address after this many months"),
        default=24,
        help_text=_("The name and the words stay. 0 keeps them."),
    )
    delete_declined_after_days = models.PositiveSmallIntegerField(
        _("delete pending, rejected and spam comments after this many days"),
        default=180,
        help_text=_("Never a comment with an open appeal, nor one with replies. 0 keeps them."),
    )
    rejection_reasons = models.TextField(
        _("ready-made reasons for rejecting a comment"),
        blank=True,
        help_text=_(
            "One per line. A moderator rejecting a comment picks one or writes their own; "
            "the writer receives it as written here, so write it for them."
        ),
    )
    moderation_target_hours = models.PositiveSmallIntegerField(
        _("moderation target (hours)"),
        default=24,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How long a comment may wait for a decision before it is escalated to the "
            "site moderators. Networks may set their own."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("close_after_days"),
                FieldPanel("trusted_after"),
                FieldPanel("reports_to_hide"),
                FieldPanel("rejection_reasons"),
            ],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("max_links"),
                FieldPanel("blocked_words"),
                FieldPanel("blocked_emails"),
                FieldPanel("blocked_ips"),
            ],
            heading=_("Spam defences"),
            help_text=_(
                "The fill-in time and how many comments one connection or email address "
                "may send an hour are in Site settings, Spam defences, with every other "
                "form's."
            ),
        ),
        FieldPanel("notify_every_minutes"),
        MultiFieldPanel(
            [
                FieldPanel("receipt_days"),
                FieldPanel("anonymise_after_months"),
                FieldPanel("delete_declined_after_days"),
            ],
            heading=_("Receipts and retention"),
        ),
        FieldPanel("moderation_target_hours"),
    ]

    class Meta:
        verbose_name = _("comment settings")

    def get_rejection_reasons(self):
        """Returns the ready-made reasons for rejecting a comment, in the
        order the site admins wrote them, without blank lines or repeats."""
        reasons = (line.strip() for line in self.rejection_reasons.splitlines())
        return list(dict.fromkeys(reason for reason in reasons if reason))


class AppealQuerySet(models.QuerySet):
    """Appeals by what they mean to a moderator."""

    def open(self):
        return self.filter(status=CommentAppeal.Status.OPEN)


class CommentAppeal(models.Model):
    """A writer's one appeal against the rejection of their comment, made
    from their receipt link. Decided by a moderator other than the one who
    rejected the comment: overturning approves the comment (its own audited
    transition), upholding keeps it rejected with an outcome note. One
    appeal per comment, held by the database (`comment` is one-to-one)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        UPHELD = "upheld", _("Upheld")
        OVERTURNED = "overturned", _("Overturned")

    comment = models.OneToOneField(
        Comment, on_delete=models.CASCADE, related_name="appeal", verbose_name=_("comment")
    )
    note = models.TextField(_("why the writer appeals"), max_length=1000)
    created_at = models.DateTimeField(_("appealed"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.OPEN, db_index=True
    )
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("rejected by"),
        help_text=_("The moderator whose rejection is appealed: they may not decide the appeal."),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    outcome_note = models.TextField(_("outcome note"), blank=True, max_length=1000)

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Appeal #{self.pk} on comment #{self.comment_id}"

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @classmethod
    def open_for(cls, comment, note):
        """Records the writer's appeal against `comment`'s rejection and
        audits it. Returns the appeal; raises InvalidAppeal if the comment
        is not rejected or was appealed before (nothing is stored then)."""
        with transaction.atomic():
            comment = Comment.objects.select_for_update().get(pk=comment.pk)
            if comment.status != Comment.Status.REJECTED:
                raise InvalidAppeal("not_rejected")
            if cls.objects.filter(comment=comment).exists():
                raise InvalidAppeal("already")
            appeal = cls.objects.create(
                comment=comment, note=note, rejected_by_id=comment.decided_by_id
            )
            log(instance=comment, action="comments.appeal", user=None, data={"appeal": appeal.pk})
        appeal_opened.send(sender=cls, appeal=appeal)
        return appeal

    def may_be_decided_by(self, user):
        """Returns True unless `user` is the moderator who rejected the
        comment (whether they may moderate it at all is asked separately)."""
        return user is not None and user.pk != self.rejected_by_id

    def _decide(self, status, by, note):
        if not self.is_open:
            raise InvalidAppeal("decided")
        if not self.may_be_decided_by(by):
            raise InvalidAppeal("own_decision")
        with transaction.atomic():
            if status == self.Status.OVERTURNED and self.comment.status != Comment.Status.APPROVED:
                self.comment.approve(by=by, note=note)
            self.status = status
            self.decided_at = timezone.now()
            self.decided_by = by
            self.outcome_note = note or ""
            self.save(update_fields=["status", "decided_at", "decided_by", "outcome_note"])
            log(
                instance=self.comment,
                action=f"comments.appeal_{status}",
                user=by,
                data={"appeal": self.pk, "note": note or ""},
            )
        appeal_decided.send(sender=CommentAppeal, appeal=self)
        return self

    def overturn(self, by, note=""):
        """Approves the appealed comment and closes the appeal. Returns it."""
        return self._decide(self.Status.OVERTURNED, by, note)

    def uphold(self, by, note=""):
        """Keeps the comment rejected and closes the appeal with `note`."""
        return self._decide(self.Status.UPHELD, by, note)


class InvalidAppeal(Exception):
    """Raised when an appeal cannot be made or decided; `reason` is one of
    not_rejected, already, decided, own_decision."""

    def __init__(self, reason):
        self.reason = reason
        super().__init__(reason)


#: Sent once a writer's appeal is stored: appeal.
appeal_opened = Signal()

#: Sent after an appeal is decided: appeal.
appeal_decided = Signal()
