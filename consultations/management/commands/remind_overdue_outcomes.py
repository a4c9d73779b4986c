"""`manage.py remind_overdue_outcomes`: enqueue the reminder to editors of
consultations overdue for their outcome (run daily; each is reminded once)."""

from django.core.management.base import BaseCommand

from consultations.tasks import remind_overdue_outcomes


class Command(BaseCommand):
    help = "Remind editors of consultations whose outcome is overdue (once each)."

    def handle(self, *args, **options):
        remind_overdue_outcomes.enqueue()
        self.stdout.write("Reminder of overdue outcomes enqueued.")
