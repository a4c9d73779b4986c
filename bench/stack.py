"""The production topology on one machine, and the embedded default beside
it, each with the load and faults of bench/load.py run against it.

Production (`stack`): a throwaway PostgreSQL 15 cluster, Redis (no
persistence) for the cache, two gunicorn processes (2 workers each) on two
ports behind bench/proxy.py (asyncio, round-robin per connection), and the
task worker (`manage.py db_worker`), all with DEBUG off. Embedded
(`embedded`): SQLite and the file cache under a temporary VAR_DIR, one
gunicorn with 2 workers, the task worker. Both load the demo
(`load_demo --force`) first. Everything started is stopped at the end, on
Ctrl-C or on a failure too (each process in its own process group).

Run: `.venv/bin/python bench/stack.py [stack|embedded|both]` (default both;
`make bench-stack`).
"""

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import backup, load  # noqa: E402
from bench.common import PYTHON, ROOT, free_port, manage, postgres, production_env, redis  # noqa: E402


class Processes:
    """The processes a topology started, each in its own group, so that a
    gunicorn's workers go with it; stopped in reverse order."""

    def __init__(self):
        self.running = []

    def start(self, args, **kwargs):
        process = subprocess.Popen(args, cwd=ROOT, start_new_session=True, **kwargs)
        self.running.append(process)
        return process

    def stop(self, process, sig=signal.SIGTERM):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop_all(self):
        for process in reversed(self.running):
            if process.poll() is None:
                self.stop(process)


#: Each gunicorn's settings, as in a deployment (README, "The topology"):
#: `--timeout 120`, so that a worker is not killed under a request that is
#: merely slow on an overloaded host (a worker killed mid-request loses its
#: answer; its default, 30 s, is close to what a form post takes here while
#: 20 clients and 250 form posts share one gunicorn on two busy cores);
#: `--graceful-timeout 30`, so that a SIGTERM (a restart, one process at a
#: time) lets the requests in hand finish; `--backlog 2048`, so that a
#: burst waits in the listen queue instead of being refused; one log line
#: per warning (a worker timeout or a worker killed shows there).
GUNICORN_SETTINGS = (
    "--timeout",
    "120",
    "--graceful-timeout",
    "30",
    "--backlog",
    "2048",
    "--log-level",
    "warning",
)


def wait_for(url):
    for _ in range(150):
        with contextlib.suppress(OSError):
            urllib.request.urlopen(url + "/healthz", timeout=1)
            return
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


