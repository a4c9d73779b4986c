"""blog tags get a table of their own (3 of 3): the link to taggit's shared
tags goes, and the copied link takes its name."""

import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("blog", "0005_blog_tags_own_model_copy")]

    operations = [
        migrations.RemoveField(model_name="blogposttag", name="tag"),
        migrations.RenameField(model_name="blogposttag", old_name="new_tag", new_name="tag"),
        migrations.AlterField(
            model_name="blogposttag",
            name="tag",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="tagged_posts",
                to="blog.blogtag",
            ),
        ),
        migrations.AlterField(
            model_name="blogpostpage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="blog.BlogPostTag",
                to="blog.BlogTag",
                verbose_name="tags",
            ),
        ),
    ]
