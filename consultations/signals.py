"""A published answer approved, redacted or taken down changes the
consultation's page: drop it from the page cache and the CDN
(home.page_cache). New responses stay private, so they change nothing
a reader sees. A question saved or deleted outside a publish changes the
empty answer form, a fragment of the frame's scope (home.fragments)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home import page_cache
from home.fragments import FRAME, bump

from .models import ConsultationFormField
from .responses import ConsultationResponse


@receiver(post_save, sender=ConsultationFormField, dispatch_uid="consultations.question_saved")
@receiver(post_delete, sender=ConsultationFormField, dispatch_uid="consultations.question_gone")
def refresh_answer_form(sender, instance, **kwargs):
    """A question changed: the empty answer form is rendered again."""
    bump(FRAME)


@receiver(post_save, sender=ConsultationResponse, dispatch_uid="consultations.page_cache")
def drop_cached_consultation_after_decision(sender, instance, created, **kwargs):
    if created:
        return
    if page_cache.invalidation_needed():
        page_cache.invalidate_page(instance.page)
    else:
        page_cache.listings_changed()
