"""`manage.py load_demo`: fill an empty site with believable demo content.

Each app that has demo content owns a `demo` module with a `load(out)`
function; this command calls them in INSTALLED_APPS order (accounts, home,
networks, blog, comments, …) inside one transaction. Every loader is
idempotent, so running the command twice changes nothing.

The demo has accounts with a published password (a superuser among them), so
with DEBUG off the command refuses unless `--force` says a person means it
(a staging copy, say). `remove_demo` takes the demo out again.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


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
        from home.models import HomePage

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
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                try:
                    module = import_module(module_name)
                except ModuleNotFoundError as error:
                    if error.name == module_name:
                        continue
                    raise
                module.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
