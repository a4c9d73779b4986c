"""The moderation queue's response time and query count with 100,000
comments, for a site moderator and a network moderator, on the default view
(oldest pending first) and on filtered, searched and deep-paginated views.

Run: `.venv/bin/python bench/comments_queue.py [COMMENTS] [REPEATS] [-v]`
(-v prints the slowest SQL of each view). Builds a
fresh demo database (DEBUG off, SQLite), bulk-creates the comments, then times
each view in one Django process with the test client (median of REPEATS
requests after one warm-up). Prints figures only.
"""

import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PYTHON, ROOT, demo_site  # noqa: E402

SEED_AND_TIME = r"""
import json, random, statistics, sys, time
from datetime import timedelta

import django
django.setup()

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import BlogPostPage
from comments.models import Comment, CommentReport
from networks.models import NetworkPage
from networks.permissions import networks_for_pages

total, repeats = int(sys.argv[1]), int(sys.argv[2])
random.seed(6)
posts = list(BlogPostPage.objects.all())
# bulk_create skips Comment.save, which stores each comment's network: store it here.
post_networks = networks_for_pages(posts)
states = ["pending"] * 20 + ["approved"] * 60 + ["rejected"] * 10 + ["spam"] * 5 + ["hidden"] * 5
words = "allotment bus library food bank youth club rent repair cafe park housing".split()
now = timezone.now()
batch = []
for i in range(total):
    status = random.choice(states)
    created = now - timedelta(minutes=random.randint(1, 60 * 24 * 365))
    post = posts[i % len(posts)]
    batch.append(Comment(
        page=post, network=post_networks[post.pk],
        name=f"Resident {i}", email=f"resident{i % 5000}@example.org",
        body=" ".join(random.choices(words, k=25)), status=status, created_at=created,
        decided_at=None if status == "pending" else created + timedelta(hours=2),
        language="en",
    ))
    if len(batch) == 5000:
        Comment.objects.bulk_create(batch)
        batch = []
Comment.objects.bulk_create(batch)
reported = list(Comment.objects.filter(status="approved").values_list("pk", flat=True)[:1000])
CommentReport.objects.bulk_create(
    [CommentReport(comment_id=pk, reason="spam", created_at=now) for pk in reported]
)
connection.cursor().execute("ANALYZE")

food = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
views = {
    "default (pending, oldest first)": "/admin/comments/",
    "approved": "/admin/comments/?state=approved",
    "reported": "/admin/comments/?state=reported",
    "any state, one network": f"/admin/comments/?state=&network={food.pk}",
    "pending older than a week": "/admin/comments/?state=pending&age=older_than_week",
    "search q=allotment": "/admin/comments/?q=allotment",
    "search q=resident42@": "/admin/comments/?state=&q=resident42%40",
    "pending, page 100": "/admin/comments/?p=100",
    "dashboard panel (admin home)": "/admin/",
}
results = {}
for username in ["moderator", "food-partnership-moderator"]:
    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username=username))
    for name, path in views.items():
        client.get(path)
        timings = []
        for _ in range(repeats):
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                response = client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
        results[f"{username}|{name}"] = [
            response.status_code, len(ctx.captured_queries), statistics.median(timings),
            max(timings),
            sorted(
                ((float(q["time"]) * 1000, q["sql"][:160]) for q in ctx.captured_queries),
                reverse=True,
            )[0],
        ]
print(json.dumps({"comments": Comment.objects.count(), "results": results}))
"""


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    total = int(args[0]) if args else 100_000
    repeats = int(args[1]) if len(args) > 1 else 7
    with demo_site() as (env, _):
        out = subprocess.run(
            [PYTHON, "-c", SEED_AND_TIME, str(total), str(repeats)],
            cwd=ROOT,
            env={**env, "DEBUG": "1"},  # DEBUG on only so that queries are captured
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        data = json.loads(out.strip().splitlines()[-1])
    print(
        f"moderation queue, {data['comments']:,} comments, SQLite, Django test client "
        f"in one process, median of {repeats} requests (max in brackets)"
    )
    print(
        f"{'user':<28} {'view':<34} {'status':>6} {'queries':>8} {'ms':>16} {'slowest query':>14}"
    )
    for key, (status, queries, median, worst, slowest) in data["results"].items():
        user, view = key.split("|")
        timing = f"{median:7.1f} ({worst:6.1f})"
        print(f"{user:<28} {view:<34} {status:>6} {queries:>8} {timing:>16} {slowest[0]:>11.1f} ms")
        if "-v" in sys.argv:
            print(f"    {slowest[1]}")


if __name__ == "__main__":
    main()
