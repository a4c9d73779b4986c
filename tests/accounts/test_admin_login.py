"""Every demo account can log in to the Wagtail admin with the demo password,
and a wrong password is refused with a message."""

from django.contrib.auth import get_user_model

import pytest

pytestmark = pytest.mark.django_db


def demo_usernames():
    return list(
        get_user_model()
        .objects.filter(email__endswith="@commons.localhost")
        .values_list("username", flat=True)
    )


def test_each_demo_account_can_log_in_to_the_admin(client, demo):
    usernames = demo_usernames()
    assert len(usernames) >= 10
    for username in usernames:
        client.logout()
        response = client.post(
            "/admin/login/", {"username": username, "password": "commons-demo"}, follow=True
        )
        assert response.status_code == 200
        assert response.wsgi_request.user.username == username, f"{username} could not log in"
        assert response.redirect_chain[-1][0] == "/admin/"


def test_wrong_password_is_refused_with_a_message(client, demo):
    response = client.post("/admin/login/", {"username": "admin", "password": "nope"})
    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert "password didn&#x27;t match" in response.content.decode()
