"""Every comments test starts in English again after a request in another
language (and, as every test does, with empty rate-limit counters); and the
fixtures of the moderators' side: two networks' posts and their comments."""

from django.utils import translation

import pytest

from comments.models import Comment
from tests.comments.moderation_fixtures import DIGITAL, FOOD, make_comment, network, post_in, user


@pytest.fixture(autouse=True)
def _fresh_start():
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def without_demo_comments(demo):
    """These tests count exact comments: they start from none (the demo has some)."""
    Comment.objects.all().delete()


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
