"""Registrations in the Wagtail admin (menu "Registrations"): the event's
network editors list them, filter by event and status, export CSV or XLSX
(cells that a spreadsheet would run as a formula are neutralised, headings
too) and email the attendees or the waiting list. The listing and every
view by id follow `RegistrationPermissionPolicy`."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

import django_filters

from .models import EventPage, Registration
from .permissions import registration_policy
from .tasks import send_staff_message

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value):
    """Returns `value` as text a spreadsheet shows rather than runs: a cell
    starting with = + - @ tab or CR gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class RegistrationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Registration.Status.choices, label=_("Status"))
    event = django_filters.ModelChoiceFilter(queryset=EventPage.objects.none(), label=_("Event"))

    class Meta:
        model = Registration
        fields = ["event", "status"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        visible = registration_policy.instances_user_has_permission_for(request.user, "view")
        self.filters["event"].queryset = EventPage.objects.filter(
            pk__in=visible.values("event_id")
        ).order_by("title")


class RegistrationIndexView(generic.IndexView):
    """The registrations the user may see, with the CSV/XLSX export."""

    list_display = [
        "name",
        "email",
        "event",
        "occurrence",
        "status",
        "position",
        "access_needs",
        "created_at",
    ]
    list_export = [
        "event",
        "occurrence",
        "name",
        "email",
        "status",
        "position",
        "access_needs",
        "created_at",
    ]
    search_fields = ["name", "email"]
    filterset_class = RegistrationFilterSet
    export_filename = "registrations"
    default_ordering = ["event", "occurrence", "position"]

    @cached_property
    def filtered_event(self):
        """Returns the one event the listing is filtered to when the user
        edits it (and so may email its people), else None."""
        event_id = self.request.GET.get("event", "")
        if not event_id.isdigit():
            return None
        event = EventPage.objects.filter(pk=event_id).first()
        if event is None or not event.permissions_for_user(self.request.user).can_edit():
            return None
        return event

    @cached_property
    def columns(self):
        """The listing's columns; each row's event links to that event's own
        listing, where its people can be emailed."""
        index_url = reverse("events_registrations:index")
        return [
            TitleColumn(
                "event",
                label=column.label,
                get_url=lambda registration: f"{index_url}?event={registration.event_id}",
            )
            if column.name == "event"
            else column
            for column in super().columns
        ]

    @cached_property
    def header_buttons(self):
        """ "Email these people" for the one event the listing is filtered to."""
        buttons = list(super().header_buttons)
        if self.filtered_event is not None:
            buttons.append(
                HeaderButton(
                    _("Email these people"),
                    url=reverse("events_registrations:email", args=[self.filtered_event.pk]),
                    icon_name="mail",
                )
            )
        return buttons

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return super().no_results_message
        return _(
            "No registrations yet: registrations appear here when people register for "
            "your network's events."
        )

    def get_base_queryset(self):
        return (
            registration_policy.instances_user_has_permission_for(self.request.user, "view")
            .select_related("event")
            .filter(erased=False)
        )

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: formula_safe(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def get_heading(self, queryset, field):
        return formula_safe(super().get_heading(queryset, field))


class StaffMessageForm(forms.Form):
    """A message from the organisers to an event's attendees or waiting list."""

    to = forms.ChoiceField(
        label=_("To"),
        choices=[("confirmed", _("Attendees")), ("waiting", _("The waiting list"))],
    )
    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea)


def email_registrants(request, event_id):
    """Emails one event's attendees or waiting list (its network editors only)."""
    event = get_object_or_404(EventPage, pk=event_id)
    people = registration_policy.instances_user_has_permission_for(request.user, "email").filter(
        event=event, erased=False
    )
    if not event.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form = StaffMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        recipients = list(
            people.filter(status=form.cleaned_data["to"]).values_list("pk", flat=True)
        )
        for pk in recipients:
            send_staff_message.enqueue(
                pk, form.cleaned_data["subject"], form.cleaned_data["message"]
            )
        messages.success(
            request,
            _("Your message is on its way to %(count)s people.") % {"count": len(recipients)},
        )
        return redirect(reverse("events_registrations:index") + f"?event={event.pk}")
    return TemplateResponse(
        request,
        "events/admin/email_registrants.html",
        {
            "form": form,
            "event": event,
            "people": people,
            "back_url": reverse("events_registrations:index") + f"?event={event.pk}",
        },
    )


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "date"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    name = "events_registrations"
    index_view_class = RegistrationIndexView
    list_filter = None
    exclude_form_fields = []
    form_fields = ["name"]

    def get_urlpatterns(self):
        urls = [
            pattern
            for pattern in super().get_urlpatterns()
            if getattr(pattern, "name", "") in ("index", "index_results")
        ]
        return urls + [path("email/<int:event_id>/", email_registrants, name="email")]


registration_viewset = RegistrationViewSet()
