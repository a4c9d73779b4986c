"""A published answer approved, redacted or taken down changes the
consultation's page: drop it from the page cache and the CDN
(home.page_cache). New responses stay private, so they change nothing
a reader sees."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from home import page_cache

from .responses import ConsultationResponse


@receiver(post_save, sender=ConsultationResponse, dispatch_uid="consultations.page_cache")
def drop_cached_consultation_after_decision(sender, instance, created, **kwargs):
    if created:
        return
    if page_cache.invalidation_needed():
        page_cache.invalidate_page(instance.page)
    else:
        page_cache.listings_changed()
