"""Single decisions in the Wagtail admin.

- `DecideView`: the queue's one-click "Approve" (and the other transitions),
  POST only, with an optional note; its "Reject" takes a reason (`RejectForm`).
- `ReviewView`: one comment in full, its reports and its history, with a note
  field and a button per decision that applies, the reject form, and
  "Edit and approve" (`EditAndApproveForm`) for a pending comment.
- `AppealView`: a writer's appeal against a rejection, decided (overturn or
  uphold, with a note) by a moderator other than the one who rejected it.

(The privacy tools are site-wide: `home.admin_views.PrivacyRequestView`,
also served at the queue's old address /admin/comments/privacy/.)

A comment outside the user's view is a 404; one they may see but not decide
on (an editor's) is a 403. Every decision goes through the model's methods,
so every one is audited.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View

from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from .models import Comment, CommentAppeal, CommentSettings, InvalidAppeal
from .moderation import (
    ACTION_LABELS,
    ACTIONS,
    comments_moderated_by,
    comments_visible_to,
    user_can_moderate_comment,
)

SUCCESS_MESSAGES = {
    "approve": gettext_lazy("Comment by “%(name)s” approved."),
    "reject": gettext_lazy("Comment by “%(name)s” rejected."),
    "mark_spam": gettext_lazy("Comment by “%(name)s” marked as spam."),
    "hide": gettext_lazy("Comment by “%(name)s” hidden."),
    "restore": gettext_lazy("Comment by “%(name)s” restored."),
    "keep": gettext_lazy("Comment by “%(name)s” kept; its reports are dismissed."),
    "edit_and_approve": gettext_lazy("Comment by “%(name)s” edited and approved."),
}


class DecisionForm(forms.Form):
    """The optional note that goes with a decision (and into the audit log,
    and to the commenter if they asked to be told)."""

    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Optional. Recorded in the history; a commenter who asked to be told "
            "receives it as the reason. Do not quote personal details."
        ),
    )


#: The reject form's field ids, unique on a page that also has the decision note.
REJECT_FORM_IDS = "reject_%s"


class RejectForm(DecisionForm):
    """Why a comment is rejected: a ready-made reason from the comment
    settings, or the moderator's own words, or both (the reason first). One
    or the other is required: the writer is told why."""

    reason = forms.ChoiceField(
        label=gettext_lazy("Reason"),
        required=False,
        help_text=gettext_lazy("The writer receives it in the email that tells them."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reasons = CommentSettings.load().get_rejection_reasons()
        self.fields["reason"].choices = [("", _("Write my own reason"))] + [
            (reason, reason) for reason in reasons
        ]
        self.fields["note"].label = _("Your own words")
        self.fields["note"].help_text = _(
            "Instead of a reason from the list, or added after it. Do not quote personal details."
        )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("reason") and not cleaned.get("note", "").strip():
            raise forms.ValidationError(
                _("Choose a reason or write one: the writer is told why it is not published."),
                code="no_reason",
            )
        return cleaned

    def decision_note(self):
        """Returns what the writer is told: the reason, then the moderator's words."""
        parts = (self.cleaned_data.get("reason", ""), self.cleaned_data.get("note", "").strip())
        return "\n\n".join(part for part in parts if part)


class EditAndApproveForm(forms.Form):
    """A moderator's edit of a pending comment's text (a phone number or a
    name taken out) and why, to publish the edited text in one step."""

    body = forms.CharField(
        label=gettext_lazy("Text to publish"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": gettext_lazy(
                "The edited comment is empty. Take out only what must go, or reject the comment."
            )
        },
    )
    edit_reason = forms.CharField(
        label=gettext_lazy("Why you edited it"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "Recorded in the history and told to the writer, for example "
            "“We took out a phone number: house rules §4.”"
        ),
        error_messages={"required": gettext_lazy("Say why you edited it: the writer is told.")},
    )

    def __init__(self, *args, comment, **kwargs):
        kwargs.setdefault("initial", {"body": comment.body})
        super().__init__(*args, **kwargs)
        self.comment = comment

    def clean_body(self):
        body = self.cleaned_data["body"].strip()
        if body == self.comment.body.strip():
            raise forms.ValidationError(
                _("The text is unchanged: to publish it as it is, use Approve.")
            )
        return body


