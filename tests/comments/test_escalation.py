"""Escalation, with frozen time: a pending comment that waits past its
network's moderation target (or sits in a network with no moderator of its
own) is escalated once, the site moderators get one email per run listing
it, and the audit log says so in words."""

import io
from datetime import UTC, datetime, timedelta

from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

import pytest
import time_machine

from comments.escalation import escalate_overdue
from comments.models import Comment, CommentSettings
from comments.tasks import escalate_overdue_comments
from tests.comments.moderation_fixtures import FOOD, make_comment, network, user

pytestmark = pytest.mark.usefixtures("without_demo_comments")

POSTED = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)
SITE_MOD = "moderator@commons.localhost"
FOOD_MOD = f"{FOOD}-moderator@commons.localhost"


@pytest.fixture(autouse=True)
def empty_outbox(demo):
    mail.outbox.clear()


def post_at(page, when=POSTED, **fields):
    """A comment posted at `when` (frozen time, so created_at is exact)."""
    with time_machine.travel(when, tick=False):
        return make_comment(page, age=timedelta(0), **fields)


def run_at(when, **kwargs):
    with time_machine.travel(when, tick=False):
        return escalate_overdue(**kwargs)


def escalation_mail():
    return [m for m in mail.outbox if "waited too long" in m.subject]


def test_just_under_the_target_nothing_happens(food_post):
    comment = post_at(food_post, body="Not late yet")
    assert run_at(POSTED + timedelta(hours=24) - SECOND) == 0
    comment.refresh_from_db()
    assert comment.escalated_at is None
    assert escalation_mail() == []


def test_just_past_the_target_one_email_lists_it_and_a_second_run_sends_nothing(food_post):
    comment = post_at(food_post, body="Where is the allotment list?", name="Ada")
    later = POSTED + timedelta(hours=24) + SECOND
    assert run_at(later) == 1
    comment.refresh_from_db()
    assert comment.escalated_at == later
    assert comment.status == Comment.Status.PENDING  # escalation decides nothing
    sent = escalation_mail()
    assert [m.to for m in sent] == [[SITE_MOD]]  # site moderators only, one message
    body = sent[0].body
    assert "Ada" in body and "Where is the allotment list?" in body
    assert food_post.title in body and "waiting 24 h" in body
    assert "/admin/comments/?state=pending&escalated=yes" in body
    assert "/admin/comments/?state=pending&amp;escalated=yes" in sent[0].alternatives[0][0]

    mail.outbox.clear()
    assert run_at(later + timedelta(hours=5)) == 0
    assert escalation_mail() == []
    comment.refresh_from_db()
    assert comment.escalated_at == later  # escalated once


def test_one_run_sends_one_message_listing_every_escalated_comment(food_post, digital_post):
    post_at(food_post, name="First")
    post_at(digital_post, name="Second")
    assert run_at(POSTED + timedelta(days=2)) == 2
    sent = escalation_mail()
    assert len(sent) == 1
    assert "First" in sent[0].body and "Second" in sent[0].body
    assert "2 comments waited too long" in sent[0].subject


def test_a_network_without_a_moderator_escalates_at_once(food_post, digital_post):
    food_moderator = user(f"{FOOD}-moderator")
    food_moderator.groups.remove(network(FOOD).moderators_group)
    lonely = post_at(food_post, name="Nobody here")
    covered = post_at(digital_post, name="Someone here")
    assert run_at(POSTED + SECOND) == 1
    lonely.refresh_from_db()
    covered.refresh_from_db()
    assert lonely.escalated_at is not None
    assert covered.escalated_at is None
    assert "no moderator of its own" in escalation_mail()[0].body


def test_a_network_target_overrides_the_site_default(food_post, digital_post):
    settings = CommentSettings.load()
    settings.moderation_target_hours = 48
    settings.save()
    food = network(FOOD)
    food.moderation_target_hours = 2
    food.save_revision().publish()
    quick = post_at(food_post, name="Quick network")
    default = post_at(digital_post, name="Default network")
    assert run_at(POSTED + timedelta(hours=2) - SECOND) == 0
    assert run_at(POSTED + timedelta(hours=2) + SECOND) == 1
    quick.refresh_from_db()
    assert quick.escalated_at is not None
    # The other network follows the site default: 48 h, not the old 24.
    assert run_at(POSTED + timedelta(hours=47)) == 0
    assert run_at(POSTED + timedelta(hours=48) + SECOND) == 1
    default.refresh_from_db()
    assert default.escalated_at is not None


def test_decided_comments_are_never_escalated(food_post):
    comment = post_at(food_post)
    comment.approve(by=user("moderator"))
    assert run_at(POSTED + timedelta(days=3)) == 0


def test_the_audit_log_records_the_escalation_in_words(food_post):
    comment = post_at(food_post)
    run_at(POSTED + timedelta(hours=25))
    entry = ModelLogEntry.objects.get(object_id=str(comment.pk), action="comments.escalate")
    assert entry.user is None
    assert entry.data["reason"] == "overdue" and entry.data["target_hours"] == 24
    assert log_registry.get_action_label("comments.escalate") == "Escalate comment"
    assert "waited too long" in entry.message


def test_site_history_shows_the_escalation_to_a_site_moderator(client, login, food_post):
    post_at(food_post)
    run_at(POSTED + timedelta(hours=25))
    login("moderator")
    html = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Comment escalated to the site moderators" in html


def test_dry_run_counts_and_changes_nothing(food_post):
    comment = post_at(food_post)
    out = io.StringIO()
    with time_machine.travel(POSTED + timedelta(hours=25), tick=False):
        call_command("escalate_overdue_comments", "--dry-run", stdout=out)
    assert out.getvalue().strip() == "Would escalate 1 comment."
    comment.refresh_from_db()
    assert comment.escalated_at is None
    assert escalation_mail() == []
    with time_machine.travel(POSTED + timedelta(hours=25), tick=False):
        call_command("escalate_overdue_comments", stdout=out)
    assert "Escalated 1 comment." in out.getvalue()
    comment.refresh_from_db()
    assert comment.escalated_at is not None


def test_the_task_escalates(food_post):
    post_at(food_post)
    with time_machine.travel(POSTED + timedelta(hours=25), tick=False):
        result = escalate_overdue_comments.enqueue()
    assert result.return_value == 1
    assert len(escalation_mail()) == 1


def test_without_site_moderators_the_site_admins_are_told(food_post):
    user("moderator").groups.remove(Group.objects.get(name="Site moderators"))
    post_at(food_post)
    run_at(POSTED + timedelta(hours=25))
    recipients = [m.to for m in escalation_mail()]
    assert recipients == [["admin@commons.localhost"]]
    assert [FOOD_MOD] not in recipients


def test_the_email_is_in_the_moderators_admin_language(food_post):
    profile = UserProfile.get_for_user(user("moderator"))
    profile.preferred_language = "pl"
    profile.save()
    post_at(food_post)
    run_at(POSTED + timedelta(hours=25))
    [message] = [m for m in mail.outbox if m.to == [SITE_MOD]]
    assert "waited too long" not in message.subject
    assert "waiting 24 h" not in message.body


@pytest.mark.parametrize("model", ["settings", "network"])
def test_a_target_of_zero_hours_is_refused_with_a_clear_message(model):
    instance = CommentSettings.load() if model == "settings" else network(FOOD)
    instance.moderation_target_hours = 0
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    assert error.value.message_dict["moderation_target_hours"] == [
        "Ensure this value is greater than or equal to 1."
    ]
