"""Erase everything one email address submitted."""

from django.core.management.base import BaseCommand

from home.privacy import contributors, erase_personal_data

from .export_personal_data import staff_named


class Command(BaseCommand):
    """`manage.py erase_personal_data EMAIL [--by USERNAME]`: anonymises
    everything submitted with EMAIL, in every app that stores what residents
    send (`home.privacy`; each app anonymises rather than deletes, and says
    why). Logged in the audit log."""

    help = "Anonymise everything submitted with EMAIL (names, addresses, IP addresses and words)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--by", help="Username of the admin making the request (for the log).")

    def handle(self, email, by=None, **options):
        counts = erase_personal_data(email, by=staff_named(by))
        for contributor in contributors():
            label = contributor.key.replace("_", " ")
            self.stdout.write(f"Erased {counts[contributor.key]} {label}.")
