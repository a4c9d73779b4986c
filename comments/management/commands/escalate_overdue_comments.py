"""Escalate the comments that waited too long for a moderator."""

from django.core.management.base import BaseCommand

from comments.escalation import escalate_overdue


class Command(BaseCommand):
    """`manage.py escalate_overdue_comments [--dry-run]`: escalates every
    pending comment past its network's moderation target (or in a network
    with no moderator of its own), once each, and emails the site moderators
    one message listing them. Safe to run as often as you like; meant to run
    hourly."""

    help = "Escalate pending comments that waited past their network's moderation target."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be escalated; change nothing."
        )

    def handle(self, dry_run, **options):
        count = escalate_overdue(dry_run=dry_run)
        verb = "Would escalate" if dry_run else "Escalated"
        self.stdout.write(f"{verb} {count} comment{'' if count == 1 else 's'}.")
