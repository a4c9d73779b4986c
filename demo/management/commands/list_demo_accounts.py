"""`manage.py list_demo_accounts`: print the demo accounts and what each may do,
so that whoever ran `make run` knows how to log in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "List the demo accounts with their groups."

    def handle(self, *args, **options):
        users = (
            get_user_model()
            .objects.filter(email__endswith="@commons.localhost")
            .prefetch_related("groups")
            .order_by("-is_superuser", "username")
        )
        for user in users:
            role = (
                "superuser" if user.is_superuser else ", ".join(g.name for g in user.groups.all())
            )
            self.stdout.write(f"    {user.username:<34} {role}")
