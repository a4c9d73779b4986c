"""The moderation queue says in words why the spam checks held a comment, and
after a decision brings the moderator back to the same filtered list, at the
row that took the decided one's place."""

import re
from datetime import timedelta

from django.urls import reverse

from comments.models import Comment
from tests.comments.moderation_fixtures import *  # noqa: F403 (fixtures)
from tests.comments.moderation_fixtures import FOOD, make_comment, post_in

QUEUE = "/admin/comments/"


def test_the_queue_says_in_words_why_a_comment_was_held(client, login, food_post):
    make_comment(food_post, body="Three links", flags="links:3")
    login("food-partnership-moderator")
    html = client.get(QUEUE).content.decode()
    assert "Held: 3 links, more than the 2 allowed" in html
    assert "links:3" not in html


def test_a_decision_returns_to_the_same_filtered_place_at_the_next_row(client, login, food_post):
    older = make_comment(food_post, body="First in line", age=timedelta(hours=3))
    newer = make_comment(food_post, body="Second in line", age=timedelta(hours=2))
    login("food-partnership-moderator")
    url = f"{QUEUE}?state=pending&q=line"
    html = client.get(url).content.decode()
    assert f'id="comment-{newer.pk}"' in html
    approve = reverse("comments:action", args=[older.pk, "approve"])
    forms = re.findall(
        rf'<form method="post" action="{re.escape(approve)}".*?name="next" value="([^"]*)"',
        html,
        re.S,
    )
    assert forms, "no Approve form for the older comment"
    next_url = forms[0].replace("&amp;", "&")
    assert next_url == f"{url}#comment-{newer.pk}"
    response = client.post(approve, {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == next_url
    older.refresh_from_db()
    assert older.status == Comment.Status.APPROVED


def test_the_last_row_returns_to_the_row_before_it(client, login, food_post):
    first = make_comment(food_post, body="Alpha", age=timedelta(hours=3))
    last = make_comment(food_post, body="Omega", age=timedelta(hours=2))
    login("food-partnership-moderator")
    html = client.get(f"{QUEUE}?state=pending").content.decode()
    assert f'value="{QUEUE}?state=pending#comment-{first.pk}"' in html
    assert post_in(FOOD) and last.pk
