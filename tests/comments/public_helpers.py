"""Helpers for the residents' side tests: the demo post, a filled-in form, and
posting it the way a browser would."""

import time

from django.urls import reverse

from comments.forms import sign_started
from comments.models import Comment


def demo_post():
    """Returns the Food Partnership's demo post (a BlogPostPage), which takes
    comments and already has some in every state."""
    from blog.models import BlogPostPage

    return BlogPostPage.objects.get(
        slug="first-post", url_path__contains="food-partnership", locale__language_code="en"
    )


def form_data(**overrides):
    """Returns what a resident who took a minute to write would send."""
    data = {
        "name": "Ruth Adeyemi",
        "email": "ruth.adeyemi@example.org",
        "body": "Could the Saturday market take card payments?",
        "started": sign_started(time.time() - 60),
        "contact_me_by_fax_only": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post_comment(client, page, **overrides):
    return client.post(reverse("public_comments:post", args=[page.pk]), form_data(**overrides))


def post_reply(client, page, parent, **overrides):
    return client.post(
        reverse("public_comments:reply", args=[page.pk, parent.pk]), form_data(**overrides)
    )


def approved_comment(page, **fields):
    """Returns a new approved comment on `page`."""
    fields = {"name": "Nia", "email": "nia@example.org", "body": "Agreed.", **fields}
    return Comment.objects.create(page=page, **fields).approve()


def html(response):
    return response.content.decode()
