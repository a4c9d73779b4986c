"""Requests per second and queries for a blog post with 200 approved comments
(and 50 replies among them), beside the trivial /healthz and a post with the
demo's handful of comments, in the same run.

Run: `.venv/bin/python bench/comments_post.py [seconds]`. Prints figures only.
"""

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PYTHON, ROOT, count_queries, demo_site, gunicorn, wrk  # noqa: E402

BIG = "/networks/digital-practitioners/first-post/"
SMALL = "/networks/food-partnership/first-post/"

# 200 approved comments on one post: 150 top-level, 50 replies to the first 50.
FILL = f"""
import django
django.setup()
from django.utils import timezone
from datetime import timedelta
from wagtail.models import Page
from comments.models import Comment
page = Page.objects.get(url_path__endswith="{BIG.strip("/").split("/")[-2]}/first-post/")
Comment.objects.filter(page=page).delete()
start = timezone.now() - timedelta(days=3)
top = Comment.objects.bulk_create(
    Comment(page=page, name=f"Resident {{i}}", email=f"r{{i}}@example.org",
            body=f"Comment number {{i}}. Some thoughts on https://example.org/{{i}}\\nand more.",
            status="approved", created_at=start + timedelta(minutes=i))
    for i in range(150))
Comment.objects.bulk_create(
    Comment(page=page, parent=top[i], name=f"Replier {{i}}", email=f"q{{i}}@example.org",
            body=f"A reply to {{i}}.", status="approved",
            created_at=start + timedelta(minutes=200 + i))
    for i in range(50))
print(Comment.objects.public().for_page(page).count())
"""


def main():
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    pages = {"trivial view": "/healthz", "post, demo comments": SMALL, "post, 200 comments": BIG}
    with demo_site() as (env, _):
        shown = subprocess.run(
            [PYTHON, "-c", FILL], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        ).stdout.split()[-1]
        queries = count_queries(env, list(pages.values()))
        print(f"A post with {shown} approved comments (150 top-level, 50 replies).")
        print(
            f"gunicorn, 2 workers, DEBUG off, SQLite, demo content; wrk 2 threads, "
            f"8 connections, {seconds}s per page"
        )
        print(f"{'page':<22} {'path':<44} {'status':>6} {'queries':>8} {'req/s':>9}")
        with gunicorn(env, workers=2) as url:
            for name, path in pages.items():
                status, count = queries[path]
                rps = wrk(url + path, seconds=seconds)
                rps_text = f"{rps:9.1f}" if rps is not None else "   no wrk"
                print(f"{name:<22} {path:<44} {status:>6} {count:>8} {rps_text}")


if __name__ == "__main__":
    main()
