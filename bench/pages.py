"""Requests per second and queries per page for the public pages, beside a
trivial view (/healthz: no database, no template) in the same run.

Run: `make bench` or `.venv/bin/python bench/pages.py`. Prints figures only.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import count_queries, demo_site, gunicorn, wrk  # noqa: E402

PAGES = {
    "trivial view": "/healthz",
    "home page": "/",
    "standard page": "/about/",
    "network directory": "/networks/",
    "network page": "/networks/food-partnership/",
    "blog index": "/blog/",
    "blog post": "/networks/food-partnership/first-post/",
    "Polish network page": "/pl/networks/food-partnership/",
    "Urdu home page": "/ur/",
    "Bengali directory": "/bn/networks/",
    "Polish blog index": "/pl/blog/",
    "consultation index": "/consultations/",
    "open consultation": "/networks/food-partnership/should-we-become-a-co-operative/",
    "closed consultation": "/networks/food-partnership/food-partnership-priorities/",
    "search": "/search/?q=network",
    "Urdu search": "/ur/search/?q=food",
    "sitemap": "/sitemap.xml",
}


def main():
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with demo_site() as (env, _):
        queries = count_queries(env, list(PAGES.values()))
        print(
            f"gunicorn, 2 workers, DEBUG off, SQLite, demo content; wrk 2 threads, "
            f"8 connections, {seconds}s per page"
        )
        print(f"{'page':<20} {'path':<32} {'status':>6} {'queries':>8} {'req/s':>9}")
        with gunicorn(env, workers=2) as url:
            for name, path in PAGES.items():
                status, count = queries[path]
                rps = wrk(url + path, seconds=seconds)
                rps_text = f"{rps:9.1f}" if rps is not None else "   no wrk"
                print(f"{name:<20} {path:<32} {status:>6} {count:>8} {rps_text}")


if __name__ == "__main__":
    main()
