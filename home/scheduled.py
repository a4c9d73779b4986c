"""The one list of jobs the site runs on a schedule.

Each app registers its own periodic work here, in its AppConfig.ready (one
line: a name, the job as a dotted path or a callable, and how often), and one
command runs them: `manage.py run_scheduled_jobs --hourly` / `--daily`, from
cron or a systemd timer (README, "Scheduled jobs"). A job is a callable that
takes no arguments and returns what it did, for the log: a number of things
changed, or a sentence. Jobs named by dotted path are imported only when they
run, so an AppConfig can register a job whose module needs the models.
"""

import io
import logging
import time
from dataclasses import dataclass

from django.core.management import call_command
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

HOURLY = "hourly"
DAILY = "daily"
FREQUENCIES = (HOURLY, DAILY)


@dataclass(frozen=True)
class ScheduledJob:
    """One registered job: its name, the callable (or its dotted path) and
    how often it runs."""

    name: str
    func: object
    every: str

    def resolve(self):
        """Returns the job's callable, importing it if it was named by path."""
        return import_string(self.func) if isinstance(self.func, str) else self.func


@dataclass(frozen=True)
class JobResult:
    """What one run of a job did: its result, or the error that stopped it."""

    job: ScheduledJob
    result: object = None
    error: BaseException | None = None
    seconds: float = 0.0

    @property
    def ok(self):
        return self.error is None


_jobs = {}


def register(name, func, *, every=DAILY):
    """Registers `func` (a callable or a dotted path to one) to run `every`
    hour or day under `name`. Registering a name again replaces the job, so
    a test or a later app can change one."""
    if every not in FREQUENCIES:
        raise ValueError(f"every must be one of {FREQUENCIES}, not {every!r}")
    _jobs[name] = ScheduledJob(name=name, func=func, every=every)


def command(name, *args, **options):
    """Returns a job that runs the management command `name` (with `args`
    and `options`) and returns what it printed, for a command that is
    already somebody's periodic job (Wagtail's `publish_scheduled`, say)."""

    def run_command():
        out = io.StringIO()
        call_command(name, *args, stdout=out, **options)
        return out.getvalue().strip() or "done"

    run_command.__name__ = f"command_{name}"
    return run_command


def unregister(name):
    """Removes the job registered under `name`, if there is one."""
    _jobs.pop(name, None)


def registered_jobs(every=None):
    """Returns the registered jobs (those that run `every` hour or day, or all
    of them), in name order."""
    return sorted(
        (job for job in _jobs.values() if every is None or job.every == every),
        key=lambda job: job.name,
    )


def run_jobs(jobs):
    """Runs each of `jobs` in turn and returns a JobResult for each. A job
    that fails is logged with its traceback and does not stop the others."""
    results = []
    for job in jobs:
        started = time.monotonic()
        try:
            result = job.resolve()()
        except Exception as error:  # one job's failure must not stop the rest
            logger.exception("Scheduled job %s failed", job.name)
            results.append(JobResult(job, error=error, seconds=time.monotonic() - started))
        else:
            logger.info("Scheduled job %s: %s", job.name, result)
            results.append(JobResult(job, result=result, seconds=time.monotonic() - started))
    return results
