"""wagtail-localize's "Translate this page" and "Sync translated pages",
refused to anyone who may not edit the page being translated, and its
"Translate" for snippets, refused to anyone who may not change the snippet
(as its permission policy says: a network editor and another network's
person, for instance).

wagtail-localize checks only the site-wide "submit translation" permission,
which would let a network editor translate, and publish translations of,
another network's pages. These views add the page's own permissions; the
admin URLs in `wagtail_hooks` put them in front of wagtail-localize's.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from wagtail.models import Page, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView


class GuardedSubmitPageTranslationView(SubmitPageTranslationView):
    """Translate a page: only for people who may edit it."""

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GuardedSubmitSnippetTranslationView(SubmitSnippetTranslationView):
    """Translate a snippet: only for people who may change it."""

    def get_object(self):
        snippet = super().get_object()
        policy = policy_registry.get(snippet)
        if not policy.user_has_permission_for_instance(self.request.user, "change", snippet):
            raise PermissionDenied
        return snippet


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """Sync a page's translations: only for people who may edit the page, and
    publish them only for people who may publish it. Sync a snippet's: only
    for people who may change it."""

    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        instance = source.get_source_instance()
        if isinstance(instance, Page):
            permissions = instance.permissions_for_user(request.user)
            if not permissions.can_edit():
                raise PermissionDenied
            if request.method == "POST" and request.POST.get("publish_translations"):
                if not permissions.can_publish():
                    raise PermissionDenied
        elif not policy_registry.get(instance).user_has_permission_for_instance(
            request.user, "change", instance
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def translatable_snippet_models():
    """Returns the snippet models that wagtail-localize translates (the
    blog's People, today), whichever app registers them."""
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def changeable_by(user):
    """Returns a Q on TranslationSource: the sources of the pages `user` may
    edit and of the snippets they may change (each snippet model's own
    permission policy says which), whose translations are theirs to follow."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    condition = Q(object_id__in=pages.values("translation_key"))
    for model in translatable_snippet_models():
        snippets = policy_registry.get_by_type(model).instances_user_has_permission_for(
            user, "change"
        )
        condition |= Q(object_id__in=snippets.values("translation_key"))
    return condition


class GuardedTranslationsReportView(TranslationsReportView):
    """wagtail-localize's "Translations" report lists every translation on the
    site with its draft title: a network editor sees those of the pages and
    people they may change, site admins see all."""

    def get_queryset(self):
        # Newest first (wagtail-localize leaves the list unordered, so its
        # pages could repeat or skip a translation).
        translations = super().get_queryset().order_by("-created_at", "-pk")
        if self.request.user.is_superuser:
            return translations
        sources = TranslationSource.objects.filter(changeable_by(self.request.user))
        return translations.filter(source__in=sources)
