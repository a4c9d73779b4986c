"""`manage.py erase_expired_consultation_details`: the retention setting
(Settings → Consultation settings → keep names and emails after the outcome)
at work: names and emails of responses to consultations whose outcome was
published longer ago than that are erased, the answers kept (run daily)."""

from django.core.management.base import BaseCommand

from consultations.privacy import erase_expired_details


class Command(BaseCommand):
    help = (
        "Erase names and emails of consultation responses kept longer after the outcome "
        "than the consultation settings allow (the answers are kept)."
    )

    def handle(self, *args, **options):
        count = erase_expired_details()
        self.stdout.write(f"Names and emails erased from {count} consultation responses.")