def get_visible_comment(request, pk):
    """Returns the comment if the user may see it in the admin, else 404."""
    queryset = comments_visible_to(request.user).select_related("page", "parent", "decided_by")
    return get_object_or_404(queryset, pk=pk)


def decide(request, comment, action, note, **details):
    """Applies `action` to `comment` for the moderator behind `request`, with a
    message either way (`details` go to the model's method: a rejection's
    reason). Returns True if the state changed."""
    if not user_can_moderate_comment(request.user, comment):
        raise PermissionDenied
    if action not in ACTIONS or not comment.can_transition(action):
        messages.error(
            request,
            _("This comment is %(state)s; “%(action)s” does not apply to it.")
            % {
                "state": comment.get_status_display().lower(),
                "action": ACTION_LABELS.get(action, action),
            },
        )
        return False
    getattr(comment, action)(by=request.user, note=note, **details)
    messages.success(request, SUCCESS_MESSAGES[action] % {"name": comment.name})
    return True


class DecideView(View):
    """One decision on one comment, from the queue's row buttons (POST)."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        if action not in ACTIONS:
            raise Http404
        comment = get_visible_comment(request, pk)
        if action == "reject":
            # The row's reject form: decided here when valid, else shown
            # again on the review page with its message and what was typed.
            return ReviewView.as_view()(request, pk=pk, action=action)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The note is too long (1,000 characters at most)."))
            return redirect("comments:review", pk=comment.pk)
        decide(request, comment, action, form.cleaned_data["note"])
        return redirect(get_valid_next_url_from_request(request) or reverse("comments:index"))


class ReviewView(WagtailAdminTemplateMixin, FormView):
    """One comment in full, with its reports and history; a moderator
    decides here with a note, an editor only reads."""

    template_name = "comments/admin/review.html"
    form_class = DecisionForm
    header_icon = "comment"

    def dispatch(self, request, pk, action=None):
        self.comment = get_visible_comment(request, pk)
        self.can_moderate = user_can_moderate_comment(request.user, self.comment)
        # From the queue's row reject form the action is in the address.
        self.action = action or request.POST.get("action", "")
        return super().dispatch(request, pk)

    def get_form_class(self):
        return RejectForm if self.action == "reject" else DecisionForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.action == "reject":
            kwargs["auto_id"] = REJECT_FORM_IDS  # beside the note of the other decisions
        return kwargs

    def get_page_title(self):
        return _("Comment by %(name)s") % {"name": self.comment.name}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("comments:index"), "label": _("Comments")},
            {"url": "", "label": self.get_page_title()},
        ]

    def post(self, request, *args, **kwargs):
        if not self.can_moderate:
            raise PermissionDenied
        if self.action == "edit_and_approve":
            return self.edit_and_approve(request)
        return super().post(request, *args, **kwargs)

    def edit_and_approve(self, request):
        """Publishes the moderator's edit of a pending comment, or shows the
        form again with its message and what they typed; nothing changes
        until it is valid."""
        form = EditAndApproveForm(request.POST, comment=self.comment)
        if not self.comment.can_transition("edit_and_approve"):
            messages.error(
                request,
                _("This comment is %(state)s; only a pending comment can be edited and approved.")
                % {"state": self.comment.get_status_display().lower()},
            )
            return redirect("comments:review", pk=self.comment.pk)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(edit_form=form))
        self.comment.edit_and_approve(
            form.cleaned_data["body"], by=request.user, reason=form.cleaned_data["edit_reason"]
        )
        messages.success(
            request, SUCCESS_MESSAGES["edit_and_approve"] % {"name": self.comment.name}
        )
        return redirect(get_valid_next_url_from_request(request) or reverse("comments:index"))

    def form_invalid(self, form):
        # Which form the errors belong to: the reject form keeps them there.
        return self.render_to_response(
            self.get_context_data(
                **({"reject_form": form} if self.action == "reject" else {"form": form})
            )
        )

    def form_valid(self, form):
        action = self.action
        note, details = form.cleaned_data["note"], {}
        if isinstance(form, RejectForm):
            note, details = form.decision_note(), {"reason": form.cleaned_data["reason"]}
        if decide(self.request, self.comment, action, note, **details):
            return redirect(
                get_valid_next_url_from_request(self.request) or reverse("comments:index")
            )
        return redirect("comments:review", pk=self.comment.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.comment
        content_type = ContentType.objects.get_for_model(Comment)
        if "form" not in kwargs and isinstance(context.get("form"), RejectForm):
            context["form"] = DecisionForm()
        context.setdefault("reject_form", RejectForm(auto_id=REJECT_FORM_IDS))
        if comment.can_transition("edit_and_approve"):
            context.setdefault("edit_form", EditAndApproveForm(comment=comment))
        context.update(
            comment=comment,
            can_moderate=self.can_moderate,
            # An appealed comment is decided through its appeal; Reject has
            # its own form (a reason), below the others.
            actions=[]
            if comment.open_appeal
            else [
                (action, label)
                for action, label in ACTION_LABELS.items()
                if action != "reject" and comment.can_transition(action)
            ],
            can_reject=not comment.open_appeal and comment.can_transition("reject"),
            reports=comment.reports.all(),
            history=ModelLogEntry.objects.filter(
                content_type=content_type, object_id=str(comment.pk)
            )
            .select_related("user")
            .order_by("-timestamp", "-pk"),
            action_labels=log_registry.get_action_label,
            next_url=get_valid_next_url_from_request(self.request),
        )
        return context


class AppealDecisionForm(forms.Form):
    """The outcome note that goes to the writer with the appeal's outcome."""

    note = forms.CharField(
        label=gettext_lazy("Outcome note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Sent to the writer with the outcome and kept in the history. Required to "
            "uphold the rejection: say why it stands."
        ),
    )


