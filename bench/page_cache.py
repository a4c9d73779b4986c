"""Anonymous readers with the page cache on: requests per second of every
public page type beside the site's own stylesheet (served by WhiteNoise,
measured again right after each page) and /healthz in the same run, as a
ratio of the stylesheet's rate (the goal is at least 0.5), and the queries a
cached page costs (0).

Run: `.venv/bin/python bench/page_cache.py [seconds per page]`. Prints figures only.
"""

import re
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import count_queries, demo_site, gunicorn, wrk  # noqa: E402

PAGES = {
    "home page": "/",
    "standard page": "/about/",
    "network directory": "/networks/",
    "network page": "/networks/food-partnership/",
    "blog index": "/blog/",
    "blog post": "/networks/food-partnership/first-post/",
    "Polish network page": "/pl/networks/food-partnership/",
    "Urdu home page": "/ur/",
    "consultation index": "/consultations/",
    "open consultation": "/networks/food-partnership/should-we-become-a-co-operative/",
    "closed consultation": "/networks/food-partnership/food-partnership-priorities/",
    "event index": "/events/",
    "blog feed (RSS)": "/blog/feed/rss/",
    "event calendar (.ics)": "/events/ical/",
    "sitemap": "/sitemap.xml",
}


def stylesheet_path(url):
    """Returns the fingerprinted address of the site's stylesheet, read from the home page."""
    html = urllib.request.urlopen(url + "/", timeout=30).read().decode()
    return re.search(r'<link rel="stylesheet" href="([^"]+\.css)"', html).group(1)


def first_event_path(url):
    html = urllib.request.urlopen(url + "/events/", timeout=30).read().decode()
    match = re.search(r'href="(/networks/[^"]+/)"[^>]*>', html)
    return match.group(1) if match else None


def main():
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with demo_site(PAGE_CACHE_SECONDS="600") as (env, _):
        with gunicorn(env, workers=2) as url:
            pages = dict(PAGES)
            event = first_event_path(url)
            if event:
                pages["event page"] = event
                pages["event .ics"] = event + "ical/"
            for path in pages.values():  # fill the page cache, as the first readers would
                urllib.request.urlopen(url + path, timeout=60).read()
            queries = count_queries(env, list(pages.values()))
            css = stylesheet_path(url)
            print(
                "gunicorn, 2 workers, DEBUG off, SQLite, file cache, PAGE_CACHE_SECONDS=600, "
                f"demo content; wrk 2 threads, 8 connections, {seconds}s per address"
            )
            # The stylesheet is measured again beside each page, so that each
            # ratio compares two figures taken under the same load.
            healthz = wrk(url + "/healthz", seconds=seconds)
            baseline = wrk(url + css, seconds=seconds)
            if baseline is None:
                print("no wrk: install it to measure requests per second")
                return
            print(f"{'page':<22} {'queries':>8} {'req/s':>9} {'stylesheet':>11} {'ratio':>6}")
            ratio = healthz / baseline
            print(f"{'/healthz':<22} {'-':>8} {healthz:9.1f} {baseline:11.1f} {ratio:6.2f}")
            for name, path in pages.items():
                status, count = queries[path]
                rps = wrk(url + path, seconds=seconds)
                beside = wrk(url + css, seconds=seconds)
                note = "" if status == 200 else f"  (status {status})"
                print(f"{name:<22} {count:>8} {rps:9.1f} {beside:11.1f} {rps / beside:6.2f}{note}")


if __name__ == "__main__":
    main()
