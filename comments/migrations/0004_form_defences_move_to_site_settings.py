"""The comment form's fill-in time and rate limits become every public form's,
in the site settings (home.SiteSettings, Spam defences): the values a site
admin set for comments are copied there before the fields go."""

from django.db import migrations


def copy_to_site_settings(apps, schema_editor):
    CommentSettings = apps.get_model("comments", "CommentSettings")
    SiteSettings = apps.get_model("home", "SiteSettings")
    old = CommentSettings.objects.first()
    if old is None:
        return
    new = SiteSettings.objects.first() or SiteSettings()
    new.min_fill_seconds = old.min_fill_seconds
    new.rate_limit_per_ip = old.rate_limit_per_ip
    new.rate_limit_per_email = old.rate_limit_per_email
    new.save()


def copy_back(apps, schema_editor):
    CommentSettings = apps.get_model("comments", "CommentSettings")
    SiteSettings = apps.get_model("home", "SiteSettings")
    new = SiteSettings.objects.first()
    if new is None:
        return
    CommentSettings.objects.update(
        min_fill_seconds=new.min_fill_seconds,
        rate_limit_per_ip=new.rate_limit_per_ip,
        rate_limit_per_email=new.rate_limit_per_email,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0003_backfill_comment_network"),
        ("home", "0002_site_settings_spam_defences"),
    ]

    operations = [
        migrations.RunPython(copy_to_site_settings, copy_back),
        migrations.RemoveField(model_name="commentsettings", name="min_fill_seconds"),
        migrations.RemoveField(model_name="commentsettings", name="rate_limit_per_email"),
        migrations.RemoveField(model_name="commentsettings", name="rate_limit_per_ip"),
    ]
