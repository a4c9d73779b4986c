"""A comment's network is stored (`Comment.network`): set when the comment
is made, kept right when its page moves between networks, and what a
network moderator's queue is scoped by."""

import importlib

from django.apps import apps

import pytest

from blog.models import BlogIndexPage, BlogPostPage
from comments.models import Comment
from networks.models import NetworkPage

pytestmark = pytest.mark.django_db


def network(slug):
    return NetworkPage.objects.get(slug=slug, locale__language_code="en")


def food_post():
    return BlogPostPage.objects.child_of(network("food-partnership")).first()


def comment_on(page, body="Is the Saturday market on this week?"):
    return Comment.objects.create(page=page, name="Ruth", email="ruth@example.org", body=body)


def queue(client, login, username):
    login(username)
    response = client.get("/admin/comments/?state=pending")
    assert response.status_code == 200
    return response.content.decode()


def test_a_new_comment_stores_its_pages_network(demo):
    assert comment_on(food_post()).network == network("food-partnership")
    site_wide = BlogPostPage.objects.child_of(
        BlogIndexPage.objects.get(locale__language_code="en")
    ).first()
    assert comment_on(site_wide).network is None


def test_a_page_moved_to_another_network_takes_its_comments_along(client, login, demo):
    post = food_post()
    comment = comment_on(post, body="Moved along with its post")
    # The other network has a post of the same slug.
    BlogPostPage.objects.filter(pk=post.pk).update(slug="moved-along")
    post.refresh_from_db()
    post.move(network("digital-practitioners"), pos="last-child")
    comment.refresh_from_db()
    assert comment.network == network("digital-practitioners")
    assert "Moved along with its post" not in queue(client, login, "food-partnership-moderator")
    assert "Moved along with its post" in queue(client, login, "digital-practitioners-moderator")


def test_the_data_migration_fills_in_every_comments_network(demo):
    post = food_post()
    comment_on(post)
    expected = dict(Comment.objects.values_list("pk", "network_id"))
    assert any(expected.values())
    Comment.objects.update(network=None)
    migration = importlib.import_module("comments.migrations.0003_backfill_comment_network")
    migration.backfill_networks(apps, None)
    assert dict(Comment.objects.values_list("pk", "network_id")) == expected
