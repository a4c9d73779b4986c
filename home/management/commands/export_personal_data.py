"""Export everything one email address submitted, as JSON."""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from home.privacy import contributors, export_personal_data


def staff_named(username):
    """Returns the user `username` (for the audit log), or None for no name;
    an unknown name is an error, so that nothing runs unrecorded by mistake."""
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"No user named {username!r}.")
    return user


class Command(BaseCommand):
    """`manage.py export_personal_data EMAIL [--output FILE] [--by USERNAME]`:
    a subject access request, across every app that stores what residents
    send (`home.privacy`). Logged in the audit log."""

    help = "Export everything submitted with EMAIL as JSON (stdout or --output)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", help="Write to this file instead of stdout.")
        parser.add_argument("--by", help="Username of the admin making the request (for the log).")

    def handle(self, email, output=None, by=None, **options):
        data = export_personal_data(email, by=staff_named(by))
        text = json.dumps(data, indent=2, ensure_ascii=False)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            summary = ", ".join(f"{len(data[c.key])} {c.key}" for c in contributors())
            self.stderr.write(f"Exported {summary} to {output}.")
        else:
            self.stdout.write(text)
