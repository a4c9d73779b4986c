"""Search at scale: the site search (/search/, Wagtail's database backend)
with 10,000 extra blog posts, on SQLite and on PostgreSQL (full text there).
Prints how long the posts and the index took to build, and for a few
queries the search page's results, queries, and the median and 95th
percentile of its time, wall clock and in-process CPU (the goal: under
200 ms each).

The posts are created fast but honestly: real page rows in the tree (paths
from treebeard's own path function, the parent's child count raised), each
with its BlogPostPage row, live, in English, under the four demo networks;
without revisions (search never reads them). Then `update_index` builds
the search index as a release would.

Run: `.venv/bin/python bench/search.py [posts] [sqlite|postgres|both]`.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PYTHON, ROOT, demo_site, manage, postgres  # noqa: E402

# Words of the generated posts; each post draws a few, so that a query's
# matches range from a few hundred posts to thousands.
WORDS = (
    "allotment garden compost seeds harvest kitchen recipe volunteers market "
    "orchard bicycle library digital workshop coding mentoring youth football "
    "health walking wellbeing clinic carers pharmacy housing energy repair "
    "river park litter trees flowers community meeting council budget survey "
    "transport bus tram school parents choir festival music theatre mural"
).split()
QUERIES = ["allotment", "community garden", "orchard festival", "zebra", "food"]
REPEATS = 20


def build(count):
    """Inside Django: creates `count` live posts under the demo networks and
    prints the seconds it took."""
    import datetime
    import random
    import uuid

    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from wagtail.models import Page

    from blog.models import BlogPostPage
    from networks.models import NetworkPage

    rng = random.Random(17)
    content_type = ContentType.objects.get_for_model(BlogPostPage)
    networks = list(NetworkPage.objects.filter(locale__language_code="en").order_by("path"))
    now = timezone.now()
    began = time.perf_counter()
    with transaction.atomic():
        for n, network in enumerate(networks):
            share = count // len(networks) + (n < count % len(networks))
            last = network.get_last_child()
            step = Page._str2int(last.path[-Page.steplen :]) if last else 0
            pages = []
            for i in range(share):
                words = rng.sample(WORDS, 12)
                title = " ".join(words[:4]).capitalize() + f" {n}-{i}"
                slug = f"bench-{n}-{i}"
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(network.path, network.depth + 1, step + i + 1),
                        depth=network.depth + 1,
                        numchild=0,
                        url_path=f"{network.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        locale_id=network.locale_id,
                        translation_key=uuid.uuid4(),
                    )
                )
            Page.objects.bulk_create(pages, batch_size=500)
            # bulk_create sets ids on PostgreSQL and SQLite 3.35+.
            for page, words in zip(pages, (rng.sample(WORDS, 30) for _ in pages), strict=True):
                post = BlogPostPage(
                    page_ptr_id=page.pk,
                    date=datetime.date.today(),
                    intro=" ".join(words[:15]) + ".",
                    body=[("paragraph", "<p>" + " ".join(words) + ".</p>")],
                )
                # The post's own row; its Page row is the one just made.
                post.save_base(raw=True, force_insert=True)
            Page.objects.filter(pk=network.pk).update(numchild=network.numchild + share)
    print(json.dumps({"seconds": time.perf_counter() - began}))


def p95(values):
    """The 95th percentile of `values` (the nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1)]


def measure(repeats):
    """Inside Django: prints {query: figures} for the search page: results,
    queries, the median and 95th percentile of wall-clock milliseconds and
    of this process's CPU milliseconds (`time.process_time()`: the database
    runs in-process on SQLite, in another process on PostgreSQL)."""
    import re

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    figures = {}
    for query in QUERIES:
        client.get("/search/", {"q": query})  # warm, as a running server would be
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/search/", {"q": query})
        count = len(queries.captured_queries)  # read before the next request resets the log
        wall, cpu = [], []
        for _ in range(repeats):
            began, began_cpu = time.perf_counter(), time.process_time()
            response = client.get("/search/", {"q": query})
            wall.append((time.perf_counter() - began) * 1000)
            cpu.append((time.process_time() - began_cpu) * 1000)
        assert response.status_code == 200, response.status_code
        found = re.search(r"((?:More than )?\d[\d,]*) results? for", response.content.decode())
        figures[query] = {
            "results": found.group(1).replace("More than ", ">") if found else "0",
            "queries": count,
            "median": statistics.median(wall),
            "p95": p95(wall),
            "cpu_median": statistics.median(cpu),
            "cpu_p95": p95(cpu),
        }
    from wagtail.models import Page

    post = client.get(Page.objects.get(slug="bench-0-0").url)
    assert post.status_code == 200, f"a generated post answers {post.status_code}"
    print(json.dumps(figures))


def inside(env, *args):
    out = subprocess.run(
        [PYTHON, __file__, *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def run(label, count, **extra_env):
    with demo_site(**extra_env) as (env, _):
        built = inside(env, "--build", str(count))
        began = time.perf_counter()
        manage(env, "update_index")
        indexed = time.perf_counter() - began
        figures = inside(env, "--measure", str(REPEATS))
    print(
        f"\n{label}: {count} posts created in {built['seconds']:.1f} s, indexed in {indexed:.1f} s"
        f" (load average {os.getloadavg()[0]:.2f})"
    )
    print(
        f"  {'query':<20} {'results':>8} {'queries':>8} {'median ms':>10} {'p95 ms':>8}"
        f" {'CPU median':>11} {'CPU p95':>8}"
    )
    for query, f in figures.items():
        print(
            f"  {query:<20} {f['results']:>8} {f['queries']:>8} {f['median']:>10.0f}"
            f" {f['p95']:>8.0f} {f['cpu_median']:>11.0f} {f['cpu_p95']:>8.0f}"
        )


def main():
    if sys.argv[1:2] == ["--build"]:
        return build(int(sys.argv[2]))
    if sys.argv[1:2] == ["--measure"]:
        return measure(int(sys.argv[2]))
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    which = sys.argv[2] if len(sys.argv) > 2 else "both"
    print(
        "Site search (/search/?q=…, anonymous, English, the whole page rendered, "
        f"Django test client in one process, {REPEATS} requests after a warm-up: median "
        "and 95th percentile, wall clock and CPU), DEBUG off, page cache off, "
        "Wagtail database search backend"
    )
    if which in {"sqlite", "both"}:
        run("SQLite", count, PAGE_CACHE_SECONDS="0")
    if which in {"postgres", "both"}:
        with postgres() as url:
            run("PostgreSQL 15", count, DATABASE_URL=url + "/commons", PAGE_CACHE_SECONDS="0")


if __name__ == "__main__":
    main()
