"""Guards in front of Wagtail admin views that would name another network's
pages, images, documents or people to a network's staff.

Wagtail's bulk-action confirm pages list every object asked for by `?id=`,
naming those the user may not act on; its workflow views answer a page id
with a message naming the page's draft title; its explorer opens any page
below the explorable root (the tree's root, for an editor whose network is
translated); its move confirmation names any page; and its admin API lists
every image and document. These answer first, at the same addresses (see
config/urls.py and wagtail_hooks.py): objects the user may not see are left
out, or the request is refused, without naming them.

"May see" is the choosers' rule, widened to moderation: a page outside every
network, in a network the user edits (`without_other_networks`) or one whose
pages they moderate (its approval workflow is theirs); an image or a document in a
collection the user may choose from; any other model, what its permission
policy grants the user to view, choose, change or delete.
"""

from functools import wraps

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from wagtail.admin.views.bulk_action import dispatcher
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry

from .permissions import pages_moderated_by, without_other_networks

# What a user does with an object in the admin that lets them see it.
SEEING_ACTIONS = ("choose", "view", "change", "delete")


def visible_to(user, model, objects):
    """Narrows the queryset `objects` of `model` to those `user` may see in the
    admin (see the module's docstring)."""
    if user.is_superuser:
        return objects
    if issubclass(model, Page):
        return objects.filter(
            Q(pk__in=without_other_networks(objects, user).values("pk"))
            | Q(pk__in=pages_moderated_by(user).values("pk"))
        )
    policy = policy_registry.get_by_type(model)
    seen = Q()
    for action in SEEING_ACTIONS:
        seen |= Q(pk__in=policy.instances_user_has_permission_for(user, action).values("pk"))
    return objects.filter(seen)


def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk actions, given only the ids (`?id=`, or every object
    of a listing with `?id=all`) of objects the user may see. With none left,
    a 404, as for ids that do not exist."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    ids = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
    if "all" in request.GET.getlist("id"):
        # Every object of the listing, as the action itself selects them
        # (with the listing's filters), then narrowed like the others.
        actionable, others = action_class(request, model).get_actionable_objects()
        ids = [obj.pk for obj in [*actionable, *others.get("items_with_no_access", [])]]
    allowed = visible_to(request.user, model, model._default_manager.filter(pk__in=ids))
    request.GET = request.GET.copy()
    request.GET.setlist("id", [str(pk) for pk in allowed.values_list("pk", flat=True)])
    return dispatcher.index(request, app_label, model_name, action)


def for_visible_pages(view, *page_kwargs):
    """Wraps a Wagtail page view: refused (Wagtail's "Sorry, you do not have
    permission" answer) when a page named by one of `page_kwargs` is another
    network's, before the view can name it."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        ids = {kwargs[name] for name in page_kwargs}
        pages = Page.objects.filter(pk__in=ids)
        if visible_to(request.user, Page, pages).count() != pages.count():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


class ChoosableMediaMixin:
    """An admin API endpoint that lists, searches and details only the
    images or documents in the collections the user may choose from, as the
    choosers do."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_superuser:
            return queryset
        policy = policy_registry.get_by_type(self.model)
        collections = policy.collections_user_has_permission_for(user, "choose")
        return queryset.filter(collection__in=list(collections.values_list("pk", flat=True)))


class ChoosableImagesAdminAPIViewSet(ChoosableMediaMixin, ImagesAdminAPIViewSet):
    """The admin API's images endpoint, for the user's collections."""


class ChoosableDocumentsAdminAPIViewSet(ChoosableMediaMixin, DocumentsAdminAPIViewSet):
    """The admin API's documents endpoint, for the user's collections."""
