"""Load and faults, against the production topology (bench/stack.py:
PostgreSQL, Redis, two gunicorn processes behind a round-robin proxy, the
task worker) or the embedded default (SQLite, the file cache, one gunicorn
with 2 workers, the task worker). In one run, all at once:

- 1,000 comments from 20 concurrent clients on one post;
- 50 registrations in parallel for an event with 10 places;
- 200 consultation responses in a burst;
- anonymous readers loading the post all along, while a side process
  approves load comments through the model (`comment.approve`): each reader's
  first request that starts after an approval must show that comment;
- faults: one gunicorn is killed (SIGKILL; embedded: one of its two
  workers) a third of the way into the comments, and the task worker is
  stopped (SIGTERM) before the registrations and started again after the
  burst: their confirmation emails wait in the queue, then go, once each
  (console email backend, counted in the worker's output).

The spam defences stay as they are (3 s fill-in time, 10 forms per
connection and 5 per email address an hour, honeypot): every submission is
from its own rendering of the form (a page load: forms are stored once per
rendering), each client waits out the fill-in time once, every email
address is new, and every request comes from its own address in
X-Forwarded-For, read with TRUSTED_PROXY_COUNT=1 (the bench proxy passes
bytes unchanged, so the clients send the header a proxy would append). A
request whose connection breaks (the killed process) or that gets a 502 is
sent once more with the same body, as a person presses the button again;
every attempt is logged, and the figures say how each lost or doubled
submission went.

Run through bench/stack.py, which starts each topology:
`.venv/bin/python bench/stack.py [stack|embedded|both]`.
"""

import html.parser
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import PYTHON, ROOT  # noqa: E402

POST = "/networks/food-partnership/first-post/"
MARK = "load-run"
COMMENTS, CLIENTS, REGISTRATIONS, PLACES, RESPONSES, READERS = 1000, 20, 50, 10, 200, 3
# A smaller run to try the script: LOAD_COMMENTS=100 LOAD_RESPONSES=20.
COMMENTS = int(os.environ.get("LOAD_COMMENTS", COMMENTS))
RESPONSES = int(os.environ.get("LOAD_RESPONSES", RESPONSES))

PREPARE = """
import datetime, json, django
django.setup()
from django.utils import timezone
from consultations.models import ConsultationPage
from events.models import EventPage
from networks.models import NetworkPage
network = NetworkPage.objects.get(slug="young-people", locale__language_code="en")
start = timezone.now() + datetime.timedelta(days=3)
event = EventPage(title="Load run event", slug="load-run-event", summary="Ten places.",
                  start=start, end=start + datetime.timedelta(hours=1),
                  registration_enabled=True, capacity=PLACES_HERE, locale_id=network.locale_id)
network.add_child(instance=event)
event.save_revision().publish()
consultation = ConsultationPage.objects.live().filter(locale__language_code="en").open().first()
print(json.dumps({"event": event.url, "event_id": event.pk,
                  "consultation": consultation.url, "consultation_id": consultation.pk}))
""".replace("PLACES_HERE", str(PLACES))

APPROVER = """
import json, sys, time, django
django.setup()
from accounts.models import User
from comments.models import Comment
moderator = User.objects.get(username="moderator")
deadline = time.time() + float(sys.argv[1])
while time.time() < deadline:
    comment = (Comment.objects.filter(status=Comment.Status.PENDING, body__contains="MARK_HERE")
               .order_by("pk").first())
    if comment is not None:
        comment.approve(by=moderator)
        print(json.dumps({"mark": comment.body.split("(")[-1].rstrip(").").split()[-1],
                          "at": time.time()}), flush=True)
    time.sleep(1.0)
""".replace("MARK_HERE", MARK)

DRAIN = """
import json, time, django
django.setup()
from django_tasks_db.models import DBTaskResult
began = time.time()
while time.time() - began < 600:
    due = DBTaskResult.objects.ready().count() + DBTaskResult.objects.running().count()
    if not due:
        break
    time.sleep(0.5)
print(json.dumps({"seconds": time.time() - began, "due": due}))
"""

