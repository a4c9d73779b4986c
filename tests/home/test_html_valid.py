"""The demo's main pages are valid HTML, as the Nu HTML Checker reads them:
the home page, the directory, a network, "Start a network", the blog index and
a post (with its comments)."""

import pytest

from tests.html_check import vnu_errors

pytestmark = pytest.mark.django_db

PAGES = {
    "home": "/",
    "directory": "/networks/",
    "network": "/networks/food-partnership/",
    "start-a-network": "/networks/start/",
    "blog": "/blog/",
    "post": "/networks/food-partnership/first-post/",
}


def test_the_main_pages_have_no_html_errors(client, demo, tmp_path):
    saved = []
    for name, url in PAGES.items():
        response = client.get(url)
        assert response.status_code == 200, url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        saved.append(path)
    errors = vnu_errors(saved)
    assert errors == [], f"{len(errors)} HTML errors:\n" + "\n".join(errors)
