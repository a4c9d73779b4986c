"""Who may read a consultation's responses: its own network's editors and
site admins, nobody else (not another network's editors, not moderators of
any kind, not the editors of site-wide consultations who are not admins).
Wagtail's form-submission views follow the "change" page permission; the
`filter_form_submissions_for_user` hook narrows that with these functions."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.models import Page

from networks.permissions import networks_edited_in_any_language_by

from .models import ConsultationPage


def consultations_for_staff(user):
    """Returns a queryset of the ConsultationPages whose responses `user` may
    list, export, read and delete (every language's version)."""
    if not (user.is_authenticated and user.is_active):
        return ConsultationPage.objects.none()
    if user.is_superuser:
        return ConsultationPage.objects.all()
    condition = Q(pk__in=[])
    for network in networks_edited_in_any_language_by(user):
        condition |= Page.objects.descendant_of_q(network)
    return ConsultationPage.objects.filter(condition)


def user_can_see_responses(user, page):
    """Returns True if `user` may see the responses to consultation `page`."""
    return consultations_for_staff(user).filter(pk=page.pk).exists()


def filter_form_pages(user, form_pages):
    """Narrows Wagtail's queryset of form pages `user` may see submissions of:
    consultations only where `consultations_for_staff` allows."""
    consultation_type = ContentType.objects.get_for_model(ConsultationPage)
    return form_pages.filter(
        ~Q(content_type=consultation_type) | Q(pk__in=consultations_for_staff(user).values("pk"))
    )
