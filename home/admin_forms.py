"""Admin forms that keep each network's images and documents to itself.

Wagtail's image and document choosers only offer the collections a user may
choose from (a network's editors: their network's collection and the shared
root), but the forms they fill accept any id: an editor could put another
network's unreleased image on a person, or link another network's private
document from a post and publish it. These forms refuse an image or document
from a collection the user may not choose from, in a foreign key (a logo, a
photo), anywhere in a StreamField or in rich text's links, unless it was there
already (a site admin may have placed it). Site admins may use anything.
"""

import re

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamValue
from wagtail.blocks.list_block import ListValue
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.permissions import policy_registry
from wagtail.rich_text import RichText

NOT_YOURS = _(
    "An image or document you chose is in a collection you cannot use. Choose "
    "one from your network's own images and documents."
)


RICH_TEXT_TAG = re.compile(r"<(?:a|embed)\b([^>]*)>")
RICH_TEXT_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def media_in(value):
    """Yields (model, id) of the images and documents in a form value: an
    image or document, or a StreamField value with them anywhere in its
    blocks, rich text's document links and image embeds included."""
    if isinstance(value, (AbstractImage, AbstractDocument)):
        yield type(value), value.pk
    elif isinstance(value, RichText):
        yield from media_in(value.source)
    elif isinstance(value, str):
        for attributes in RICH_TEXT_TAG.findall(value):
            attributes = dict(RICH_TEXT_ATTRIBUTE.findall(attributes))
            kind = attributes.get("linktype") or attributes.get("embedtype")
            if kind in ("document", "image") and attributes.get("id", "").isdigit():
                model = get_image_model() if kind == "image" else get_document_model()
                yield model, int(attributes["id"])
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
            chosen = set(media_in(cleaned_data[name]))
            if not chosen:
                continue
            new = chosen - set(media_in(getattr(self.instance, name, None)))
            if new and not self._may_choose_all(user, new):
                # A StreamField's errors belong to its blocks: say it for the form.
                field = None if isinstance(cleaned_data[name], StreamValue) else name
                self.add_error(field, NOT_YOURS)
        return cleaned_data

    @staticmethod
    def _may_choose_all(user, items):
        for model in (get_image_model(), get_document_model()):
            ids = {pk for item_model, pk in items if issubclass(item_model, model)}
            if ids and choosable_ids(user, model, ids) != ids:
                return False
        return True


class PageAdminForm(ChoosableMediaMixin, WagtailAdminPageForm):
    """The admin form of every page type (their `base_form_class`)."""
