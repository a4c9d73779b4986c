"""Delete rejected and spam comments once the retention period is over."""

from django.core.management.base import BaseCommand, CommandError

from comments.models import Comment
from comments.privacy import DEFAULT_RETENTION_DAYS, purge_declined


class Command(BaseCommand):
    """`manage.py purge_comments [--older-than DAYS] [--dry-run]`: the only
    way a comment is ever deleted. Removes rejected and spam comments decided
    more than DAYS ago (default 180) and without replies; every other comment
    stays. Each purged comment leaves an entry in the audit log."""

    help = "Delete rejected and spam comments older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            default=DEFAULT_RETENTION_DAYS,
            metavar="DAYS",
            help=f"Retention period in days (default {DEFAULT_RETENTION_DAYS}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would go; delete nothing."
        )

    def handle(self, older_than, dry_run, **options):
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 day.")
        counts = purge_declined(older_than, dry_run=dry_run)
        rejected, spam = counts[Comment.Status.REJECTED], counts[Comment.Status.SPAM]
        verb = "Would purge" if dry_run else "Purged"
        self.stdout.write(
            f"{verb} {rejected} rejected and {spam} spam comments older than {older_than} days."
        )