class Topology:
    """A running site: its environment, the address readers use, and the
    faults bench/load.py injects."""

    def __init__(self, label, env, var_dir, processes, webs, workers_per_web):
        self.label, self.env, self.var_dir, self.processes = label, env, var_dir, processes
        self.webs = []
        for _ in range(webs):
            port = free_port()
            process = processes.start(
                [
                    PYTHON,
                    "-m",
                    "gunicorn",
                    "config.wsgi:application",
                    "--workers",
                    str(workers_per_web),
                    "--bind",
                    f"127.0.0.1:{port}",
                    *GUNICORN_SETTINGS,
                ],
                env=env,
                stderr=open(var_dir / f"gunicorn-{port}.log", "w"),
            )
            self.webs.append((process, port))
        for _, port in self.webs:
            wait_for(f"http://127.0.0.1:{port}")
        if webs > 1:
            proxy_port = free_port()
            processes.start(
                [PYTHON, "bench/proxy.py", str(proxy_port)]
                + [f"127.0.0.1:{port}" for _, port in self.webs],
                stderr=open(var_dir / "proxy.log", "w"),
            )
            self.url = f"http://127.0.0.1:{proxy_port}"
            wait_for(self.url)
        else:
            self.url = f"http://127.0.0.1:{self.webs[0][1]}"
        self.worker_log = var_dir / "worker.log"
        self.worker = None
        self.start_worker()

    def start_worker(self):
        self.worker = self.processes.start(
            [
                PYTHON,
                "manage.py",
                "db_worker",
                "--queue-name",
                "*",
                "--interval",
                "0.5",
                "--no-startup-delay",
            ],
            env=self.env,
            stdout=open(self.worker_log, "a"),
            stderr=subprocess.STDOUT,
        )

    def stop_worker(self):
        self.processes.stop(self.worker, signal.SIGTERM)

    def worker_output(self):
        return self.worker_log.read_text()

    def kill_one_web(self):
        """SIGKILLs the first gunicorn (with its workers); with one gunicorn,
        one of its workers (its master starts another). Returns what it did."""
        process, port = self.webs[0]
        if len(self.webs) > 1:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return f"gunicorn on port {port} killed (SIGKILL, with its workers)"
        children = subprocess.run(
            ["pgrep", "-P", str(process.pid)], capture_output=True, text=True
        ).stdout.split()
        os.kill(int(children[0]), signal.SIGKILL)
        return f"gunicorn worker {children[0]} killed (SIGKILL); its master starts another"

    def server_errors(self):
        """Returns (tracebacks, 'database is locked', worker timeouts) in the
        gunicorn logs."""
        logs = "".join(p.read_text() for p in self.var_dir.glob("gunicorn-*.log"))
        return logs.count("Traceback"), logs.count("database is locked"), logs.count("TIMEOUT")

    def keep_logs(self):
        """Copies the gunicorn, proxy and worker logs to var/bench-logs/<name>/
        (the run's own folder is removed) and returns that folder."""
        kept = ROOT / "var" / "bench-logs" / self.var_dir.name.split("-")[1]
        kept.mkdir(parents=True, exist_ok=True)
        for log in self.var_dir.glob("*.log"):
            (kept / log.name).write_bytes(log.read_bytes())
        return kept


def prepare(env):
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo", "--force")  # DEBUG is off, as in production
    manage(env, "db_worker", "--queue-name", "*", "--batch", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput")


def env_for(var_dir, **extra):
    return production_env(
        var_dir,
        TRUSTED_PROXY_COUNT="1",
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
        **extra,
    )


@contextlib.contextmanager
def production_stack():
    """Yields the production topology's Topology, stopped afterwards."""
    var_dir = Path(tempfile.mkdtemp(prefix="commons-stack-"))
    processes = Processes()
    with postgres() as database, redis() as cache:
        env = env_for(var_dir, DATABASE_URL=database + "/commons", REDIS_URL=cache)
        try:
            prepare(env)
            yield Topology(
                "production topology: PostgreSQL 15, Redis, 2 gunicorn × 2 workers behind "
                "a round-robin proxy, the task worker",
                env,
                var_dir,
                processes,
                webs=2,
                workers_per_web=2,
            )
        finally:
            processes.stop_all()
            subprocess.run(["rm", "-rf", str(var_dir)], check=False)


@contextlib.contextmanager
def embedded():
    """Yields the embedded default's Topology, stopped afterwards."""
    var_dir = Path(tempfile.mkdtemp(prefix="commons-embedded-"))
    processes = Processes()
    env = env_for(var_dir)
    try:
        prepare(env)
        yield Topology(
            "embedded default: SQLite, file cache, 1 gunicorn × 2 workers, the task worker",
            env,
            var_dir,
            processes,
            webs=1,
            workers_per_web=2,
        )
    finally:
        processes.stop_all()
        subprocess.run(["rm", "-rf", str(var_dir)], check=False)


def main():
    # SIGTERM ends the run as Ctrl-C does, through every `finally` above.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    which = sys.argv[1] if len(sys.argv) > 1 else "both"
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    for name, topology in (("stack", production_stack), ("embedded", embedded)):
        if which in {name, "both"}:
            with topology() as running:
                load.run(running)
                backup.check(running, ["/", load.POST])
                tracebacks, locked, timeouts = running.server_errors()
                print(
                    f"server log: {tracebacks} tracebacks, {locked} 'database is locked', "
                    f"{timeouts} worker timeouts; logs kept in {running.keep_logs()}"
                )
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