COUNT = """
import json, sys, django
django.setup()
from django.db.models import Count
from comments.models import Comment
from consultations.models import ConsultationPage
from events.models import EventPage
from django_tasks_db.models import DBTaskResult
ids = json.loads(sys.argv[1])
comments = Comment.objects.filter(body__contains="MARK_HERE")
event = EventPage.objects.get(pk=ids["event_id"])
consultation = ConsultationPage.objects.get(pk=ids["consultation_id"])
print(json.dumps({
    "comments": dict(comments.values_list("status").annotate(n=Count("pk")).order_by()),
    "comment_marks": [body.split("(")[-1].rstrip(").").split()[-1]
                      for body in comments.values_list("body", flat=True)],
    "registration_emails": list(event.registrations.values_list("email", flat=True)),
    "response_emails": list(consultation.get_submission_class().objects
                            .filter(page=consultation).values_list("email", flat=True)),
    "confirmed": event.registrations.confirmed().count(),
    "waiting": event.registrations.waiting().count(),
    "responses": consultation.get_submission_class().objects.filter(page=consultation).count(),
    "tasks": dict(DBTaskResult.objects.values_list("status").annotate(n=Count("pk")).order_by()),
    "due": DBTaskResult.objects.ready().count() + DBTaskResult.objects.running().count(),
    "failed": dict(DBTaskResult.objects.failed().values_list("task_path").annotate(n=Count("pk"))
                   .order_by()),
}))
""".replace("MARK_HERE", MARK)


class FormParser(html.parser.HTMLParser):
    """Collects each form on a page: its action, fields and button texts."""

    def __init__(self):
        super().__init__()
        self.forms, self.form, self.select, self.in_button = [], None, None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.form = {"action": attrs.get("action") or "", "fields": [], "buttons": ""}
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input":
            self.form["fields"].append(attrs)
        elif tag == "textarea":
            self.form["fields"].append({"type": "textarea", **attrs})
        elif tag == "select":
            self.select = {"type": "select", "options": [], **attrs}
            self.form["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            self.select["options"].append(attrs.get("value", ""))
        elif tag == "button":
            self.in_button = True

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "button":
            self.in_button = False

    def handle_data(self, data):
        if self.form is not None and self.in_button:
            self.form["buttons"] += data


def fill(page, button, person):
    """Returns (action, data) of the form on `page` whose button reads
    `button`, filled in as `person` would: hidden fields (CSRF token, the
    signed clock) as they are, the honeypot left empty, the first choice of
    each choice, every checkbox ticked."""
    parser = FormParser()
    parser.feed(page)
    form = next(f for f in parser.forms if button in f["buttons"])
    data = []
    radios = set()
    for field in form["fields"]:
        name, kind = field.get("name"), field.get("type", "text")
        if not name or kind in {"submit", "button"}:
            continue
        if "fax" in name:  # the honeypot
            data.append((name, ""))
        elif kind == "hidden":
            data.append((name, field.get("value", "")))
        elif kind == "email" or name.endswith("email"):
            data.append((name, f"{person}@bench.invalid"))
        elif kind == "radio":
            if name not in radios:
                radios.add(name)
                data.append((name, field.get("value", "")))
        elif kind == "checkbox":
            data.append((name, field.get("value", "on")))
        elif kind == "select":
            data.append((name, next((o for o in field["options"] if o), "")))
        elif kind == "number":
            data.append((name, "3"))
        elif kind == "date":
            data.append((name, "2026-01-01"))
        elif kind == "url":
            data.append((name, "https://example.org/"))
        elif name in {"name", "body"} or kind in {"text", "textarea"}:
            data.append((name, f"{person}" if name != "body" else ""))
    return form["action"], data


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One resident's browser: cookies, no redirects followed, its own address."""

    def __init__(self, base, address):
        self.base, self.address = base, address
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), NoRedirect
        )

    def request(self, path, data=None, address=None):
        """Returns (status, body); a connection broken by the killed process
        (or a 502) is tried once more with the same body, as a person presses
        the button again. Every attempt's status or exception is kept in
        `self.attempts`, for the figures of what was lost and why."""
        headers = {"X-Forwarded-For": address or self.address, "Referer": self.base + path}
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        status, text = None, ""
        self.attempts = []
        for _ in range(2):
            request = urllib.request.Request(self.base + path, data=body, headers=headers)
            began = time.time()
            try:
                with self.opener.open(request, timeout=120) as response:
                    status, text = response.status, response.read().decode()
            except urllib.error.HTTPError as error:
                status, text = error.code, error.read().decode(errors="replace")
            except OSError as error:
                reason = getattr(error, "reason", None)
                status = type(reason if isinstance(reason, BaseException) else error).__name__
            self.attempts.append(f"{status} after {time.time() - began:.1f} s")
            if status not in {502} and not isinstance(status, str):
                break
            Tally.retries += 1
        return status, text


