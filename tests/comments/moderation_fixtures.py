"""Fixtures for the moderators' side of comments: two networks' posts, the
demo accounts by role, and a comment factory. Imported by the test modules
(`from tests.comments.moderation_fixtures import *`)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest

from blog.models import BlogPostPage
from comments.models import Comment
from networks.models import NetworkPage

FOOD = "food-partnership"
DIGITAL = "digital-practitioners"


def network(slug):
    return NetworkPage.objects.get(slug=slug, locale__language_code="en")


def post_in(slug):
    return BlogPostPage.objects.child_of(network(slug)).first()


def user(username):
    return get_user_model().objects.get(username=username)


def make_comment(page, *, status=Comment.Status.PENDING, age=timedelta(hours=1), **fields):
    """Stores a comment directly, as the public form would after its checks."""
    fields.setdefault("name", "Resident")
    fields.setdefault("email", "resident@example.org")
    fields.setdefault("body", "A thoughtful comment.")
    return Comment.objects.create(
        page=page, status=status, created_at=timezone.now() - age, **fields
    )


@pytest.fixture
def editors_can_edit(demo):
    """Each network's editors may edit inside their network: the networks app
    grants this when it creates a network (checked here, not granted)."""
    food_editor = user(f"{FOOD}-editor")
    assert food_editor.has_perm("wagtailadmin.access_admin")
    assert network(FOOD).permissions_for_user(food_editor).can_edit()
    return demo


@pytest.fixture
def food_post(demo):
    return post_in(FOOD)


@pytest.fixture
def digital_post(demo):
    return post_in(DIGITAL)


@pytest.fixture
def food_comment(food_post):
    return make_comment(food_post, name="Food Fan", email="fan@example.org")


@pytest.fixture
def digital_comment(digital_post):
    return make_comment(digital_post, name="Digital Dan", email="dan@example.org")


def assert_refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the
    dashboard and a "Sorry, you do not have permission" message; views of
    ours answer 403, or 404 for what the user may not even see."""
    if response.status_code == 302:
        assert response["Location"] == "/admin/", response["Location"]
    else:
        assert response.status_code in {403, 404}, response.status_code
