"""Without JavaScript, a resident posts a comment from a post page that the
page cache served: the cached copy carries their own CSRF token (CSRF is
enforced by the live server) and a fresh fill-in clock."""

from django.test import Client

import pytest

from tests.e2e.conftest import CHROMIUM, DESKTOP, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

POST = "/networks/food-partnership/first-post/"


@pytest.fixture
def no_js_tab(browser):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    tab = context.new_page()
    yield tab
    context.close()


def test_a_comment_posts_from_a_cached_page_without_javascript(site_url, settings, no_js_tab):
    assert CHROMIUM
    settings.PAGE_CACHE_SECONDS = 600
    from home.models import SiteSettings

    defences = SiteSettings.load()
    defences.min_fill_seconds = 1
    defences.save()

    Client().get(POST, HTTP_HOST=site_url.split("//", 1)[1])  # another reader fills the cache
    response = no_js_tab.goto(site_url + POST)
    assert response.headers.get("x-page-cache") == "hit"
    assert any(cookie["name"] == "csrftoken" for cookie in no_js_tab.context.cookies())

    no_js_tab.get_by_label("Name", exact=True).fill("Ruth Adeyemi")
    no_js_tab.get_by_label("Email", exact=True).fill("ruth@example.org")
    no_js_tab.get_by_label("Comment", exact=True).fill("Posted without JavaScript.")
    no_js_tab.wait_for_timeout(1200)
    no_js_tab.get_by_role("button", name="Post comment").click()
    no_js_tab.wait_for_load_state()
    assert "held for moderation" in no_js_tab.content()
    assert "Posted without JavaScript." in no_js_tab.content()
    screenshot(no_js_tab, "page-cache-no-js-comment-posted")

    from comments.models import Comment

    assert Comment.objects.filter(body="Posted without JavaScript.", status="pending").exists()
