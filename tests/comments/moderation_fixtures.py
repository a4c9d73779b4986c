"""Helpers for the moderators' side of comments: two networks' posts and a
comment factory. (Their fixtures are in tests/comments/conftest.py; a module
that counts exact comments asks for `without_demo_comments`.)"""

from datetime import timedelta

from django.utils import timezone

from blog.models import BlogPostPage
from comments.models import Comment
from networks.models import NetworkPage
from tests.factories import user

__all__ = ["DIGITAL", "FOOD", "assert_refused", "make_comment", "network", "post_in", "user"]

FOOD = "food-partnership"
DIGITAL = "digital-practitioners"


def network(slug):
    return NetworkPage.objects.get(slug=slug, locale__language_code="en")


def post_in(slug):
    return BlogPostPage.objects.child_of(network(slug)).first()


def make_comment(page, *, status=Comment.Status.PENDING, age=timedelta(hours=1), **fields):
    """Stores a comment directly, as the public form would after its checks."""
    fields.setdefault("name", "Resident")
    fields.setdefault("email", "resident@example.org")
    fields.setdefault("body", "A thoughtful comment.")
    return Comment.objects.create(
        page=page, status=status, created_at=timezone.now() - age, **fields
    )


def assert_refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the
    dashboard and a "Sorry, you do not have permission" message; views of
    ours answer 403, or 404 for what the user may not even see."""
    if response.status_code == 302:
        assert response["Location"] == "/admin/", response["Location"]
    else:
        assert response.status_code in {403, 404}, response.status_code
