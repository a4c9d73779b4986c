"""400, 403 and 429 answers in the site's look and the reader's language,
with what to do next, in production mode (DEBUG off): a host name that is
not the site's, a request with more fields than Django accepts, a refused
admin page, and the admin login locked after too many failures."""

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db

PRODUCTION = {"DEBUG": False, "ALLOWED_HOSTS": ["commons.example.org"]}
HOST = {"HTTP_HOST": "commons.example.org"}
TOO_MANY_FIELDS = "&".join(["a"] * 1100)


def assert_site_page(response, status, heading, lang="en"):
    html = response.content.decode()
    assert response.status_code == status
    assert f'<html lang="{lang}"' in html
    assert heading in html
    assert 'class="site-header"' in html  # the site's frame, not Django's bare text
    assert 'href="/search/"' in html or "/search/" in html  # somewhere to go next


@override_settings(**PRODUCTION)
def test_a_host_name_not_ours_gets_the_sites_400_page(client, demo):
    response = client.get("/", HTTP_HOST="evil.example")
    assert_site_page(response, 400, "Something was wrong with that request")
    assert "Bad Request (400)" not in response.content.decode()


@override_settings(**PRODUCTION)
def test_too_many_fields_gets_the_sites_400_page_in_the_readers_language(client, demo):
    response = client.get(f"/search/?{TOO_MANY_FIELDS}", **HOST)
    assert_site_page(response, 400, "Something was wrong with that request")
    response = client.get(f"/pl/search/?{TOO_MANY_FIELDS}", **HOST)
    assert response.status_code == 400
    assert '<html lang="pl"' in response.content.decode()
    assert "Something was wrong" not in response.content.decode()  # said in Polish
    response = client.get(f"/ur/search/?{TOO_MANY_FIELDS}", **HOST)
    assert 'dir="rtl"' in response.content.decode()


@override_settings(**PRODUCTION)
def test_a_refused_page_gets_the_sites_403_page(client, demo):
    client.force_login(get_user_model().objects.get(username="food-partnership-editor"))
    # A background request: Wagtail answers a page load with a redirect instead.
    url = reverse("networks_proposals:index")
    response = client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest", **HOST)
    assert_site_page(response, 403, "You cannot open this page")


@override_settings(**PRODUCTION, AXES_ENABLED=True, AXES_FAILURE_LIMIT=2)
def test_a_locked_out_login_gets_the_sites_429_page(client, demo):
    for _attempt in range(3):
        response = client.post(
            "/admin/login/",
            {"username": "admin", "password": "wrong"},
            REMOTE_ADDR="10.9.8.7",
            **HOST,
        )
    assert_site_page(response, 429, "Too many attempts")
    assert "A site admin can reset it" in response.content.decode()
    assert response.content.decode() != "Account locked"
