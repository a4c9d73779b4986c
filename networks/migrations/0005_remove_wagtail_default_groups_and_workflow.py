"""Wagtail's first migrations create "Editors" and "Moderators" groups with
rights over the whole page tree, and assign the "Moderators approval"
workflow to the root. On a site shared by many networks, anyone put in those
groups would edit every network, and the root workflow makes every network
look as if it required approval. Rights come from each network's own groups
(networks.groups) instead. Groups that already have members are kept."""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_defaults(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.filter(page__depth=1).delete()
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        if group.user_set.exists():
            continue
        GroupPagePermission.objects.filter(group=group).delete()
        group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0004_networkpage_comment_policy_and_more"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_defaults, migrations.RunPython.noop)]
