"""Apply the comments' retention periods (Settings → Comment settings)."""

from django.core.management.base import BaseCommand

from comments.retention import apply_retention


class Command(BaseCommand):
    """`manage.py apply_comment_retention [--dry-run]`: removes the email and
    IP address of approved comments past `anonymise_after_months` and deletes
    pending, rejected and spam comments past `delete_declined_after_days`,
    never touching a comment under an open appeal. Daily, like the task
    `comments.tasks.apply_retention_task`; prints the counts."""

    help = "Anonymise old approved comments and delete old pending, rejected and spam ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would change; change nothing."
        )

    def handle(self, dry_run, **options):
        counts = apply_retention(dry_run=dry_run)
        deleted = counts["deleted"]
        verb = ("Would anonymise", "would delete") if dry_run else ("Anonymised", "deleted")
        self.stdout.write(
            f"{verb[0]} {counts['anonymised']} approved comments; {verb[1]} "
            f"{deleted['pending']} pending, {deleted['rejected']} rejected and "
            f"{deleted['spam']} spam comments."
        )
