"""Admin views of the People snippet that add per-person checks to Wagtail's
snippet views: Wagtail asks the permission policy about the model as a whole
in these views, and about one person only when copying."""

from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property

from wagtail.snippets.views import snippets

from networks.permissions import networks_edited_in_any_language_by


class PersonPermissionMixin:
    """Refuses a person the user may not `instance_permission` (a network
    editor and another network's person, or a site-wide author). Wagtail's
    admin turns the refusal into its "Sorry, you do not have permission"
    redirect, or a 403 for a background request."""

    instance_permission = "change"

    def get_object(self, *args, **kwargs):
        person = super().get_object(*args, **kwargs)
        if person is not None and not self.user_has_permission_for_instance(
            self.instance_permission, person
        ):
            raise PermissionDenied
        return person


class PersonIndexView(snippets.IndexView):
    """The People listing: only the people the user may change. For a
    network editor, that is their networks' people; a note says that anyone
    else can still be credited from a post's author chooser."""

    @cached_property
    def only_own_networks(self):
        return not self.permission_policy.has_model_permission(self.request.user, "change")

    def get_base_queryset(self):
        people = super().get_base_queryset()
        if not self.only_own_networks:
            return people
        allowed = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        return people.filter(pk__in=allowed.values("pk"))

    @cached_property
    def filters(self):
        """The "Network" filter offers a network editor only their networks:
        the listing holds no one else."""
        filterset = super().filters
        if filterset is not None and self.only_own_networks:
            field = filterset.form.fields.get("network")
            if field is not None:
                field.queryset = networks_edited_in_any_language_by(self.request.user)
        return filterset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["only_own_networks"] = self.only_own_networks
        return context


class PersonEditView(PersonPermissionMixin, snippets.EditView):
    """Edits one person of the user's networks."""


class PersonDeleteView(PersonPermissionMixin, snippets.DeleteView):
    """Deletes one person of the user's networks."""

    instance_permission = "delete"


class PersonHistoryView(PersonPermissionMixin, snippets.HistoryView):
    """One person's history, for those who may change them."""


class PersonUsageView(PersonPermissionMixin, snippets.UsageView):
    """The posts that credit one person, for those who may change them."""
