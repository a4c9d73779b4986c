"""network themes get a table of their own (2 of 3): every network's theme link is copied
to a tag of the new table with the same name and a clean slug (shared with
the blog's tags until now, "food" had become "food_1"); taggit tags that nothing
uses any more are deleted. Reversible: the links go back to taggit's tags."""

from django.conf import settings
from django.db import migrations
from django.utils.text import slugify


def clean_slug(name):
    if getattr(settings, "TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING", False):
        from unidecode import unidecode

        return slugify(unidecode(name)) or "tag"
    return slugify(name, allow_unicode=True) or "tag"


def free_slug(name, taken):
    slug = base = clean_slug(name)[:90]
    n = 0
    while slug in taken:
        n += 1
        slug = f"{base}_{n}"
    taken.add(slug)
    return slug


def delete_unused(Tag, ids):
    """Deletes the taggit tags of `ids` that no link of any app uses."""
    unused = Tag.objects.filter(pk__in=ids)
    for relation in Tag._meta.related_objects:
        if relation.one_to_many:
            links = relation.related_model._base_manager.filter(
                **{f"{relation.field.name}__isnull": False}
            )
            unused = unused.exclude(pk__in=links.values(relation.field.attname))
    unused.delete()


def to_own_tags(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    OwnTag = apps.get_model("networks", "NetworkTheme")
    Link = apps.get_model("networks", "NetworkPageTag")
    taken = set(OwnTag.objects.values_list("slug", flat=True))
    old_ids = sorted(set(Link.objects.values_list("tag_id", flat=True)))
    for old in Tag.objects.filter(pk__in=old_ids).order_by("pk"):
        new, _created = OwnTag.objects.get_or_create(
            name=old.name, defaults={"slug": free_slug(old.name, taken)}
        )
        Link.objects.filter(tag_id=old.pk).update(new_tag_id=new.pk, tag_id=None)
    delete_unused(Tag, old_ids)


def to_taggit_tags(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    OwnTag = apps.get_model("networks", "NetworkTheme")
    Link = apps.get_model("networks", "NetworkPageTag")
    taken = set(Tag.objects.values_list("slug", flat=True))
    for own in OwnTag.objects.filter(pk__in=Link.objects.values("new_tag_id")).order_by("pk"):
        old = Tag.objects.filter(name=own.name).first() or Tag.objects.create(
            name=own.name, slug=free_slug(own.name, taken)
        )
        Link.objects.filter(new_tag_id=own.pk).update(tag_id=old.pk, new_tag_id=None)
    OwnTag.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("networks", "0006_themes_own_tag_model_add")]

    operations = [migrations.RunPython(to_own_tags, to_taggit_tags)]
