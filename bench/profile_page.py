"""In-process CPU and queries per request for public pages, with the page
cache off: the Django test client (DEBUG off, the bench's own copy of the
demo database plus a post with 200 approved comments), the median of N
requests' `time.process_time()` after a warm-up request.

Run: `.venv/bin/python bench/profile_page.py [N] [path ...]`; add
`--cprofile` to print the 25 costliest functions of each path too. Prints
figures only.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    BUSY_POST_PATH,
    add_busy_post,
    demo_site,
    profile_arguments,
    run_profile,
)

PATHS = [
    "/healthz",
    "/about/",
    "/",
    "/networks/",
    "/networks/food-partnership/",
    "/blog/",
    "/networks/food-partnership/first-post/",
    BUSY_POST_PATH,
    "/pl/networks/food-partnership/first-post/",
    "/consultations/",
    "/networks/food-partnership/should-we-become-a-co-operative/",
    "/events/",
]

_PROFILE_CODE = """
import statistics, sys, time
import django
django.setup()
from bench.common import print_profile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

repeats, use_cprofile, paths = int(sys.argv[1]), sys.argv[2] == "1", sys.argv[3:]
client = Client(HTTP_HOST="localhost")
print(f"{'path':<62} {'status':>6} {'queries':>8} {'CPU ms (median)':>16}")
for path in paths:
    client.get(path)  # warm caches, as a running server would be
    with CaptureQueriesContext(connection) as ctx:
        status = client.get(path).status_code
    queries = len(ctx.captured_queries)  # before the next request resets the log
    times = []
    for _ in range(repeats):
        start = time.process_time()
        client.get(path)
        times.append((time.process_time() - start) * 1000)
    print(f"{path:<62} {status:>6} {queries:>8} {statistics.median(times):>16.1f}")
    if use_cprofile:
        print_profile(lambda: client.get(path), 10, "cumulative", 40)
"""


def main():
    repeats, use_cprofile, paths = profile_arguments(default_repeats=50)
    with demo_site(PAGE_CACHE_SECONDS="0") as (env, _):
        add_busy_post(env)
        print(f"Django test client, DEBUG off, SQLite, page cache off; median of {repeats}")
        run_profile(env, _PROFILE_CODE, repeats, use_cprofile, paths or PATHS)


if __name__ == "__main__":
    main()
