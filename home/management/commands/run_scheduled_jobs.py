"""`manage.py run_scheduled_jobs [--hourly | --daily] [--dry-run]`: runs the
jobs registered in `home.scheduled`, the site's one list of periodic work."""

from django.core.management.base import BaseCommand, CommandError

from home import scheduled


class Command(BaseCommand):
    """Runs every registered job that runs at the given frequency (both, with
    neither option), one after another, printing what each did. A failing job
    is reported and the others still run; the command then exits non-zero,
    so cron or systemd notices."""

    help = "Run the site's scheduled jobs (home.scheduled): --hourly, --daily, or both."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--hourly", action="store_const", const=scheduled.HOURLY, dest="every")
        which.add_argument("--daily", action="store_const", const=scheduled.DAILY, dest="every")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the jobs that would run; run none of them.",
        )

    def handle(self, *args, every=None, dry_run=False, **options):
        jobs = scheduled.registered_jobs(every)
        if dry_run:
            for job in jobs:
                self.stdout.write(f"Would run {job.name} ({job.every}).")
            self.stdout.write(f"{len(jobs)} job(s) would run; nothing was changed.")
            return
        failed = []
        for result in scheduled.run_jobs(jobs):
            if result.ok:
                self.stdout.write(f"{result.job.name}: {result.result} ({result.seconds:.1f} s)")
            else:
                failed.append(result.job.name)
                self.stderr.write(
                    f"{result.job.name} FAILED: {type(result.error).__name__}: {result.error}"
                )
        self.stdout.write(f"{len(jobs) - len(failed)} of {len(jobs)} job(s) succeeded.")
        if failed:
            raise CommandError(f"{len(failed)} scheduled job(s) failed: {', '.join(failed)}")
