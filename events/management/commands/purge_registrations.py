"""`manage.py purge_registrations`: remove attendees' details N days after
their event (EVENTS_REGISTRATION_RETENTION_DAYS, default 90)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from events.privacy import remove_past_attendee_details


class Command(BaseCommand):
    help = "Anonymise the registrations of events that ended more than N days ago."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=None, help="Days after the event.")

    def handle(self, *args, older_than=None, **options):
        days = older_than if older_than is not None else settings.EVENTS_REGISTRATION_RETENTION_DAYS
        count = remove_past_attendee_details(days)
        self.stdout.write(f"{count} registration(s) anonymised ({days} days after the event).")
