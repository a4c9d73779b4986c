"""Admin forms that keep each network's images and documents to itself.

Wagtail's image and document choosers only offer the collections a user may
choose from (a network's editors: their network's collection and the shared
root), but the forms they fill accept any id: an editor could put another
network's unreleased image on a person, or link another network's private
document from a post and publish it. These forms refuse an image or document
from a collection the user may not choose from, in a foreign key (a logo, a
photo) or anywhere in a StreamField, unless it was there already (a site admin
may have placed it). Site admins may use anything.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.permissions import policy_registry

NOT_YOURS = _(
    "An image or document you chose is in a collection you cannot use. Choose "
    "one from your network's own images and documents."
)


def media_in(value):
    """Yields the images and documents in a form value: an image or document,
    or a StreamField value with them anywhere in its blocks."""
    if isinstance(value, (AbstractImage, AbstractDocument)):
        yield value
    elif isinstance(value, StreamValue):
        for child in value:
            yield from media_in(child.value)
    elif isinstance(value, dict):  # a StructBlock's value
        for item in value.values():
            yield from media_in(item)
    elif isinstance(value, (list, tuple, ListValue)):
        for item in value:
            yield from media_in(item)


def choosable_ids(user, model, ids):
    """Returns the ids among `ids` of `model` (Image or Document) that `user`
    may choose."""
    policy = policy_registry.get_by_type(model)
    allowed = policy.instances_user_has_permission_for(user, "choose")
    return set(allowed.filter(pk__in=ids).values_list("pk", flat=True))


class ChoosableMediaMixin:
    """Refuses images and documents from collections the user may not choose
    from (see the module's docstring). Needs the form's `for_user`."""

    def clean(self):
        cleaned_data = super().clean()
        user = getattr(self, "for_user", None)
        if user is None or user.is_superuser:
            return cleaned_data
        for name in list(cleaned_data):
            chosen = list(media_in(cleaned_data[name]))
            if not chosen:
                continue
            already = {
                (type(item), item.pk) for item in media_in(getattr(self.instance, name, None))
            }
            new = [item for item in chosen if (type(item), item.pk) not in already]
            if new and not self._may_choose_all(user, new):
                # A StreamField's errors belong to its blocks: say it for the form.
                field = None if isinstance(cleaned_data[name], StreamValue) else name
                self.add_error(field, NOT_YOURS)
        return cleaned_data

    @staticmethod
    def _may_choose_all(user, items):
        for model in (get_image_model(), get_document_model()):
            ids = {item.pk for item in items if isinstance(item, model)}
            if ids and choosable_ids(user, model, ids) != ids:
                return False
        return True


class PageAdminForm(ChoosableMediaMixin, WagtailAdminPageForm):
    """The admin form of every page type (their `base_form_class`)."""
