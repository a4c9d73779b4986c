"""What drops pages from the page cache (and the CDN) when Wagtail or the
site's own settings change: publish, unpublish, move, delete, a Site, a
language, any settings model. The content apps add their own triggers
(a comment's decision, an event's places) through `home.page_cache`."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import page_cache


def page_changed(sender, instance, **kwargs):
    """A page (or a translation of it) was published or unpublished."""
    page_cache.invalidate_page(instance)


#: The URLs of pages being moved, from pre_page_move to post_page_move (which
#: Wagtail sends with another instance of the page).
_before_move = {}


def page_about_to_move(sender, instance, **kwargs):
    """Remembers the URLs the page and the pages below it had before the move."""
    if not page_cache.invalidation_needed():
        return
    moved = instance.get_descendants(inclusive=True).specific(defer=True)
    shown = page_cache.pages_shown_with(instance) | set(moved)
    _before_move[instance.pk] = (
        page_cache.urls_for_pages(shown),
        page_cache.variant_urls([instance]),  # its old network's listings, on a CDN
    )


def page_moved(sender, instance, **kwargs):
    """Drops the old addresses and what showed the page in both places."""
    before, before_variants = _before_move.pop(instance.pk, (set(), set()))
    moved = instance.get_descendants(inclusive=True).specific(defer=True)
    page_cache.purge(before | page_cache.urls_for_pages(set(moved)), cdn_only=before_variants)
    page_cache.invalidate_page(instance)


def page_about_to_be_deleted(sender, instance, **kwargs):
    """Drops the page and what showed it, while its URL can still be worked out."""
    if instance.depth > 1:
        page_cache.invalidate_page(instance)


def frame_changed(sender, **kwargs):
    """Settings, a Site or a language changed: every page shows them."""
    page_cache.invalidate_everything()


def connect():
    """Connects the receivers (from HomeConfig.ready)."""
    for signal, receiver in (
        (page_published, page_changed),
        (page_unpublished, page_changed),
        (pre_page_move, page_about_to_move),
        (post_page_move, page_moved),
    ):
        signal.connect(receiver, dispatch_uid=f"home.page_cache.{receiver.__name__}")
    pre_delete.connect(page_about_to_be_deleted, sender=Page, dispatch_uid="home.page_cache.delete")
    frame_models = [Site, Locale] + [
        model
        for model in apps.get_models()
        if issubclass(model, BaseGenericSetting | BaseSiteSetting)
    ]
    for model in frame_models:
        for signal in (post_save, post_delete):
            signal.connect(
                frame_changed, sender=model, dispatch_uid=f"home.page_cache.{model._meta.label}"
            )
