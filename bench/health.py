"""The network health pages' response time and query count with 100,000
comments: one network's health page, the table of every network, and the
figures alone (`health.figures.network_health`) without the admin's frame.

Run: `.venv/bin/python bench/health.py [COMMENTS] [REPEATS]`. Builds a fresh
demo database (DEBUG off, SQLite; bench/common.py), bulk-creates the
comments over the last year as bench/comments_queue.py does (a fifth
pending, the decided ones decided by a moderator 1 to 48 hours after
posting, a tenth of them replies), then times each view in one Django
process with the test client (median of REPEATS requests after one
warm-up). Prints figures only.

Measured on 1 December 2026 on the shared two-core machine, 110,021 comments
(100,000 and 10,021 replies). Before the comment figures were counted by the
database (load average about 17): 13 queries for the figures of every
network, 7,957 ms; one network's health page 24 queries, 4,732 ms; the table
of every network 6,109 ms. The same code again at a load average of about 6
(median of 3): 2,288 ms, 372 ms and 814 ms. After (load average about 2,
median of 5): 14 queries for the figures, 176 ms; one network's health page
25 queries, 130 ms; the table 25 queries, 220 ms.
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
from comments.models import Comment
from health.figures import network_health
from networks.models import NetworkPage
from networks.permissions import networks_for_pages

total, repeats = int(sys.argv[1]), int(sys.argv[2])
random.seed(16)
posts = list(BlogPostPage.objects.all())
# bulk_create skips Comment.save, which stores each comment's network: store it here.
post_networks = networks_for_pages(posts)
moderator = get_user_model().objects.get(username="moderator")
states = ["pending"] * 20 + ["approved"] * 60 + ["rejected"] * 10 + ["spam"] * 5 + ["hidden"] * 5
words = "allotment bus library food bank youth club rent repair cafe park housing".split()
now = timezone.now()
batch, parents = [], []
for i in range(total):
    status = random.choice(states)
    created = now - timedelta(minutes=random.randint(1, 60 * 24 * 365))
    post = posts[i % len(posts)]
    batch.append(Comment(
        page=post, network=post_networks[post.pk],
        name=f"Resident {i}", email=f"resident{i % 5000}@example.org",
        body=" ".join(random.choices(words, k=25)), status=status, created_at=created,
        decided_at=(
            None if status == "pending" else created + timedelta(hours=random.randint(1, 48))
        ),
        decided_by=None if status == "pending" else moderator,
        language="en",
    ))
    if len(batch) == 5000:
        parents += Comment.objects.bulk_create(batch)
        batch = []
parents += Comment.objects.bulk_create(batch)
# A tenth of the approved comments answered, half of those by the staff.
staff_email = get_user_model().objects.get(username="food-partnership-editor").email
replies = []
for parent in random.sample([c for c in parents if c.status == "approved"], total // 10):
    replies.append(Comment(
        page_id=parent.page_id, network_id=parent.network_id, parent=parent,
        name="Reply", email=staff_email if random.random() < 0.5 else "neighbour@example.org",
        body="Thank you.", status="approved", created_at=parent.created_at + timedelta(days=1),
        language="en",
    ))
Comment.objects.bulk_create(replies, batch_size=5000)
connection.cursor().execute("ANALYZE")

food = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
views = {
    "health page, one network (admin)": ("admin", f"/admin/health/{food.pk}/"),
    "health page, one network (its editor)": (
        "food-partnership-editor", f"/admin/health/{food.pk}/"
    ),
    "health page CSV": ("admin", f"/admin/health/{food.pk}/?format=csv"),
    "table, every network (admin)": ("admin", "/admin/health/"),
    "table sorted by pending": ("admin", "/admin/health/?order=-pending"),
    "table CSV": ("admin", "/admin/health/?format=csv"),
}
results = {}
for name, (username, path) in views.items():
    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username=username))
    client.get(path)
    timings = []
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(path)
            if response.streaming:
                b"".join(response.streaming_content)
            timings.append((time.perf_counter() - start) * 1000)
    results[name] = [response.status_code, len(ctx.captured_queries),
                     statistics.median(timings), max(timings)]
timings = []
for _ in range(repeats):
    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        network_health()
        timings.append((time.perf_counter() - start) * 1000)
results["figures alone, every network"] = [0, len(ctx.captured_queries),
                                           statistics.median(timings), max(timings)]
print(json.dumps({"comments": Comment.objects.count(), "results": results}))
"""


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
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
        f"network health, {data['comments']:,} comments, SQLite, Django test client "
        f"in one process, median of {repeats} requests (max in brackets)"
    )
    print(f"{'view':<40} {'status':>6} {'queries':>8} {'ms':>18}")
    for name, (status, queries, median, worst) in data["results"].items():
        timing = f"{median:8.1f} ({worst:7.1f})"
        print(f"{name:<40} {status or '':>6} {queries:>8} {timing:>18}")


if __name__ == "__main__":
    main()
