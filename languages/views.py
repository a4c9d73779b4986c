"""wagtail-localize's "Translate this page" and "Sync translated pages",
refused to anyone who may not edit the page being translated.

wagtail-localize checks only the site-wide "submit translation" permission,
which would let a network editor translate, and publish translations of,
another network's pages. These views add the page's own permissions; the
admin URLs in `wagtail_hooks` put them in front of wagtail-localize's.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


class GuardedSubmitPageTranslationView(SubmitPageTranslationView):
    """Translate a page: only for people who may edit it."""

    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """Sync a page's translations: only for people who may edit the page, and
    publish them only for people who may publish it."""

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
        return super().dispatch(request, *args, **kwargs)
