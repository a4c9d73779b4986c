"""Browser fixtures: the site served by pytest-django's live server, driven by
Playwright in Debian's headless Chromium (/usr/bin/chromium).

The live server needs committed data, so these tests use transactional
databases; each one ends by putting back this process's snapshot of the demo
content (tests/demo_snapshot.py), so the next starts from the same demo."""

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import load_demo_content

# Playwright's sync API runs an event loop in the test thread; the Django ORM
# calls that tests make around it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"No Chromium at {CHROMIUM}: install Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def site_url(live_server):
    """The base URL of a live server with the demo content."""
    load_demo_content()
    return live_server.url


@pytest.fixture
def page(browser):
    """A fresh browser tab at desktop size. CSP is bypassed only so that the
    accessibility checker can be injected; the site's own pages never need it."""
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True, locale="en-GB")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def phone_page(browser):
    """A fresh browser tab the size of a small phone (360 px wide)."""
    context = browser.new_context(
        viewport=PHONE, bypass_csp=True, locale="en-GB", is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


def screenshot(tab, name):
    """Saves a full-page screenshot under var/screenshots/ for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.screenshot(path=str(path), full_page=True)
    return path


def log_in(tab, site_url, username, password="commons-demo"):
    """Logs in to the Wagtail admin through its real login form."""
    tab.goto(f"{site_url}/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(password)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(f"{site_url}/admin/**")
