"""Single decisions in the Wagtail admin.

- `DecideView`: the queue's one-click "Approve" / "Reject" (and the other
  transitions), POST only, with an optional note.
- `ReviewView`: one comment in full, its reports and its history, with a note
  field and a button per decision that applies.

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

from .models import Comment
from .moderation import ACTION_LABELS, ACTIONS, comments_visible_to, user_can_moderate_comment

SUCCESS_MESSAGES = {
    "approve": gettext_lazy("Comment by “%(name)s” approved."),
    "reject": gettext_lazy("Comment by “%(name)s” rejected."),
    "mark_spam": gettext_lazy("Comment by “%(name)s” marked as spam."),
    "hide": gettext_lazy("Comment by “%(name)s” hidden."),
    "restore": gettext_lazy("Comment by “%(name)s” restored."),
    "keep": gettext_lazy("Comment by “%(name)s” kept; its reports are dismissed."),
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


def get_visible_comment(request, pk):
    """Returns the comment if the user may see it in the admin, else 404."""
    queryset = comments_visible_to(request.user).select_related("page", "parent", "decided_by")
    return get_object_or_404(queryset, pk=pk)


def decide(request, comment, action, note):
    """Applies `action` to `comment` for the moderator behind `request`, with a
    message either way. Returns True if the state changed."""
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
    getattr(comment, action)(by=request.user, note=note)
    messages.success(request, SUCCESS_MESSAGES[action] % {"name": comment.name})
    return True


class DecideView(View):
    """One decision on one comment, from the queue's row buttons (POST)."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        if action not in ACTIONS:
            raise Http404
        comment = get_visible_comment(request, pk)
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

    def dispatch(self, request, pk):
        self.comment = get_visible_comment(request, pk)
        self.can_moderate = user_can_moderate_comment(request.user, self.comment)
        return super().dispatch(request, pk)

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
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        action = self.request.POST.get("action", "")
        if decide(self.request, self.comment, action, form.cleaned_data["note"]):
            return redirect(
                get_valid_next_url_from_request(self.request) or reverse("comments:index")
            )
        return redirect("comments:review", pk=self.comment.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.comment
        content_type = ContentType.objects.get_for_model(Comment)
        context.update(
            comment=comment,
            can_moderate=self.can_moderate,
            actions=[
                (action, label)
                for action, label in ACTION_LABELS.items()
                if comment.can_transition(action)
            ],
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
