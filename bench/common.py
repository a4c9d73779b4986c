"""Shared pieces for the bench/ scripts: a production-like gunicorn on a copy
of the demo database, wrk for requests per second, and Django's query
counting. Scripts print figures; nothing here passes or fails on time."""

import contextlib
import cProfile
import io
import os
import pstats
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SECRET = "bench-secret-key-not-for-production-0123456789-abcdefghijklmnopqrstuvwxyz"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(var_dir, **extra):
    """Returns the environment of a production process (DEBUG off) that keeps
    its SQLite database, cache and static files under `var_dir`."""
    env = {k: v for k, v in os.environ.items() if k not in {"COMMONS_TESTING", "DATABASE_URL"}}
    env.update(
        DEBUG="0",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        COMMONS_TESTING="0",
        VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    env.update(extra)
    return env


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


@contextlib.contextmanager
def demo_site(**extra_env):
    """Yields (env, var_dir): a fresh database with the demo content, its
    background tasks run, static files collected, in a temporary folder
    removed afterwards."""
    var_dir = Path(tempfile.mkdtemp(prefix="commons-bench-"))
    env = production_env(var_dir, **extra_env)
    try:
        manage(env, "migrate", "--noinput")
        # DEBUG is off, as in production, so the demo must be forced.
        manage(env, "load_demo", "--force")
        # The work the demo queued for the task worker (the search index, the
        # reference index, emails), done as `make run`'s worker would, so
        # that search finds what a visitor's search would.
        manage(env, "db_worker", "--queue-name", "*", "--batch", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput")
        yield env, var_dir
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


@contextlib.contextmanager
def gunicorn(env, workers=2, stderr=None):
    """Yields the base URL of gunicorn serving the site with `workers` workers
    (its stderr to the file `stderr`, if given, for counting errors)."""
    port = free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stderr=stderr,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(url + "/healthz", timeout=1)
                break
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def wrk_stats(url, seconds=10, connections=8, threads=2):
    """Returns (requests per second, 99th percentile latency in ms) for `url`
    measured by wrk, or (None, None) without wrk."""
    if not shutil.which("wrk"):
        return None, None
    out = subprocess.run(
        ["wrk", "--latency", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        print(f"    warning: {non2xx.group(1)} non-2xx responses from {url}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99_ms = None
    if p99:
        p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    return rps, p99_ms


def wrk(url, seconds=10, connections=8, threads=2):
    """Returns requests per second for `url` measured by wrk, or None without wrk."""
    return wrk_stats(url, seconds, connections, threads)[0]


def stylesheet_path(base_url):
    """Returns the path of the site's stylesheet (its hashed static name) as
    the home page links it: the reference every page's rate is divided by."""
    html = urllib.request.urlopen(base_url + "/", timeout=30).read().decode()
    return re.search(r'href="(/static/css/commons[^"]*\.css)"', html).group(1)


def count_queries(env, paths):
    """Returns {path: number of SQL queries} for anonymous GETs of each path,
    measured in a Django process using the bench database."""
    code = (
        "import django, json, sys\n"
        "django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        'client = Client(HTTP_HOST="localhost")\n'
        "result = {}\n"
        "for path in sys.argv[1:]:\n"
        "    client.get(path)  # warm caches, as a running server would be\n"
        "    with CaptureQueriesContext(connection) as ctx:\n"
        "        status = client.get(path).status_code\n"
        "    result[path] = (status, len(ctx.captured_queries))\n"
        "print(json.dumps(result))\n"
    )
    import json

    out = subprocess.run(
        [PYTHON, "-c", code, *paths], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return {path: tuple(v) for path, v in json.loads(out.strip().splitlines()[-1]).items()}


def profile_arguments(default_repeats):
    """Returns (repeats, use_cprofile, paths) from the command line of an
    in-process profile: `[N] [path ...] [--cprofile]` (paths: [] if none)."""
    args = [arg for arg in sys.argv[1:] if arg != "--cprofile"]
    repeats = int(args.pop(0)) if args and args[0].isdigit() else default_repeats
    return repeats, "--cprofile" in sys.argv, args


def run_profile(env, code, repeats, use_cprofile, paths):
    """Runs a profile's `code` in a Django process on the bench database,
    with argv `repeats, use_cprofile ("1"/"0"), *paths`."""
    args = [str(repeats), "1" if use_cprofile else "0", *paths]
    subprocess.run([PYTHON, "-c", code, *args], cwd=ROOT, env=env, check=True)


def print_profile(request, times, sort, lines):
    """Prints the `lines` costliest functions (by `sort`) of calling
    `request()` `times` times: for the profiles' `--cprofile`."""
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(times):
        request()
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(sort).print_stats(lines)
    print(out.getvalue())


PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def _as_postgres(args, **kwargs):
    """Runs a PostgreSQL binary, as the postgres user when we are root
    (initdb and the server refuse to run as root)."""
    if os.geteuid() == 0:
        args = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(map(str, args))]
    return subprocess.run(args, check=True, stdout=subprocess.DEVNULL, **kwargs)


@contextlib.contextmanager
def postgres():
    """Yields the address of a throwaway PostgreSQL 15 cluster (127.0.0.1, a
    free port, trust auth, fsync off: a bench, not a database to keep),
    started as CI starts one (.ci/run) and removed afterwards. Its URL has no
    database name: add one (`url + "/commons"`); Django's database is created
    here as `commons`."""
    folder = Path(tempfile.mkdtemp(prefix="commons-bench-pg-"))
    os.chmod(folder, 0o755)
    port = free_port()
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    _as_postgres(
        [
            PG_BIN / "initdb",
            "-D",
            data,
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ]
    )
    options = (
        f"'-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200'"
    )
    _as_postgres(
        [PG_BIN / "pg_ctl", "-D", data, "-l", folder / "log", "-w", "-o", options, "start"]
    )
    try:
        url = f"postgres://postgres@127.0.0.1:{port}"
        _as_postgres(
            [PG_BIN / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "commons"]
        )
        yield url
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            _as_postgres([PG_BIN / "pg_ctl", "-D", data, "-m", "immediate", "stop"])
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def redis():
    """Yields the URL of a throwaway Redis (127.0.0.1, a free port, no
    persistence), stopped afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


#: The bench's busy post: one of the demo's posts with this many approved comments.
BUSY_POST_COMMENTS = 200
BUSY_POST_PATH = "/networks/food-partnership/a-busy-post/"

_BUSY_POST_CODE = """
import django
django.setup()
import datetime
from django.utils import timezone
from blog.models import BlogPostPage
from comments.models import Comment
from networks.models import NetworkPage

network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
if not BlogPostPage.objects.filter(slug="a-busy-post").exists():
    post = BlogPostPage(
        title="A busy post",
        slug="a-busy-post",
        date=timezone.localdate(),
        intro="A post a network shared widely, with a long conversation under it.",
        locale_id=network.locale_id,
    )
    network.add_child(instance=post)
    post.save_revision().publish()
    post.refresh_from_db()
    start = timezone.now() - datetime.timedelta(days=1)
    top = Comment.objects.bulk_create(
        Comment(
            page=post, network=network, name=f"Reader {n}", email=f"reader{n}@example.org",
            body=f"Comment number {n}. We tried this at https://example.org/{n} and it "
            "worked.\\n\\nA second paragraph, as people write.",
            language="en", status=Comment.Status.APPROVED,
            created_at=start + datetime.timedelta(minutes=n),
        )
        for n in range(count * 3 // 4)
    )
    Comment.objects.bulk_create(
        Comment(
            page=post, network=network, parent=top[n % len(top)], name=f"Replier {n}",
            email=f"replier{n}@example.org", body=f"Reply number {n}.",
            language="pl" if n % 5 == 0 else "en",
            status=Comment.Status.APPROVED,
            created_at=start + datetime.timedelta(minutes=500 + n),
        )
        for n in range(count - len(top))
    )
"""


def add_busy_post(env, count=BUSY_POST_COMMENTS):
    """Adds to the bench database (never to the demo) a post under the food
    partnership with `count` approved comments, a quarter of them replies,
    at BUSY_POST_PATH."""
    subprocess.run(
        [PYTHON, "-c", f"count = {count}\n" + _BUSY_POST_CODE],
        cwd=ROOT,
        env=env,
        check=True,
    )
