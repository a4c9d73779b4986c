"""A load run: 1,000 comments posted by 20 concurrent clients against gunicorn
with 4 workers on SQLite. Prints errors, the "database is locked" count from
the server's stderr, rows stored and their states (goal: 0 errors, 1,000
stored, all pending).

The spam defences that would (rightly) stop one machine posting 1,000
comments an hour are RELAXED for this run through the site's comment settings:
rate limits per IP and per email off (0) and minimum fill-in time 0 s. The
output says so.

Run: `.venv/bin/python bench/comments_load.py [comments] [clients] [workers]`.
"""

import http.cookiejar
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PYTHON, ROOT, demo_site, gunicorn  # noqa: E402

POST = "/networks/food-partnership/first-post/"
MARK = "load-run"

RELAX = """
import django
django.setup()
from home.models import SiteSettings
s = SiteSettings.load()
s.rate_limit_per_ip = 0
s.rate_limit_per_email = 0
s.min_fill_seconds = 0
s.save()
"""

COUNT = f"""
import django, json
django.setup()
from django.db.models import Count
from comments.models import Comment
rows = Comment.objects.filter(body__contains="{MARK}")
print(json.dumps(dict(rows.values_list("status").annotate(n=Count("pk")).order_by())))
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def client_run(base, number, posts, results):
    """One resident's browser: loads the post (cookie, CSRF token, the form's
    signed start time), then posts `posts` comments, one after another."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(base + POST, timeout=60).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    started = re.search(r'name="started" value="([^"]+)"', page).group(1)
    action = re.search(r'<form class="comment-form"[^>]* action="([^"]+)"', page).group(1)
    for i in range(posts):
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "started": started,
                "name": f"Load client {number}",
                "email": f"load{number}.{i}@example.org",
                "body": f"Comment {i} from client {number} ({MARK}).",
                "contact_me_by_fax_only": "",
            }
        ).encode()
        request = urllib.request.Request(base + action, data=data, headers={"Referer": base + POST})
        began = time.perf_counter()
        try:
            status = opener.open(request, timeout=120).status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError as error:
            status = f"{type(error).__name__}"
        results.append((status, time.perf_counter() - began))


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    clients = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    workers = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    with demo_site() as (env, var_dir):
        subprocess.run([PYTHON, "-c", RELAX], cwd=ROOT, env=env, check=True)
        print(
            "RELAXED for this run (site comment settings): rate limits per IP and per "
            "email off, minimum fill-in time 0 s. Every other defence is on."
        )
        print(
            f"{total} comments, {clients} concurrent clients, gunicorn {workers} workers, "
            "DEBUG off, SQLite (WAL, IMMEDIATE, busy timeout 30 s), file cache"
        )
        log_path = Path(tempfile.mkstemp(prefix="commons-load-", suffix=".log")[1])
        results = []
        with open(log_path, "w") as log, gunicorn(env, workers=workers, stderr=log) as url:
            per_client = [total // clients + (n < total % clients) for n in range(clients)]
            threads = [
                threading.Thread(target=client_run, args=(url, n, posts, results))
                for n, posts in enumerate(per_client)
            ]
            began = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - began
        server_log = log_path.read_text()
        log_path.unlink()
        stored = (
            subprocess.run(
                [PYTHON, "-c", COUNT], cwd=ROOT, env=env, check=True, capture_output=True, text=True
            )
            .stdout.strip()
            .splitlines()[-1]
        )

    ok = sum(1 for status, _ in results if status == 302)
    errors = len(results) - ok
    times = sorted(t for _, t in results)
    statuses = sorted({str(s) for s, _ in results})
    print(
        f"requests:              {len(results)} in {elapsed:.1f} s ({len(results) / elapsed:.1f}/s)"
    )
    print(f"responses:             {', '.join(statuses)}")
    print(f"errors (not 302):      {errors}")
    print(f"'database is locked':  {server_log.count('database is locked')}")
    print(f"server tracebacks:     {server_log.count('Traceback')}")
    print(f"rows stored (by state): {stored}")
    if times:
        print(
            f"latency:               median {times[len(times) // 2] * 1000:.0f} ms, "
            f"95th {times[int(len(times) * 0.95)] * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
