"""Events: queries and requests per second for the event index, the month
view and an event page, beside the trivial view (/healthz), and the time of
a 50-way registration race for 10 places (threads, one connection each, on
the bench's SQLite database).

Run: `.venv/bin/python bench/events.py [seconds]`. Prints figures only.
BENCH_PORT fixes gunicorn's port (on a shared machine), else a free one.
"""

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import common  # noqa: E402
from bench.common import PYTHON, ROOT, count_queries, demo_site, gunicorn, wrk  # noqa: E402

if os.environ.get("BENCH_PORT"):
    common.free_port = lambda: int(os.environ["BENCH_PORT"])

RACE = """
import datetime, threading, time, django
django.setup()
from django.db import connections
from django.utils import timezone
from events import registrations
from events.models import EventPage
from networks.models import NetworkPage
registrations._after_commit = lambda kind, regs: None
network = NetworkPage.objects.get(slug="young-people", locale__language_code="en")
timings = []
for round_number in range(5):
    start = timezone.now() + datetime.timedelta(days=3)
    event = EventPage(title=f"Race {round_number}", slug=f"bench-race-{round_number}",
                      summary="Race", start=start, end=start + datetime.timedelta(hours=1),
                      registration_enabled=True, capacity=10, locale_id=network.locale_id)
    network.add_child(instance=event)
    occurrence = event.occurrences()[0]
    barrier = threading.Barrier(50)
    def one(n):
        barrier.wait()
        registrations.register(event, occurrence, name=f"P{n}", email=f"p{n}@example.com")
        connections.close_all()
    threads = [threading.Thread(target=one, args=(n,)) for n in range(50)]
    began = time.perf_counter()
    [t.start() for t in threads]
    [t.join() for t in threads]
    timings.append(time.perf_counter() - began)
    assert event.registrations.confirmed().count() == 10
    assert event.registrations.waiting().count() == 40
print(sorted(timings)[len(timings) // 2])
"""


def main():
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with demo_site() as (env, _):
        out = subprocess.run(
            [PYTHON, "-c", "import datetime; d=datetime.date.today(); print(d.year, d.month)"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        pages = {
            "trivial view": "/healthz",
            "event index": "/events/",
            "month view": f"/events/month/{out[0]}/{out[1]}/",
            "event page": "/networks/food-partnership/accessible-cooking/",
            "event .ics": "/networks/food-partnership/accessible-cooking/ical/",
            "iCal feed": "/events/ical/",
        }
        queries = count_queries(env, list(pages.values()))
        print(
            "gunicorn, 2 workers, DEBUG off, SQLite, demo content; "
            f"wrk 2 threads, 8 connections, {seconds}s per page"
        )
        print(f"{'page':<14} {'path':<52} {'status':>6} {'queries':>8} {'req/s':>9}")
        with gunicorn(env, workers=2) as url:
            for name, path in pages.items():
                status, count = queries[path]
                rps = wrk(url + path, seconds=seconds)
                rps_text = f"{rps:9.1f}" if rps is not None else "   no wrk"
                print(f"{name:<14} {path:<52} {status:>6} {count:>8} {rps_text}")
        race = (
            subprocess.run(
                [PYTHON, "-c", RACE], cwd=ROOT, env=env, check=True, capture_output=True, text=True
            )
            .stdout.strip()
            .splitlines()[-1]
        )
        print(f"50 registrations at once for 10 places (median of 5 races): {float(race):.2f}s")


if __name__ == "__main__":
    main()
