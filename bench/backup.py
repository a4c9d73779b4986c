"""Backup and restore of a running site (called by bench/stack.py after the
load): SQLite's online backup (the API behind the shell's `.backup`) or
`pg_dump --format=custom` and `pg_restore` into a new database; then the
row count of every table compared between the live database and the
restored one, SQLite's `PRAGMA integrity_check` on the copy, and a gunicorn
started on the restored database answering the home page and the post.
"""

import sqlite3
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg

from bench.common import PG_BIN, PYTHON, ROOT, free_port

TABLES_SQLITE = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"


def sqlite_counts(path):
    with sqlite3.connect(path) as db:
        tables = [row[0] for row in db.execute(TABLES_SQLITE)]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def postgres_counts(url):
    with psycopg.connect(url) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {t: db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def serves(env, paths):
    """Returns {path: status} from a gunicorn (1 worker) on `env`'s database."""
    port = free_port()
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "config.wsgi:application", "--workers", "1",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    try:
        statuses = {}
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        for path in paths:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=60) as r:
                    statuses[path] = r.status
            except urllib.error.HTTPError as error:
                statuses[path] = error.code
        return statuses
    finally:
        process.terminate()
        process.wait(timeout=30)


def compare(live, restored):
    differ = {
        t: (live.get(t), restored.get(t)) for t in live | restored if live.get(t) != restored.get(t)
    }
    return (
        f"{len(live)} tables, {sum(live.values())} rows; restored {len(restored)} tables, "
        f"{sum(restored.values())} rows; tables that differ: {differ or 'none'}"
    )


def check(topology, paths):
    """Backs up `topology`'s database, restores it and prints the checks."""
    env = topology.env
    began = time.perf_counter()
    if env.get("DATABASE_URL"):
        url = env["DATABASE_URL"]
        base, _ = url.rsplit("/", 1)
        dump = Path(topology.var_dir) / "commons.dump"
        subprocess.run([PG_BIN / "pg_dump", "--format=custom", "--file", dump, url], check=True)
        with psycopg.connect(base + "/postgres", autocommit=True) as db:
            db.execute("CREATE DATABASE restored")
        subprocess.run(
            [PG_BIN / "pg_restore", "--no-owner", "--dbname", base + "/restored", dump], check=True
        )
        took = time.perf_counter() - began
        print(f"backup: pg_dump (custom format, {dump.stat().st_size // 1024} KiB) and "
              f"pg_restore into a new database in {took:.1f} s")  # fmt: skip
        print("  " + compare(postgres_counts(url), postgres_counts(base + "/restored")))
        restored_env = {**env, "DATABASE_URL": base + "/restored"}
    else:
        live = Path(topology.var_dir) / "commons.sqlite3"
        copy = Path(topology.var_dir) / "restored.sqlite3"
        with sqlite3.connect(live) as source, sqlite3.connect(copy) as target:
            source.backup(target)  # what the sqlite3 shell's .backup does
        took = time.perf_counter() - began
        with sqlite3.connect(copy) as db:
            integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        print(f"backup: SQLite online backup ({copy.stat().st_size // 1024} KiB) in {took:.1f} s; "
              f"PRAGMA integrity_check on the copy: {integrity}")  # fmt: skip
        print("  " + compare(sqlite_counts(live), sqlite_counts(copy)))
        restored_env = {**env, "SQLITE_PATH": str(copy)}
    print(f"  the site on the restored database answers: {serves(restored_env, paths)}")
