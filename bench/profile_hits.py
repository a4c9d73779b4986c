"""In-process CPU per page-cache hit for every public page type, beside
/healthz: Django's WSGI handler called the way gunicorn calls it (DEBUG off,
the bench's own copy of the demo database, PAGE_CACHE_SECONDS=600, the file
cache), the median of N requests' `time.process_time()` after the page was
stored. Each request is a new reader with no cookie (as wrk is), and, for
the pages with a form, a returning reader who brings their CSRF cookie.

Run: `.venv/bin/python bench/profile_hits.py [N] [path ...]`; add
`--cprofile` to print the 25 costliest functions of each path's hits too.
Prints figures only.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import demo_site, profile_arguments, run_profile  # noqa: E402
from bench.page_cache import PAGES  # noqa: E402

_PROFILE_CODE = """
import io, re, statistics, sys, time
import django
django.setup()
from django.core.handlers.wsgi import WSGIHandler
from bench.common import print_profile

repeats, use_cprofile, paths = int(sys.argv[1]), sys.argv[2] == "1", sys.argv[3:]
application = WSGIHandler()


def get(path, cookie=""):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1:8000",
        "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1", "HTTP_ACCEPT": "*/*",
        "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr, "wsgi.url_scheme": "http",
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=headers)

    body = b"".join(application(environ, start_response))
    return answer["status"][:3], dict(answer["headers"]), body


def median_ms(path, cookie=""):
    times = []
    for _ in range(repeats):
        start = time.process_time()
        get(path, cookie)
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


first_event = re.search(rb'href="(/networks/[^"]+/)"[^>]*>', get("/events/")[2])
if first_event and "/events/" in paths:
    paths += [first_event.group(1).decode(), first_event.group(1).decode() + "ical/"]
print(f"{'path':<62} {'status':>6} {'cache':>6} {'forms':>6} {'CPU ms':>7} {'w/ cookie':>10}")
print(f"{'/healthz':<62} {get('/healthz')[0]:>6} {'-':>6} {'-':>6} {median_ms('/healthz'):>7.3f}")
for path in paths:
    get(path)  # stored, as the first reader would
    status, headers, body = get(path)
    forms = body.count(b'name="csrfmiddlewaretoken"')
    cookie = ""
    if forms:
        csrf = headers.get("Set-Cookie", "").split(";")[0]
        cookie = f"{median_ms(path, csrf):>10.3f}"
    state = headers.get("X-Page-Cache", "-")
    print(f"{path:<62} {status:>6} {state:>6} {forms:>6} {median_ms(path):>7.3f} {cookie}")
    if use_cprofile:
        print_profile(lambda: get(path), 200, "tottime", 25)
"""


def main():
    repeats, use_cprofile, paths = profile_arguments(default_repeats=500)
    with demo_site(PAGE_CACHE_SECONDS="600") as (env, _):
        print(
            "Django's WSGI handler in process, DEBUG off, SQLite, file cache, "
            f"PAGE_CACHE_SECONDS=600; CPU per hit, median of {repeats}"
        )
        run_profile(env, _PROFILE_CODE, repeats, use_cprofile, paths or [*PAGES.values()])


if __name__ == "__main__":
    main()
