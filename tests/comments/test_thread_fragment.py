"""The comment thread is rendered once per change to a page's comments (a
fragment cache): every transition shows on the very next request, in every
language; what is personal to one reader (their held comment, the form's
CSRF token) never reaches another; and the post's query count does not grow
with its comments."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from comments.models import Comment
from tests.comments.public_helpers import approved_comment, demo_post, html, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(demo):
    return demo_post()


def shown(client, page, text, path=None):
    return text in html(client.get(path or page.url))


@pytest.mark.parametrize(
    ("first", "then", "visible"),
    [
        ("approve", None, True),
        ("approve", "reject", False),
        ("approve", "hide", False),
        ("approve", "mark_spam", False),
        ("reject", "restore", True),
    ],
)
def test_each_transition_shows_on_the_next_request(client, post, first, then, visible):
    comment = Comment.objects.create(
        page=post, name="Kofi", email="kofi@example.org", body="The fragment test comment."
    )
    assert not shown(client, post, "The fragment test comment.")  # pending: cached without it
    getattr(comment, first)()
    assert shown(client, post, "The fragment test comment.") == (first == "approve")
    if then:
        getattr(comment, then)()
        assert shown(client, post, "The fragment test comment.") == visible


def test_a_transition_shows_in_every_language_of_the_page(client, post):
    from wagtail.models import Locale

    polish = post.get_translation(Locale.objects.get(language_code="pl"))
    comment = Comment.objects.create(
        page=post, name="Ola", email="ola@example.org", body="Widać po polsku też."
    )
    assert not shown(client, polish, "Widać po polsku też.", polish.url)
    comment.approve()
    assert shown(client, polish, "Widać po polsku też.", polish.url)
    assert shown(client, post, "Widać po polsku też.")
    comment.hide()
    assert not shown(client, polish, "Widać po polsku też.", polish.url)


def test_an_erased_comment_leaves_the_thread_at_once(client, post):
    from comments.privacy import erase_comments

    approved_comment(post, email="erase.me@example.org", body="Words to be erased.")
    assert shown(client, post, "Words to be erased.")
    erase_comments("erase.me@example.org")
    assert not shown(client, post, "Words to be erased.")


def test_a_held_comment_and_its_notice_reach_only_its_writer(post):
    writer, reader = Client(), Client()
    reader.get(post.url)  # the thread is cached before the writer posts
    response = post_comment(writer, post, body="Only the writer sees this yet.")
    assert response.status_code in (200, 302)
    own = html(writer.get(post.url))
    assert "Only the writer sees this yet." in own
    assert "held for moderation" in own
    other = html(reader.get(post.url))
    assert "Only the writer sees this yet." not in other
    assert "Your comment is held for moderation" not in other


def test_each_reader_gets_their_own_csrf_token(post):
    first, second = Client(), Client()
    tokens = []
    for client in (first, second):
        client.get(post.url)
        page = html(client.get(post.url))
        marker = 'name="csrfmiddlewaretoken" value="'
        tokens.append(page.split(marker, 1)[1].split('"', 1)[0])
    assert tokens[0] != tokens[1]


def test_a_reply_link_opens_the_form_under_that_comment(client, post):
    comment = approved_comment(post, name="Bea", body="Reply to me.")
    response = html(client.get(post.url, {"reply_to": comment.pk}))
    assert "Reply to <bdi>Bea</bdi>" in response
    assert f"/reply/{comment.pk}/" in response or f"{comment.pk}" in response


# --- Query counts ---------------------------------------------------------------


#: A post's queries, whatever its number of comments (warm, page cache off):
#: the post itself; its route, network, article, thread and empty form come
#: from the shared cache.
POST_QUERIES = 1


def queries_for(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_a_post_runs_the_same_queries_with_1_or_200_comments(client, post):
    Comment.objects.filter(page__translation_key=post.translation_key).delete()
    approved_comment(post)
    one = queries_for(client, post.url)
    Comment.objects.bulk_create(
        Comment(page=post, name=f"R{n}", email=f"r{n}@example.org", body="Hi.", status="approved")
        for n in range(199)
    )
    approved_comment(post)  # bulk_create sends no signal; this refreshes the thread
    response = client.get(post.url)
    assert html(response).count('class="comment"') == 201
    many = queries_for(client, post.url)
    assert one == many == POST_QUERIES
