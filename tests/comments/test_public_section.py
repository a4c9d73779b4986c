"""What a reader sees under a commentable page: approved comments only, oldest
first with one level of replies, their count and language, and the form."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from comments.models import Comment
from home.models import SiteSettings

from .public_helpers import approved_comment, demo_post, html

pytestmark = pytest.mark.django_db


def section(response):
    """Returns the comments section's HTML."""
    return html(response).split('id="comments"', 1)[1].split("</section>", 1)[0]


def test_only_approved_comments_are_shown_oldest_first_with_replies(client, demo):
    page = demo_post()
    first = approved_comment(page, name="First Resident", body="First said.")
    second = approved_comment(page, name="Second Resident", body="Second said.")
    reply = approved_comment(page, parent=first, name="Replying Resident", body="Reply said.")
    for status in ("pending", "rejected", "spam", "hidden"):
        Comment.objects.create(
            page=page,
            name=f"{status} person",
            email="x@example.org",
            body=f"Not {status}.",
            status=status,
        )
    text = section(client.get(page.url))
    assert text.index("First said.") < text.index("Reply said.") < text.index("Second said.")
    for status in ("pending", "rejected", "spam", "hidden"):
        assert f"Not {status}." not in text
    # The reply sits in the replies list of its parent.
    replies = text.split(f'id="comment-{first.pk}"', 1)[1].split(f'id="comment-{second.pk}"')[0]
    assert "comment-list--replies" in replies and f'id="comment-{reply.pk}"' in replies


def test_the_count_says_how_many_are_shown(client, demo):
    page = demo_post()
    shown = Comment.objects.public().for_page(page).count()
    # A reply under a comment that was taken down is not shown, nor counted.
    hidden_parent = approved_comment(page, body="Soon hidden.")
    approved_comment(page, parent=hidden_parent, body="Orphan reply.")
    hidden_parent.hide()
    text = section(client.get(page.url))
    assert f"{shown} comments</h2>" in text
    assert "Orphan reply." not in text


def test_a_page_without_comments_invites_the_first(client, demo):
    page = demo_post()
    Comment.objects.filter(page=page).delete()
    text = section(client.get(page.url))
    assert "0 comments" in text and "Yours could be the first" in text


def test_the_form_has_the_labels_of_the_public_contract(client, demo):
    page = demo_post()
    text = section(client.get(page.url))
    for label, field in (("Name", "name"), ("Email", "email"), ("Comment", "body")):
        assert f'<label for="id_{field}">{label}</label>' in text
    assert "Never published" in text
    assert 'aria-describedby="id_email_helptext"' in text
    assert "Email me when my comment is published or answered</label>" in text
    assert '<button type="submit">Post comment</button>' in text
    house_rules = SiteSettings.load().house_rules_page
    assert f'<a href="{house_rules.url}">Read the house rules</a>' in text
    assert "held for moderation" in text


def test_no_email_address_appears_anywhere_in_the_page(client, demo):
    page = demo_post()
    emails = set(Comment.objects.for_page(page).values_list("email", flat=True))
    assert emails
    page_html = html(client.get(page.url))
    for email in emails:
        assert email not in page_html
        assert email.split("@")[0] not in page_html


def test_comments_in_another_language_are_marked_with_it(client, demo):
    page = demo_post()
    approved_comment(page, body="Dziękuję za informację.", language="pl")
    approved_comment(page, body="Thanks for this.", language="en")
    text = section(client.get(page.url))
    polish = text.split("Dziękuję za informację.")[0].rsplit("<article", 1)[1]
    assert '<span lang="pl">Polski</span>' in polish
    english = text.split("Thanks for this.")[0].rsplit("<article", 1)[1]
    assert "Written in" not in english


def test_comments_on_any_translation_show_on_every_translation(client, demo):
    page = demo_post()
    polish_locale = Locale.objects.get(language_code="pl")
    polish = page.get_translation_or_none(polish_locale) or page.copy_for_translation(
        polish_locale, copy_parents=True
    )
    for translated in [*polish.get_ancestors()[1:], polish]:
        if not translated.live:
            translated.specific.save_revision().publish()
    polish.refresh_from_db()
    on_polish = approved_comment(polish, body="Napisane po polsku.", language="pl")
    on_english = approved_comment(page, body="Written in English.", language="en")
    assert on_polish.page_id != on_english.page_id
    english_text = section(client.get(page.url))
    assert polish.get_url().startswith("/pl/")
    polish_text = section(client.get(polish.get_url()))
    for text in (english_text, polish_text):
        assert "Napisane po polsku." in text and "Written in English." in text
    assert '<span lang="pl">Polski</span>' in english_text
    assert '<span lang="en">English</span>' in polish_text
    assert f"?on={polish.pk}" in polish_text  # the Polish page itself was served


def test_reply_link_turns_the_form_into_a_reply(client, demo):
    page = demo_post()
    parent = approved_comment(page, name="Asker", body="Who runs the stall?")
    text = section(client.get(f"{page.url}?reply_to={parent.pk}"))
    assert "Reply to <bdi>Asker</bdi>" in text
    assert f'action="/comments/{page.pk}/reply/{parent.pk}/"' in text
    assert '<button type="submit">Post reply</button>' in text
    # Only top-level approved comments take replies.
    pending = Comment.objects.create(page=page, name="P", email="p@example.org", body="Wait")
    text = section(client.get(f"{page.url}?reply_to={pending.pk}"))
    assert f'action="/comments/{page.pk}/"' in text


def test_replies_have_no_reply_link(client, demo):
    page = demo_post()
    parent = approved_comment(page)
    reply = approved_comment(page, parent=parent)
    text = section(client.get(page.url))
    article = text.split(f'id="comment-{reply.pk}"')[1].split("</article>")[0]
    assert "Reply" not in article and "Report" in article


def test_a_post_query_count_does_not_grow_with_its_comments(client, demo):
    page = demo_post()

    def queries():
        client.get(page.url)  # warm Wagtail's and Django's caches
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(page.url)
        assert response.status_code == 200
        return len(ctx.captured_queries), response

    few, _ = queries()
    for i in range(40):
        parent = approved_comment(page, name=f"Resident {i}", body=f"Comment {i}")
        approved_comment(page, parent=parent, name=f"Replier {i}", body=f"Reply {i}")
        Comment.objects.create(page=page, name="P", email="p@example.org", body="pending")
    many, response = queries()
    assert len(re.findall(r'<article class="comment"', html(response))) >= 80
    assert many == few, f"{few} queries with a few comments, {many} with 80 more"


def test_a_comments_time_is_a_valid_html_datetime_without_microseconds(client, demo):
    """The HTML standard's global date and time has whole seconds at most to
    three decimals; Python's isoformat gives six, which validators refuse."""
    page = demo_post()
    comment = approved_comment(page, body="Timed.")
    comment.created_at = comment.created_at.replace(microsecond=287168)
    comment.save(update_fields=["created_at"])
    text = section(client.get(page.url))
    stamp = text.split(f'id="comment-{comment.pk}"', 1)[1].split('datetime="', 1)[1].split('"')[0]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", stamp), stamp
