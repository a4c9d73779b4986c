"""`manage.py load_demo`: fill an empty site with believable demo content.

Each layer's demo content comes from its own module, called here one by one,
from the bottom layer up (see DEMO_LOADERS), inside one transaction: the
accounts, the home page and its sections, the networks, their blog posts,
comments on those pages, then the translations of all of it. Every loader
is idempotent, so running the command twice changes nothing.

The demo has accounts with a published password (a superuser among them), so
with DEBUG off the command refuses unless `--force` says a person means it
(a staging copy, say). `remove_demo` takes the demo out again.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts import demo as accounts_demo
from blog import demo as blog_demo
from comments import demo as comments_demo
from consultations import demo as consultations_demo
from demo import languages as languages_demo
from events import demo as events_demo
from home import demo as home_demo
from home.models import HomePage
from networks import demo as networks_demo

#: The demo loaders in the order they run: each needs what the ones before
#: it made (comments go on the pages above; translations come last, so that
#: every page they translate exists).
DEMO_LOADERS = [
    accounts_demo,
    home_demo,
    networks_demo,
    blog_demo,
    comments_demo,
    consultations_demo,
    events_demo,
    languages_demo,
]


class Command(BaseCommand):
    help = "Load the Commons demo content (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the site already has content (used by `make run`).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even with DEBUG off (the demo accounts' password is public).",
        )

    def handle(self, *args, if_empty=False, force=False, **options):
        # (The test runner turns DEBUG off; COMMONS_TESTING says it is a test.)
        if not settings.DEBUG and not settings.TESTING and not force:
            raise CommandError(
                "DEBUG is off: this looks like production, and the demo accounts' "
                "password is public. Not loading the demo (use --force to load it anyway)."
            )
        if if_empty and HomePage.objects.exists():
            self.stdout.write("The site already has content; demo content not loaded.")
            return
        with transaction.atomic():
            for loader in DEMO_LOADERS:
                loader.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
