"""Stores on every existing comment the network its page is in (the nearest
NetworkPage at or above the page; none for a site-wide page). Written against
the historical models, so the tree is read here rather than through
`networks.permissions`, which needs the live models."""

from django.db import migrations


def backfill_networks(apps, schema_editor):
    Comment = apps.get_model("comments", "Comment")
    NetworkPage = apps.get_model("networks", "NetworkPage")
    # Outer networks first, so that a network nested in another (none today)
    # takes its own comments back.
    for network in NetworkPage.objects.order_by("depth").only("pk", "path"):
        Comment.objects.filter(page__path__startswith=network.path).update(network_id=network.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0002_comment_network"),
    ]

    operations = [
        migrations.RunPython(backfill_networks, migrations.RunPython.noop, elidable=True),
    ]
