"""Demo comments are dated while their page took comments: after it was
published and before its comments closed by age."""

import pytest

from comments.models import Comment

pytestmark = pytest.mark.django_db


def test_no_demo_comment_is_dated_after_its_pages_comments_closed(demo):
    comments = Comment.objects.select_related("page")
    assert comments.exists()
    for comment in comments:
        page = comment.page.specific
        close_at = page.get_comments_close_at()
        if close_at is not None:
            assert comment.created_at < close_at, (page.title, comment.name)
        assert comment.created_at >= page.first_published_at, (page.title, comment.name)
