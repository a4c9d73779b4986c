"""Every public POST (comment, reply, report) is refused without a valid CSRF
token (403), and nothing is stored."""

from django.test import Client
from django.urls import reverse

import pytest

from comments.models import Comment, CommentReport

from .public_helpers import approved_comment, demo_post, form_data

pytestmark = pytest.mark.django_db


def targets():
    page = demo_post()
    parent = approved_comment(page)
    return {
        "comment": (reverse("public_comments:post", args=[page.pk]), form_data(), page.url),
        "reply": (
            reverse("public_comments:reply", args=[page.pk, parent.pk]),
            form_data(),
            f"{page.url}?reply_to={parent.pk}",
        ),
        "report": (
            reverse("public_comments:report", args=[parent.pk]),
            {"reason": "spam"},
            reverse("public_comments:report", args=[parent.pk]),
        ),
    }


def stored():
    return Comment.objects.count(), CommentReport.objects.count()


@pytest.mark.parametrize("target", ["comment", "reply", "report"])
@pytest.mark.parametrize("token", ["missing", "wrong"])
def test_a_post_without_a_valid_token_is_forbidden_and_stores_nothing(demo, target, token):
    url, data, form_page = targets()[target]
    client = Client(enforce_csrf_checks=True)
    client.get(form_page)  # the CSRF cookie, as a browser would have it
    assert "csrftoken" in client.cookies
    if token == "wrong":
        data = {**data, "csrfmiddlewaretoken": "x" * 64}
    before = stored()
    response = client.post(url, data)
    assert response.status_code == 403
    assert stored() == before


@pytest.mark.parametrize("target", ["comment", "reply", "report"])
def test_the_token_from_the_page_is_accepted(demo, target):
    """The control: the same post with the page's own token goes through."""
    url, data, form_page = targets()[target]
    client = Client(enforce_csrf_checks=True)
    page_html = client.get(form_page).content.decode()
    token = page_html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    before = stored()
    response = client.post(url, {**data, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert stored() != before