class AppealView(WagtailAdminTemplateMixin, FormView):
    """One appeal: the comment, the rejection and the writer's note, with
    "Overturn and publish" and "Uphold the rejection". Only moderators of
    the comment's network (or site moderators) reach it, others get a 404;
    the moderator who rejected the comment gets a 403 that says why."""

    template_name = "comments/admin/appeal.html"
    form_class = AppealDecisionForm
    header_icon = "comment"
    page_title = gettext_lazy("Appeal")

    def dispatch(self, request, pk):
        appeals = CommentAppeal.objects.select_related(
            "comment", "comment__page", "comment__decided_by", "rejected_by", "decided_by"
        ).filter(comment__in=comments_moderated_by(request.user))
        self.appeal = get_object_or_404(appeals, pk=pk)
        self.comment = self.appeal.comment
        self.own_decision = not self.appeal.may_be_decided_by(request.user)
        return super().dispatch(request, pk)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("comments:index") + "?state=appeal", "label": _("Comments")},
            {"url": "", "label": _("Appeal")},
        ]

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.own_decision and self.appeal.is_open:
            response.status_code = 403
        return response

    def post(self, request, *args, **kwargs):
        if self.own_decision:
            messages.error(request, self.own_decision_message())
            return self.render_to_response(self.get_context_data(), status=403)
        if not self.appeal.is_open:
            messages.error(request, _("This appeal has already been decided."))
            return redirect("comments:appeal", pk=self.appeal.pk)
        return super().post(request, *args, **kwargs)

    def own_decision_message(self):
        return _(
            "You rejected this comment, so another moderator decides its appeal "
            "(a site moderator, where the network has no other)."
        )

    def form_valid(self, form):
        decision = self.request.POST.get("decision", "")
        note = form.cleaned_data["note"]
        if decision not in {"overturn", "uphold"}:
            form.add_error(None, _("Choose “Overturn and publish” or “Uphold the rejection”."))
            return self.form_invalid(form)
        if decision == "uphold" and not note:
            form.add_error("note", _("Say why the rejection stands: the writer reads this."))
            return self.form_invalid(form)
        try:
            getattr(self.appeal, decision)(by=self.request.user, note=note)
        except InvalidAppeal:
            messages.error(self.request, _("This appeal has already been decided."))
            return redirect("comments:appeal", pk=self.appeal.pk)
        if decision == "overturn":
            messages.success(
                self.request,
                _("Appeal overturned: the comment by “%(name)s” is published; its writer is told.")
                % {"name": self.comment.name},
            )
        else:
            messages.success(
                self.request,
                _("Appeal upheld: the comment by “%(name)s” stays rejected; its writer is told.")
                % {"name": self.comment.name},
            )
        return redirect(reverse("comments:index") + "?state=appeal")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            appeal=self.appeal,
            comment=self.comment,
            own_decision=self.own_decision,
            own_decision_message=self.own_decision_message() if self.own_decision else "",
            review_url=reverse("comments:review", args=[self.comment.pk]),
        )
        return context
