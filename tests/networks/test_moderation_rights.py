"""networks.permissions: the interface the comments app asks who moderates
which network. Each answer is one query, however many networks there are."""

from django.contrib.auth.models import AnonymousUser

import pytest

from networks import permissions
from networks.models import NetworkPage
from tests.factories import user

pytestmark = pytest.mark.django_db


@pytest.fixture
def food(demo):
    return NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")


@pytest.fixture
def digital(demo):
    return NetworkPage.objects.get(slug="digital-practitioners", locale__language_code="en")


def test_network_moderator_moderates_their_network_and_its_pages_only(food, digital):
    moderator = user("food-partnership-moderator")
    post = food.get_children().first()
    assert permissions.user_can_moderate(moderator, food)
    assert permissions.user_can_moderate(moderator, post)
    assert not permissions.user_can_moderate(moderator, digital)
    assert not permissions.user_can_moderate(moderator, digital.get_children().first())
    # Their network in every language it is published in, and no other.
    assert list(permissions.networks_moderated_by(moderator)) == list(
        food.get_translations(inclusive=True)
    )
    expected = set()
    for version in food.get_translations(inclusive=True):
        expected |= set(version.get_descendants(inclusive=True))
    assert set(permissions.pages_moderated_by(moderator)) == expected
    assert not permissions.is_site_moderator(moderator)


def test_site_moderator_moderates_every_network(food, digital):
    moderator = user("moderator")
    assert permissions.is_site_moderator(moderator)
    assert permissions.user_can_moderate(moderator, digital)
    assert permissions.networks_moderated_by(moderator).count() == NetworkPage.objects.count()


@pytest.mark.parametrize("username", ["food-partnership-editor", None])
def test_editors_and_anonymous_moderate_nothing(food, username):
    who = user(username) if username else AnonymousUser()
    assert not permissions.user_can_moderate(who, food)
    assert not permissions.networks_moderated_by(who).exists()
    assert not permissions.pages_moderated_by(who).exists()
    assert not permissions.is_site_moderator(who)


def test_an_inactive_moderator_moderates_nothing(food):
    moderator = user("food-partnership-moderator")
    moderator.is_active = False
    assert not permissions.user_can_moderate(moderator, food)


def test_a_page_outside_every_network_is_for_site_moderators_only(demo):
    about = demo.get_children().get(slug="about")
    assert permissions.network_for_page(about) is None
    assert permissions.user_can_moderate(user("moderator"), about)
    assert not permissions.user_can_moderate(user("food-partnership-moderator"), about)


def test_membership_of_the_group_is_what_grants_the_right(food, user_factory):
    newcomer = user_factory()
    assert not permissions.user_can_moderate(newcomer, food)
    newcomer.groups.add(food.moderators_group)
    assert permissions.user_can_moderate(newcomer, food)


def test_network_for_page_finds_the_nearest_network(food):
    post = food.get_children().first()
    assert permissions.network_for_page(post) == food
    assert permissions.network_for_page(food) == food


def test_networks_edited_by(food):
    assert list(permissions.networks_edited_by(user("food-partnership-editor"))) == list(
        food.get_translations(inclusive=True)
    )
    assert not permissions.networks_edited_by(user("food-partnership-moderator")).exists()


def test_each_question_is_one_query_however_many_networks(
    food, django_assert_num_queries, user_factory
):
    moderator = user_factory()
    for n in range(6):
        extra = NetworkPage(title=f"Extra network {n}", slug=f"extra-{n}")
        food.get_parent().add_child(instance=extra)
        moderator.groups.add(extra.moderators_group)
    moderator.groups.add(food.moderators_group)
    post = food.get_children().first()
    with django_assert_num_queries(1):
        assert permissions.user_can_moderate(moderator, post)
    with django_assert_num_queries(1):
        networks = list(permissions.networks_moderated_by(moderator))
    assert len([n for n in networks if n.locale_id == food.locale_id]) == 7
    with django_assert_num_queries(1):
        assert permissions.pages_moderated_by(moderator).filter(pk=post.pk).exists()
    with django_assert_num_queries(1):
        assert not permissions.is_site_moderator(moderator)
