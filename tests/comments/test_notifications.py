"""Email: moderators hear that comments wait (at most once per quiet
period), commenters who asked hear the outcome and replies; sent by tasks
after commit, in the commenter's language, with residents' markup inert."""

from django.core import mail
from django.core.cache import cache
from django.test import override_settings

import pytest
from django_tasks import default_task_backend

from comments import notifications, tasks
from comments.models import Comment, CommentSettings
from home.models import SiteSettings
from tests.comments.moderation_fixtures import DIGITAL, FOOD, make_comment, user
from tests.comments.test_moderation_queue import blns, live_markup

# These tests count exact comments: they start from none (the demo has some).
pytestmark = pytest.mark.usefixtures("without_demo_comments")


@pytest.fixture(autouse=True)
def clean_slate(demo):
    cache.clear()
    mail.outbox.clear()
    # The demo accounts' addresses; moderators need one to be mailed.
    yield
    cache.clear()


def to(address):
    return [m for m in mail.outbox if address in m.to]


def html_of(message):
    return message.alternatives[0][0]


def post(django_capture_on_commit_callbacks, page, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        return make_comment(page, **fields)


def decide(django_capture_on_commit_callbacks, comment, action, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        getattr(comment, action)(**kwargs)


FOOD_MOD = f"{FOOD}-moderator@commons.localhost"
DIGITAL_MOD = f"{DIGITAL}-moderator@commons.localhost"
SITE_MOD = "moderator@commons.localhost"


def test_a_new_comment_tells_its_networks_moderators_and_site_moderators(
    django_capture_on_commit_callbacks, food_post
):
    post(django_capture_on_commit_callbacks, food_post)
    assert len(to(FOOD_MOD)) == 1
    assert len(to(SITE_MOD)) == 1
    assert to(DIGITAL_MOD) == []
    assert to("admin@commons.localhost") == []  # superusers are not mailed
    notice = to(FOOD_MOD)[0]
    assert "1 comment is waiting" in notice.body
    assert "/admin/comments/?state=pending" in notice.body
    assert "/admin/comments/?state=pending" in html_of(notice)


def test_nothing_is_sent_before_the_transaction_commits(
    django_capture_on_commit_callbacks, food_post
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_comment(food_post)
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert mail.outbox == []


def test_moderators_get_at_most_one_notice_per_quiet_period(
    django_capture_on_commit_callbacks, food_post
):
    for _ in range(5):
        post(django_capture_on_commit_callbacks, food_post)
    assert len(to(FOOD_MOD)) == 1
    cache.delete(f"comments:moderator-notice:{user(f'{FOOD}-moderator').pk}")  # period over
    post(django_capture_on_commit_callbacks, food_post)
    notices = to(FOOD_MOD)
    assert len(notices) == 2
    assert "6 comments are waiting" in notices[1].body


def test_zero_minutes_means_every_comment(django_capture_on_commit_callbacks, food_post):
    settings = CommentSettings.load()
    settings.notify_every_minutes = 0
    settings.save()
    for _ in range(3):
        post(django_capture_on_commit_callbacks, food_post)
    assert len(to(FOOD_MOD)) == 3


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_a_comment_inside_the_quiet_period_schedules_one_digest(
    django_capture_on_commit_callbacks, food_post
):
    moderator = user(f"{FOOD}-moderator")
    cache.add(f"comments:moderator-notice:{moderator.pk}", "x", timeout=60)
    default_task_backend.clear()
    for _ in range(3):
        tasks.notify_moderators.call(make_comment(food_post).pk)
    digests = [r for r in default_task_backend.results if r.task.name == "send_moderator_digest"]
    assert [r.args for r in digests if r.args == [moderator.pk]] == [[moderator.pk]]
    assert digests[0].task.run_after is not None
    # When it runs, it sends one digest with everything that still waits.
    assert notifications.send_moderator_digest(moderator) == 1
    assert "3 comments are waiting" in to(FOOD_MOD)[-1].body


def test_commenter_who_asked_is_told_it_is_published_with_a_link(
    django_capture_on_commit_callbacks, food_post
):
    comment = post(
        django_capture_on_commit_callbacks, food_post, notify=True, email="a@example.org"
    )
    decide(django_capture_on_commit_callbacks, comment, "approve", by=user("moderator"))
    [message] = to("a@example.org")
    assert message.subject == "Your comment is published"
    assert f"#comment-{comment.pk}" in message.body
    assert food_post.url_path.rstrip("/").split("/")[-1] in message.body


def test_commenter_who_did_not_ask_is_not_mailed(django_capture_on_commit_callbacks, food_post):
    comment = post(django_capture_on_commit_callbacks, food_post, email="quiet@example.org")
    decide(django_capture_on_commit_callbacks, comment, "approve", by=user("moderator"))
    decide(django_capture_on_commit_callbacks, comment, "reject", by=user("moderator"))
    assert to("quiet@example.org") == []


def test_rejection_gives_the_note_and_the_house_rules(
    django_capture_on_commit_callbacks, food_post
):
    rules = SiteSettings.load().house_rules_page
    assert rules is not None
    comment = post(
        django_capture_on_commit_callbacks, food_post, notify=True, email="r@example.org"
    )
    decide(
        django_capture_on_commit_callbacks,
        comment,
        "reject",
        by=user("moderator"),
        note="Please do not name private individuals.",
    )
    [message] = to("r@example.org")
    assert message.subject == "Your comment is not published"
    assert "Please do not name private individuals." in message.body
    assert rules.url_path.rstrip("/").split("/")[-1] in message.body
    assert "house rules" in html_of(message).lower()


def test_spam_decisions_are_never_mailed(django_capture_on_commit_callbacks, food_post):
    comment = post(
        django_capture_on_commit_callbacks, food_post, notify=True, email="s@example.org"
    )
    decide(django_capture_on_commit_callbacks, comment, "mark_spam", by=user("moderator"))
    assert to("s@example.org") == []


def test_a_decision_reversed_before_the_task_runs_is_not_announced(food_post):
    from comments.tasks import notify_commenter

    comment = make_comment(food_post, notify=True, email="late@example.org")
    comment.approve(by=user("moderator"))
    comment.reject(by=user("moderator"))
    mail.outbox.clear()
    notify_commenter.call(comment.pk, "approve")
    assert to("late@example.org") == []


def test_a_published_reply_tells_the_parent_commenter(
    django_capture_on_commit_callbacks, food_post
):
    parent = make_comment(
        food_post, status=Comment.Status.APPROVED, notify=True, email="p@example.org"
    )
    reply = post(
        django_capture_on_commit_callbacks,
        food_post,
        parent=parent,
        name="Replier",
        email="x@example.org",
    )
    assert to("p@example.org") == []  # not while the reply waits
    decide(django_capture_on_commit_callbacks, reply, "approve", by=user("moderator"))
    [message] = to("p@example.org")
    assert message.subject == "Someone replied to your comment"
    assert "Replier" in message.body
    assert f"#comment-{reply.pk}" in message.body


def test_emails_are_in_the_commenters_language(django_capture_on_commit_callbacks, food_post):
    from django.utils import translation

    comment = post(
        django_capture_on_commit_callbacks,
        food_post,
        notify=True,
        email="pl@example.org",
        language="pl",
    )
    with translation.override("pl"):
        from django.utils.translation import gettext

        expected = gettext("Your comment is published")
    decide(django_capture_on_commit_callbacks, comment, "approve", by=user("moderator"))
    [message] = to("pl@example.org")
    assert message.subject == expected
    assert 'lang="pl"' in html_of(message)


def test_residents_markup_stays_inert_in_emails(django_capture_on_commit_callbacks, food_post):
    strings = [s for s in blns() if "<" in s][:60]
    for text in strings:
        comment = make_comment(
            food_post, name=text[:80], body=text, notify=True, email="n@example.org"
        )
        decide(
            django_capture_on_commit_callbacks, comment, "reject", by=user("moderator"), note=text
        )
    messages = to("n@example.org")
    assert len(messages) == len(strings)
    for message in messages:
        found = live_markup(html_of(message))
        assert found.dangerous == []
        assert set(found.tags) <= {
            "html",
            "head",
            "meta",
            "title",
            "body",
            "p",
            "blockquote",
            "br",
            "a",
            "strong",
        }
        assert "\n" not in message.subject
