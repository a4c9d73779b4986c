"""Search at scale: the site search (/search/, Wagtail's database backend)
with 10,000 extra blog posts, on SQLite and on PostgreSQL (full text there).
Prints how long the posts and the index took to build, and the median time
of the search page for a few queries (the goal: under 200 ms each).

The posts are created fast but honestly: real page rows in the tree (paths
from treebeard's own path function, the parent's child count raised), each
with its BlogPostPage row, live, in English, under the four demo networks;
without revisions (search never reads them). Then `update_index` builds
the search index as a release would.

Run: `.venv/bin/python bench/search.py [posts] [sqlite|postgres|both]`.
"""

import json
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


def measure(repeats):
    """Inside Django: prints {query: (median ms, results)} for the search page."""
    import re

    import django

    django.setup()
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    figures = {}
    for query in QUERIES:
        client.get("/search/", {"q": query})  # warm, as a running server would be
        times = []
        for _ in range(repeats):
            began = time.perf_counter()
            response = client.get("/search/", {"q": query})
            times.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, response.status_code
        found = re.search(r"(\d[\d,]*) results? for", response.content.decode())
        figures[query] = (statistics.median(times), found.group(1) if found else "0")
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
        figures = inside(env, "--measure", "9")
    print(
        f"\n{label}: {count} posts created in {built['seconds']:.1f} s, indexed in {indexed:.1f} s"
    )
    print(f"  {'query':<20} {'results':>8} {'median ms':>10}")
    for query, (ms, found) in figures.items():
        print(f"  {query:<20} {found:>8} {ms:>10.0f}")


def main():
    if sys.argv[1:2] == ["--build"]:
        return build(int(sys.argv[2]))
    if sys.argv[1:2] == ["--measure"]:
        return measure(int(sys.argv[2]))
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    which = sys.argv[2] if len(sys.argv) > 2 else "both"
    print(
        "Site search (/search/?q=…, anonymous, English, the whole page rendered, "
        "Django test client in one process, median of 9 after a warm-up), "
        "DEBUG off, Wagtail database search backend"
    )
    if which in {"sqlite", "both"}:
        run("SQLite", count)
    if which in {"postgres", "both"}:
        with postgres() as url:
            run("PostgreSQL 15", count, DATABASE_URL=url + "/commons")


if __name__ == "__main__":
    main()
