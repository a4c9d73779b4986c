"""Export everything one email address submitted, as JSON."""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from comments.privacy import export_commenter


class Command(BaseCommand):
    """`manage.py export_commenter EMAIL [--output FILE] [--by USERNAME]`:
    a commenter's subject access request. Logged in the audit log."""

    help = "Export every comment submitted with EMAIL as JSON (stdout or --output)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", help="Write to this file instead of stdout.")
        parser.add_argument("--by", help="Username of the admin making the request (for the log).")

    def handle(self, email, output=None, by=None, **options):
        user = None
        if by:
            user = get_user_model().objects.filter(username=by).first()
            if user is None:
                raise CommandError(f"No user named {by!r}.")
        data = export_commenter(email, by=user)
        text = json.dumps(data, indent=2, ensure_ascii=False)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Exported {len(data['comments'])} comments to {output}.")
        else:
            self.stdout.write(text)
