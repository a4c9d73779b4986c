"""`manage.py remove_demo`: take the demo out of a database that has it.

Deletes the demo accounts (their password is public), the demo networks in
every language with everything inside them (posts, comments, join requests,
their groups), the demo's site-wide posts and people. Each app's `demo`
module may have a `remove(out)`; this command calls them in the reverse of
the order `load_demo` loads them, in one transaction. The home page, About,
House rules and Privacy pages and the blog index stay: they are the site's
frame, to be edited (their demo text is a starting point, not content).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.demo import DEMO_EMAIL_DOMAIN

from .load_demo import DEMO_LOADERS


class Command(BaseCommand):
    help = "Remove the demo accounts and demo content (keeps the home page and standard pages)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--yes", action="store_true", help="Do it without asking (for scripts)."
        )

    def handle(self, *args, yes=False, **options):
        User = get_user_model()
        admins = User.objects.filter(is_superuser=True, is_active=True).exclude(
            email__endswith=DEMO_EMAIL_DOMAIN
        )
        if not admins.exists():
            raise CommandError(
                "No site admin would be left: run `manage.py createsuperuser` first."
            )
        if not yes:
            answer = input("Delete the demo accounts, networks, posts and comments? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Nothing removed.")
        with transaction.atomic():
            for module in reversed(DEMO_LOADERS):
                remove = getattr(module, "remove", None)
                if remove is not None:
                    remove(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo removed."))
