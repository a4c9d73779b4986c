"""The test processes' snapshot of the demo content (tests/demo_snapshot.py):
after a transactional test, every row comes back as the first `load_demo`
left it, and new rows get the ids they would have had then."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

from comments.models import Comment
from home.models import HomePage
from tests import demo_snapshot


def _new_user_id():
    return get_user_model().objects.create(username="snapshot-probe").pk


def test_restore_brings_back_every_row_and_each_next_id(transactional_db):
    comments, pages = Comment.objects.count(), Page.objects.count()
    assert HomePage.objects.exists() and comments > 0
    next_id = _new_user_id()

    Comment.objects.all().delete()
    HomePage.objects.update(title="Changed")
    ContentType.objects.get_for_model(Comment)  # cached: must be forgotten
    assert demo_snapshot.restore()

    assert Comment.objects.count() == comments
    assert Page.objects.count() == pages
    assert not HomePage.objects.filter(title="Changed").exists()
    assert not get_user_model().objects.filter(username="snapshot-probe").exists()
    assert _new_user_id() == next_id
