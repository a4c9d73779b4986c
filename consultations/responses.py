"""A response to a consultation: Wagtail's form submission with the
respondent's name and email kept apart from the answers (so erasure keeps
the answers), their choice about publication, and the moderation of the
answers they let us publish (pending → approved or rejected, redactable),
each decision audited through one `_transition`, like `Comment.TRANSITIONS`."""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.models import AbstractFormSubmission
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.log_actions import log

from home.defences import submission_key_field


class Publication(models.TextChoices):
    """Whether a response's answers appear on the page."""

    PRIVATE = "private", _("Not to be published")
    PENDING = "pending", _("Waiting for an editor")
    APPROVED = "approved", _("Published")
    REJECTED = "rejected", _("Not published")


class ConsultationResponseQuerySet(models.QuerySet):
    """Responses, with the names the page, the admin and privacy need."""

    def approved(self):
        """Returns the responses whose answers are published on the page."""
        return self.filter(publication=Publication.APPROVED)

    def pending(self):
        """Returns the responses whose answers wait for an editor's decision."""
        return self.filter(publication=Publication.PENDING)

    def by_email(self, email):
        """Returns the responses sent from `email` (case-insensitive)."""
        return self.filter(email__iexact=(email or "").strip()) if email else self.none()


class InvalidTransition(Exception):
    """Raised when a publication decision does not apply to a response's state."""

    def __init__(self, response, action):
        super().__init__(f"Cannot {action} a response that is {response.publication}")
        self.response, self.action = response, action


class ConsultationResponse(AbstractFormSubmission):
    """One person's answers to one consultation (stored under its source
    page, whatever the language answered in)."""

    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(_("email"), blank=True, db_index=True)
    may_publish = models.BooleanField(_("may publish without name"), null=True)
    language = models.CharField(_("language"), max_length=12, blank=True)

    publication = models.CharField(
        _("publication"), max_length=10, choices=Publication.choices, default=Publication.PRIVATE
    )
    published_text = models.TextField(
        _("published text"), blank=True, help_text=_("What the page shows, after any redaction.")
    )
    redaction_reason = models.TextField(_("why it was redacted"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    erased_at = models.DateTimeField(_("name and email erased at"), null=True, blank=True)
    submission_key = submission_key_field()

    objects = ConsultationResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation response")
        verbose_name_plural = _("consultation responses")
        ordering = ["submit_time", "pk"]
        indexes = [models.Index(fields=["page", "publication"])]

    def get_data(self):
        """Returns the answers and the respondent's details, for Wagtail's
        listing and the export."""
        return {
            **super().get_data(),
            "respondent_name": self.name,
            "respondent_email": self.email,
            "may_publish": {True: _("Yes"), False: _("No")}.get(self.may_publish, ""),
            "language": self.language,
        }

    # --- Publication: one path for each decision, every one audited --------

    TRANSITIONS = {
        "approve": ({Publication.PENDING, Publication.REJECTED}, Publication.APPROVED),
        "reject": ({Publication.PENDING, Publication.APPROVED}, Publication.REJECTED),
        "redact": ({Publication.PENDING, Publication.APPROVED}, Publication.APPROVED),
    }

    def can_transition(self, action):
        """Returns True if `action` (approve, reject, redact) applies now."""
        return self.publication in self.TRANSITIONS[action][0]

    def _transition(self, action, by, note="", text=None):
        sources, target = self.TRANSITIONS[action]
        if self.publication not in sources:
            raise InvalidTransition(self, action)
        previous = self.publication
        with transaction.atomic():
            self.publication = target
            self.decided_at = timezone.now()
            self.decided_by = by if by is not None and by.is_authenticated else None
            fields = ["publication", "decided_at", "decided_by"]
            if text is not None:
                self.published_text = text
                self.redaction_reason = note
                fields += ["published_text", "redaction_reason"]
            elif target == Publication.APPROVED and not self.published_text:
                self.published_text = self.free_text()
                fields.append("published_text")
            self.save(update_fields=fields)
            log(
                instance=self,
                action=f"consultations.response.{action}",
                user=self.decided_by,
                data={"from": previous, "to": target, "note": note or ""},
            )
        return self

    def approve(self, by=None, note=""):
        """Publishes the answers (as they are, or as last redacted). Returns the response."""
        return self._transition("approve", by, note)

    def reject(self, by=None, note=""):
        """Keeps the answers off the page; they can be approved later."""
        return self._transition("reject", by, note)

    def redact(self, text, reason, by=None):
        """Publishes `text` in place of the answers, recording `reason`; the
        original answers stay in `form_data`, for staff only."""
        return self._transition("redact", by, reason, text=text)

    def free_text(self):
        """Returns the long-text answers, one paragraph each: what may be published."""
        long_text = self.__dict__.get("_long_text_names")
        if long_text is None:
            long_text = [
                field.clean_name
                for field in self.page.specific.form_fields.all()
                if field.field_type == "multiline"
            ]
        return "\n\n".join(
            str(self.form_data[name]) for name in long_text if self.form_data.get(name)
        )


@register_setting(icon="form")
class ConsultationSettings(BaseGenericSetting):
    """Site-wide settings for consultations' responses: when an outcome is
    overdue, and how long names and emails are kept after the outcome. (How
    many responses one connection or email address may send an hour is the
    site's, in Site settings → Spam defences, under "Consultation responses".)"""

    outcome_overdue_days = models.PositiveSmallIntegerField(
        _("outcome overdue after (days)"),
        default=28,
        help_text=_("Editors are reminded once when a closed consultation has no outcome."),
    )
    keep_raw_responses_days = models.PositiveSmallIntegerField(
        _("keep names and emails after the outcome (days)"),
        null=True,
        blank=True,
        help_text=_("Blank keeps them. Answers themselves are always kept, anonymously."),
    )

    class Meta:
        verbose_name = _("consultation settings")