class Tally:
    retries = 0


def address(*numbers):
    return "10." + ".".join(str(n % 256) for n in numbers)


def commenter(base, number, count, results):
    """Posts `count` comments, each from its own rendering of the form (each
    a page load, as a person's every comment is: one rendering is one
    submission, and a second post of it is its resubmission). The pages are
    loaded first and the fill-in time waited out once for them all."""
    browser = Browser(base, address(number, 0, 1))
    pages = [browser.request(POST)[1] for _ in range(count)]
    time.sleep(3.2)  # the fill-in time, once: each signed clock is from its page load
    for i, page in enumerate(pages):
        if "Post comment" not in page:
            results.append(("no form", f"c{number}-{i}", browser.attempts))
            continue
        action, data = fill(page, "Post comment", f"c{number}-{i}")
        data = [
            (k, f"Comment {i} from client {number} ({MARK} c{number}-{i}).")
            if k == "body"
            else (k, v)
            for k, v in data
        ]
        status, _ = browser.request(action, data, address=address(number, i // 200, i % 200 + 2))
        results.append((status, f"c{number}-{i}", browser.attempts))


def one_form(base, path, button, person, number, barrier, results):
    browser = Browser(base, address(200 + number // 250, number % 250, 7))
    failed = None
    try:
        _, page = browser.request(path)
        action, data = fill(page, button, person)
    except Exception as error:  # noqa: BLE001 - counted, never hangs the barrier
        failed = f"no form: {type(error).__name__}"
    barrier.wait(timeout=900)
    if failed:
        results.append((failed, person, []))
        return
    time.sleep(3.2)
    status, text = browser.request(action or path, data)
    results.append((status, person, browser.attempts))


def reader(base, number, stop, log):
    browser = Browser(base, address(250, number, 9))
    while not stop.is_set():
        began = time.time()
        status, text = browser.request(POST)
        log.append((began, status, set(re.findall(rf"{MARK} (c\d+-\d+)", text))))


def django(env, code, *args):
    out = subprocess.run(
        [PYTHON, "-c", code, *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def emails(worker_log):
    """Returns Counter {recipient: messages} from the console email backend's output."""
    return Counter(re.findall(r"^To: (reg\d+@bench\.invalid)", worker_log, re.MULTILINE))


def run(topology):
    """Runs the load and the faults against `topology` (see bench/stack.py)
    and prints the figures."""
    env, base = topology.env, topology.url
    ids = django(env, PREPARE)
    print(f"\n== {topology.label}")
    print(
        f"{COMMENTS} comments from {CLIENTS} clients, {REGISTRATIONS} registrations for "
        f"{PLACES} places, {RESPONSES} consultation responses, {READERS} readers of the post"
    )
    stop = threading.Event()
    reads = {n: [] for n in range(READERS)}
    readers = [
        threading.Thread(target=reader, args=(base, n, stop, reads[n])) for n in range(READERS)
    ]
    approver = subprocess.Popen(
        [PYTHON, "-c", APPROVER, "600"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    approvals = []
    threading.Thread(
        target=lambda: approvals.extend(json.loads(line) for line in approver.stdout), daemon=True
    ).start()
    comment_results = []
    per_client = [COMMENTS // CLIENTS + (n < COMMENTS % CLIENTS) for n in range(CLIENTS)]
    commenters = [
        threading.Thread(target=commenter, args=(base, n, posts, comment_results))
        for n, posts in enumerate(per_client)
    ]
    began = time.perf_counter()
    for thread in readers + commenters:
        thread.start()

    killed_at = None
    while any(t.is_alive() for t in commenters):
        if killed_at is None and len(comment_results) >= COMMENTS // 3:
            killed_at = len(comment_results)
            print(f"fault: {topology.kill_one_web()} after {killed_at} comments")
        time.sleep(0.2)
    comments_took = time.perf_counter() - began

    topology.stop_worker()
    print("fault: task worker stopped (SIGTERM) before the registrations")
    registrations = []
    barrier = threading.Barrier(REGISTRATIONS)
    threads = [
        threading.Thread(
            target=one_form,
            args=(base, ids["event"], "Register", f"reg{n}", n, barrier, registrations),
        )
        for n in range(REGISTRATIONS)
    ]
    responses = []
    burst = threading.Barrier(RESPONSES)
    threads += [
        threading.Thread(
            target=one_form,
            args=(
                base,
                ids["consultation"],
                "Submit response",
                f"resp{n}",
                1000 + n,
                burst,
                responses,
            ),
        )
        for n in range(RESPONSES)
    ]
    forms_began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    forms_took = time.perf_counter() - forms_began
    queued = django(env, COUNT, json.dumps(ids))["tasks"]
    topology.start_worker()
    print(f"task worker started again; the queue before it: {queued}")
    drained = django(env, DRAIN)
    print(f"queue drained in {drained['seconds']:.0f} s (tasks still due: {drained['due']})")
    time.sleep(2)
    stop.set()
    approver.terminate()
    approver.wait()
    for thread in readers:
        thread.join()
    counts = django(env, COUNT, json.dumps(ids))
    sent = emails(topology.worker_output())

    try:
        report(comment_results, comments_took, counts, registrations, responses, forms_took,
               sent, reads, approvals)  # fmt: skip
    except Exception:  # noqa: BLE001 - the figures must not be lost to a slip in printing
        traceback.print_exc()
        print("raw figures:", counts, dict(Counter(str(r[0]) for r in comment_results)))


def scenario(name, results, stored_keys, success):
    """Prints one scenario's figures: sent, answered by status, stored, stored
    twice, lost (answered or not, but not stored), and how each lost or
    failed submission went, attempt by attempt."""
    stored = Counter(stored_keys)
    answered = Counter(str(status) for status, _, _ in results)
    lost = [r for r in results if r[1] not in stored]
    twice = sorted(key for key, n in stored.items() if n > 1)
    print(
        f"{name}: sent {len(results)}; answered {dict(answered)}; stored "
        f"{sum(1 for r in results if r[1] in stored)}; stored twice {len(twice)}; lost {len(lost)}"
    )
    unusual = [r for r in results if r[0] != success or r[1] not in stored or len(r[2]) > 1]
    for _status, key, attempts in unusual[:15]:
        print(f"  {key}: stored {stored[key]}; attempts {attempts}")
    for key in twice[:5]:
        attempts = next((r[2] for r in results if r[1] == key), [])
        print(f"  {key}: stored {stored[key]} times; attempts {attempts}")


def report(
    comment_results, comments_took, counts, registrations, responses, forms_took, sent, reads,
    approvals,
):  # fmt: skip
    """Prints the figures of one run."""
    print(
        f"comments posted in {comments_took:.1f} s "
        f"({len(comment_results) / comments_took:.1f}/s), by state {counts['comments']}; "
        f"requests sent twice (connection broken or 502): {Tally.retries}"
    )
    scenario("comments", comment_results, counts["comment_marks"], 302)
    scenario(
        "registrations",
        registrations,
        [email.split("@")[0] for email in counts["registration_emails"]],
        302,
    )
    print(f"  confirmed {counts['confirmed']}, waiting {counts['waiting']}")
    scenario(
        "consultation responses",
        responses,
        [email.split("@")[0] for email in counts["response_emails"]],
        200,
    )
    print(f"  registrations and responses together in {forms_took:.1f} s")
    print(
        f"registration emails: {sum(sent.values())} to {len(sent)} registrants "
        f"(of {REGISTRATIONS}); sent twice: {sum(1 for n in sent.values() if n > 1)}; "
        f"tasks now {counts['tasks']}; failed {counts['failed']}"
    )
    statuses = Counter(str(status) for log in reads.values() for _, status, _ in log)
    stale, checked = 0, 0
    for approval in approvals:
        for log in reads.values():
            after = [seen for at, _, seen in log if at > approval["at"]]
            if after:
                checked += 1
                stale += approval["mark"] not in after[0]
    print(
        f"readers: {sum(map(len, reads.values()))} requests, responses {dict(statuses)}; "
        f"{len(approvals)} approvals during the run; first request after an approval "
        f"without that comment: {stale} of {checked}"
    )
