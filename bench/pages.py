"""Requests per second, p99 latency and queries per page for the public
pages with the page cache off (`PAGE_CACHE_SECONDS=0`), beside the site's
static stylesheet and a trivial view (/healthz: no database, no template) in
the same run, and each page's rate as a fraction of the stylesheet's (which
cancels most of a busy machine's noise). The bench database has, beside the
demo, a post with 200 approved comments (`bench.common.add_busy_post`).

Run: `make bench` or `.venv/bin/python bench/pages.py [seconds]`. Prints
figures only.
"""

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (  # noqa: E402
    BUSY_POST_PATH,
    add_busy_post,
    count_queries,
    demo_site,
    gunicorn,
    stylesheet_path,
    wrk_stats,
)

TODAY = datetime.date.today()
PAGES = {
    "trivial view": "/healthz",
    "home page": "/",
    "standard page": "/about/",
    "network directory": "/networks/",
    "network page": "/networks/food-partnership/",
    "blog index": "/blog/",
    "blog post": "/networks/food-partnership/first-post/",
    "post, 200 comments": BUSY_POST_PATH,
    "Polish network page": "/pl/networks/food-partnership/",
    "Urdu home page": "/ur/",
    "Bengali directory": "/bn/networks/",
    "Polish blog index": "/pl/blog/",
    "consultation index": "/consultations/",
    "event index": "/events/",
    "event month view": f"/events/month/{TODAY.year}/{TODAY.month}/",
    "open consultation": "/networks/food-partnership/should-we-become-a-co-operative/",
    "closed consultation": "/networks/food-partnership/food-partnership-priorities/",
    "search": "/search/?q=network",
    "Urdu search": "/ur/search/?q=food",
    "sitemap": "/sitemap.xml",
}


def main():
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with demo_site(PAGE_CACHE_SECONDS="0") as (env, _):
        add_busy_post(env)
        queries = count_queries(env, list(PAGES.values()))
        print(
            f"gunicorn, 2 workers, DEBUG off, SQLite, demo content, page cache off; "
            f"wrk 2 threads, 8 connections, {seconds}s per page"
        )
        header = f"{'page':<20} {'path':<36} {'status':>6} {'queries':>8} {'req/s':>9}"
        print(f"{header} {'ratio':>7} {'p99 ms':>8}")
        with gunicorn(env, workers=2) as url:
            stylesheet = stylesheet_path(url)
            reference, reference_p99 = wrk_stats(url + stylesheet, seconds=seconds)
            if reference is None:
                print("no wrk: install it to measure requests per second")
                return
            print(
                f"{'stylesheet':<20} {stylesheet[:36]:<36} {200:>6} {0:>8} "
                f"{reference:9.1f} {1:7.3f} {reference_p99:8.1f}"
            )
            for name, path in PAGES.items():
                status, count = queries[path]
                rps, p99 = wrk_stats(url + path, seconds=seconds)
                print(
                    f"{name:<20} {path[:36]:<36} {status:>6} {count:>8} {rps:9.1f} "
                    f"{rps / reference:7.3f} {p99:8.1f}"
                )


if __name__ == "__main__":
    main()
