"""Erase everything one email address submitted."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from comments.privacy import erase_commenter


class Command(BaseCommand):
    """`manage.py erase_commenter EMAIL [--by USERNAME]`: anonymises every
    comment submitted with EMAIL (see comments.privacy for why anonymise
    rather than delete). Logged in the audit log."""

    help = "Anonymise every comment submitted with EMAIL (name, email, IP and text)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--by", help="Username of the admin making the request (for the log).")

    def handle(self, email, by=None, **options):
        user = None
        if by:
            user = get_user_model().objects.filter(username=by).first()
            if user is None:
                raise CommandError(f"No user named {by!r}.")
        count = erase_commenter(email, by=user)
        self.stdout.write(f"Erased {count} comments.")
