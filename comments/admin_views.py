"""Single decisions and the privacy tools in the Wagtail admin.

- `DecideView`: the queue's one-click "Approve" / "Reject" (and the other
  transitions), POST only, with an optional note.
- `ReviewView`: one comment in full, its reports and its history, with a note
  field and a button per decision that applies.
- `PrivacyView`: a superuser exports or erases everything one email address
  submitted.

A comment outside the user's view is a 404; one they may see but not decide
on (an editor's) is a 403. Every decision goes through the model's methods,
so every one is audited.
"""

import json

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View

from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from . import privacy
from .bulk_actions import DecisionForm
from .models import Comment
from .moderation import ACTIONS, comments_visible_to, user_can_moderate_comment
from .viewsets import ACTION_LABELS

SUCCESS_MESSAGES = {
    "approve": gettext_lazy("Comment by “%(name)s” approved."),
    "reject": gettext_lazy("Comment by “%(name)s” rejected."),
    "mark_spam": gettext_lazy("Comment by “%(name)s” marked as spam."),
    "hide": gettext_lazy("Comment by “%(name)s” hidden."),
    "restore": gettext_lazy("Comment by “%(name)s” restored."),
    "keep": gettext_lazy("Comment by “%(name)s” kept; its reports are dismissed."),
}


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


class PrivacyForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        help_text=gettext_lazy("Every comment submitted with this address, in any letter case."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand that erasing cannot be undone"),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if "erase" in self.data and not cleaned.get("confirm"):
            self.add_error("confirm", _("Tick this box to erase."))
        return cleaned


class PrivacyView(WagtailAdminTemplateMixin, FormView):
    """Superusers only: export (JSON) or erase everything one email address
    submitted. Both are logged in the audit log, one entry per comment."""

    template_name = "comments/admin/privacy.html"
    form_class = PrivacyForm
    page_title = gettext_lazy("Privacy requests")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("comments:index"), "label": _("Comments")},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if "erase" in self.request.POST:
            count = privacy.erase_commenter(email, by=self.request.user)
            messages.success(
                self.request,
                _("%(count)d comments erased.") % {"count": count}
                if count
                else _("No comments were submitted with that address."),
            )
            return redirect("comments:privacy")
        data = privacy.export_commenter(email, by=self.request.user)
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
        )
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="comments-export-{stamp}.json"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        email = self.request.GET.get("email", "")
        if email:
            context["matching"] = Comment.objects.by_email(email).count()
        return context
