"""network themes get a table of their own (3 of 3): the link to taggit's shared
tags goes, and the copied link takes its name."""

import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("networks", "0007_themes_own_tag_model_copy")]

    operations = [
        migrations.RemoveField(model_name="networkpagetag", name="tag"),
        migrations.RenameField(model_name="networkpagetag", old_name="new_tag", new_name="tag"),
        migrations.AlterField(
            model_name="networkpagetag",
            name="tag",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="tagged_networks",
                to="networks.networktheme",
            ),
        ),
        migrations.AlterField(
            model_name="networkpage",
            name="themes",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="networks.NetworkPageTag",
                to="networks.NetworkTheme",
                verbose_name="themes",
            ),
        ),
    ]
