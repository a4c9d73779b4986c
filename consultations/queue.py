"""The "Published answers" queue in the Wagtail admin: the answers that
respondents let us publish without their name, for the consultation's own
network editors (every language) and site admins to approve, reject or
redact. The same shape as the networks' join requests queue
(`networks.viewsets`, on `home.admin_queues`): a ModelViewSet whose listing
defaults to pending answers, filtered by consultation and status, a detail
view with the decisions, bulk Approve and Reject
(`consultations.bulk_actions`), and a registered permission policy. Every
decision goes through the response's audited `approve` / `reject` /
`redact`. Names and emails are never shown here: this is the anonymous text."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, TitleColumn
from wagtail.models import Locale
from wagtail.permission_policies.base import BasePermissionPolicy

import django_filters

from networks.permissions import networks_edited_in_any_language_by
from networks.viewsets import (
    DECISION_ACTIONS,
    DecisionDetailView,
    DecisionIndexView,
    DecisionViewSet,
    as_read,
)

from .models import ConsultationFormField, ConsultationPage
from .permissions import consultations_for_staff
from .responses import ConsultationResponse, InvalidTransition, Publication

#: The publication states the queue shows: those respondents agreed to.
QUEUE_STATES = [Publication.PENDING, Publication.APPROVED, Publication.REJECTED]


def answers_for(user):
    """Returns the responses whose answers `user` may see and decide in the
    queue: those respondents let us publish, to the consultations of the
    networks they edit (every language), every consultation for site admins."""
    return ConsultationResponse.objects.filter(
        publication__in=QUEUE_STATES, page__in=consultations_for_staff(user).values("pk")
    ).select_related("page", "decided_by")


def answer_text(response):
    """Returns the text the page would show for `response`: as last
    redacted, else its long-text answers."""
    return response.published_text or response.free_text()


def answer_excerpt(response):
    """Returns the start of `answer_text`, for the listing."""
    return Truncator(answer_text(response)).words(20) or _("(no text answers)")


def with_long_text_names(responses):
    """Returns `responses` (a list) with their consultations' long-text
    questions fetched for all of them in one query, so that `free_text` asks
    the database nothing however many rows a listing shows."""
    from_pages = {}
    for page_id, name in (
        ConsultationFormField.objects.filter(
            page_id__in={response.page_id for response in responses}, field_type="multiline"
        )
        .order_by("sort_order", "pk")
        .values_list("page_id", "clean_name")
    ):
        from_pages.setdefault(page_id, []).append(name)
    for response in responses:
        response._long_text_names = from_pages.get(response.page_id, [])
    return responses


class ResponsePermissionPolicy(BasePermissionPolicy):
    """A consultation's own network editors (in every language) and site
    admins see and decide its published answers; nobody else any (not
    moderators, not other networks' editors)."""

    def user_has_permission(self, user, action):
        if action not in DECISION_ACTIONS or not (user.is_active and user.is_authenticated):
            return False
        return user.is_superuser or networks_edited_in_any_language_by(user).exists()

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return ConsultationResponse.objects.none()
        return answers_for(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


class ConsultationChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class ResponseFilterSet(WagtailFilterSet):
    """Status (pending unless chosen otherwise) and consultation (any of its
    languages): only the consultations the person may decide are offered."""

    publication = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[(state.value, state.label) for state in QUEUE_STATES],
        empty_label=gettext_lazy("Any status"),
        widget=forms.RadioSelect,
    )
    consultation = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Consultation"),
        queryset=ConsultationPage.objects.none(),
        empty_label=gettext_lazy("All consultations"),
        method="filter_consultation",
    )
    consultation.field_class = ConsultationChoiceField

    class Meta:
        model = ConsultationResponse
        fields = ["publication", "consultation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        consultations = consultations_for_staff(self.request.user)
        self.filters["consultation"].queryset = consultations.filter(
            locale=Locale.get_default()
        ).order_by("title")

    def filter_consultation(self, queryset, name, value):
        return queryset.filter(page__translation_key=value.translation_key)


class ResponseIndexView(DecisionIndexView):
    """Pending answers first (the default filter), the newest on top."""

    default_ordering = "-submit_time"
    detail_url_name = "consultations_answers:detail"
    template_name = "consultations/admin/answers_index.html"
    search_fields = ["published_text"]

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        data = kwargs["data"].copy()
        data.pop("status", None)
        data.setdefault("publication", Publication.PENDING)
        kwargs["data"] = data
        return kwargs

    def paginate_queryset(self, queryset, page_size):
        """One page of answers, each row's text needing no further query
        (`with_long_text_names`)."""
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        page.object_list = with_long_text_names(list(object_list))
        return paginator, page, page.object_list, is_paginated

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type=self.model._meta.model_name),
            TitleColumn(
                "answer", label=_("Answer"), accessor=answer_excerpt, get_url=self.get_detail_url
            ),
            Column("consultation", label=_("Consultation"), accessor="page.title"),
            DateColumn("submit_time", label=_("Received"), sort_key="submit_time"),
            Column("publication", label=_("Status"), accessor="get_publication_display"),
        ]


