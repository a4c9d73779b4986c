"""Fixtures for the blog tests: posts made to order, with authors and tags."""

import datetime
import itertools

from django.utils import timezone

import pytest

_numbers = itertools.count(1)


@pytest.fixture
def make_post(db):
    """Returns a function that creates and publishes a post under `parent`
    with `authors` (names of new People) and `tags` (tag names)."""
    from blog.models import BlogPostAuthor, BlogPostPage, Person

    def _make_post(parent, title=None, *, authors=(), tags=(), days_ago=0, publish=True, **fields):
        number = next(_numbers)
        post = BlogPostPage(
            title=title or f"Test post {number}",
            slug=f"test-post-{number}",
            date=timezone.localdate() - datetime.timedelta(days=days_ago),
            intro=fields.pop("intro", f"The introduction of test post {number}."),
            locale_id=parent.locale_id,
            live=publish,
            post_authors=[
                BlogPostAuthor(person=Person.objects.create(name=name, role="Tester"))
                for name in authors
            ],
            **fields,
        )
        post.tags.add(*tags)
        parent.add_child(instance=post)
        if publish:
            post.save_revision().publish()
        else:
            post.save_revision()
        return post

    return _make_post


@pytest.fixture
def blog_index(demo):
    from blog.models import BlogIndexPage

    return BlogIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def network(demo):
    """The demo's food partnership network."""
    from networks.models import NetworkPage

    return NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")


@pytest.fixture
def other_network(demo):
    from networks.models import NetworkPage

    return NetworkPage.objects.get(slug="young-people", locale__language_code="en")
