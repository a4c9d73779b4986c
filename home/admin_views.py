"""The site admins' Privacy requests page: export or erase everything one
email address submitted, in every app that contributes to `home.privacy`."""

import json

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import privacy


class PrivacyRequestForm(forms.Form):
    """The address a privacy request is about, and the confirmation erasing needs."""

    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        help_text=gettext_lazy(
            "Everything submitted with this address, in any letter case: comments, "
            "requests to join a network, proposals for a new network."
        ),
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


class PrivacyRequestView(WagtailAdminTemplateMixin, FormView):
    """Site admins only: export (JSON) or erase everything one email address
    submitted, across every contributor of `home.privacy`. Both are in the
    audit log, one entry per record."""

    template_name = "home/admin/privacy.html"
    form_class = PrivacyRequestForm
    page_title = gettext_lazy("Privacy requests")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if "erase" in self.request.POST:
            counts = privacy.erase_personal_data(email, by=self.request.user)
            total = sum(counts.values())
            if total:
                messages.success(
                    self.request,
                    ngettext("%(count)d record anonymised.", "%(count)d records anonymised.", total)
                    % {"count": total},
                )
            else:
                messages.success(self.request, _("Nothing was submitted with that address."))
            return redirect(self.request.path)
        data = privacy.export_personal_data(email, by=self.request.user)
        response = HttpResponse(
            json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
        )
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="personal-data-{stamp}.json"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contributors"] = privacy.contributors()
        return context