class RedactForm(forms.Form):
    """The text to publish in place of the answers, and why."""

    text = forms.CharField(label=gettext_lazy("Text to publish"), widget=forms.Textarea)
    reason = forms.CharField(label=gettext_lazy("Why it is redacted"), max_length=2000)


class ResponseDetailView(DecisionDetailView):
    """One response's answers in full, with Approve, Reject (with a reason)
    and Redact (the text to publish and a required reason). A response
    outside the person's queue is a 404, whoever asks by its id."""

    template_name = "consultations/admin/answer_detail.html"
    header_icon = "form"

    def get_page_title(self):
        return _("Answers to %(consultation)s") % {"consultation": self.object.page.title}

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        items[-1]["label"] = self.get_page_title()
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault(
            "redact_form",
            RedactForm(initial={"text": answer_text(self.object)}, prefix="redact"),
        )
        context["can"] = {
            action: self.object.can_transition(action) for action in ("approve", "reject", "redact")
        }
        return context

    def post(self, request, *args, **kwargs):
        if not self.viewset.permission_policy.user_has_permission_for_instance(
            request.user, "change", self.object
        ):
            raise PermissionDenied
        decision = request.POST.get("decision")
        response = self.object
        try:
            if decision == "approve":
                response.approve(by=request.user)
                messages.success(request, _("The answers are published."))
            elif decision == "reject":
                response.reject(by=request.user, note=request.POST.get("reason", "").strip())
                messages.success(request, _("The answers are not published."))
            elif decision == "redact":
                form = RedactForm(request.POST, prefix="redact")
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(redact_form=form))
                response.redact(
                    form.cleaned_data["text"], form.cleaned_data["reason"], by=request.user
                )
                messages.success(request, _("The redacted answers are published."))
            else:
                messages.error(request, _("Choose approve, reject or redact."))
                return redirect(request.path)
        except InvalidTransition:
            messages.error(request, _("These answers have already been decided."))
            return redirect(request.path)
        return redirect(f"{self.viewset.url_namespace}:index")


class ResponseViewSet(DecisionViewSet):
    """ "Published answers": the answers respondents let us publish."""

    model = ConsultationResponse
    name = "consultations_answers"
    url_prefix = "published-answers"
    icon = "form"
    menu_label = gettext_lazy("Published answers")
    menu_name = "published-answers"
    menu_order = 270
    index_view_class = ResponseIndexView
    filterset_class = ResponseFilterSet

    @property
    def detail_view(self):
        return ResponseDetailView.as_view(viewset=self)

    def detail_fields(self, r):
        """The consultation and the answers as sent (for staff only), never
        the respondent's name or email."""
        answers = [
            (field.label, r.form_data.get(field.clean_name))
            for field in r.page.specific.form_fields.all()
            if r.form_data.get(field.clean_name) not in (None, "", [])
        ]
        return [
            (_("Consultation"), r.page.title),
            (_("Received"), as_read(r.submit_time)),
            *[
                (label, ", ".join(value) if isinstance(value, list) else str(value))
                for label, value in answers
            ],
            (_("Status"), r.get_publication_display()),
            (_("Text the page shows"), r.published_text),
            (_("Why it was redacted"), r.redaction_reason),
            (_("Decided by"), r.decided_by or ""),
            (_("Decided"), as_read(r.decided_at)),
        ]


response_viewset = ResponseViewSet()
