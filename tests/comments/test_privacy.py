"""Export and erase everything one email address submitted: commands and the
superuser-only admin view, each logged in the audit log."""

import io
import json

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from comments.models import Comment
from comments.privacy import ERASED_BODY, ERASED_NAME
from tests.comments.moderation_fixtures import DIGITAL, FOOD, assert_refused, make_comment, user

# These tests count exact comments: they start from none (the demo has some).
pytestmark = pytest.mark.usefixtures("without_demo_comments")

PRIVACY = "/admin/comments/privacy/"


@pytest.fixture
def comments_by_ann(food_post, digital_post):
    first = make_comment(food_post, name="Ann", email="Ann@Example.org", body="First words")
    first.approve(by=user("moderator"), note="fine")
    reply_to_ann = make_comment(
        food_post, name="Bob", email="bob@example.org", body="Reply", parent=first
    )
    second = make_comment(
        digital_post, name="Ann B", email="ann@example.org", body="Second", ip_address="192.0.2.1"
    )
    other = make_comment(food_post, name="Cat", email="cat@example.org", body="Not Ann's")
    return first, second, reply_to_ann, other


def log_actions(comment, action):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=str(comment.pk),
        action=action,
    )


def test_export_command_prints_every_comment_of_that_address(comments_by_ann):
    first, second, _reply, _other = comments_by_ann
    out = io.StringIO()
    call_command("export_commenter", "ANN@example.org", "--by", "admin", stdout=out)
    data = json.loads(out.getvalue())
    assert [c["id"] for c in data["comments"]] == [first.pk, second.pk]
    assert {c["comment"] for c in data["comments"]} == {"First words", "Second"}
    assert data["comments"][1]["ip_address"] == "192.0.2.1"
    assert data["comments"][0]["page"]["url"].startswith("http")
    entry = log_actions(first, "comments.export").get()
    assert entry.user == user("admin")
    assert "ann@example.org" not in json.dumps(entry.data).lower()


def test_erase_command_anonymises_and_keeps_the_thread(comments_by_ann):
    first, second, reply, other = comments_by_ann
    out = io.StringIO()
    call_command("erase_commenter", "ann@example.org", stdout=out)
    assert "Erased 2 comments." in out.getvalue()
    for comment in (first, second):
        comment.refresh_from_db()
        assert (comment.name, comment.email, comment.body) == (ERASED_NAME, "", ERASED_BODY)
        assert comment.ip_address is None and not comment.notify
        assert log_actions(comment, "comments.erase").exists()
        labels = ModelLogEntry.objects.filter(object_id=str(comment.pk)).values_list(
            "label", flat=True
        )
        assert all("Ann" not in label and "words" not in label for label in labels)
    assert first.status == "approved"  # the moderation record stays
    reply.refresh_from_db()
    assert reply.parent_id == first.pk and reply.body == "Reply"  # others' words stay
    other.refresh_from_db()
    assert other.body == "Not Ann's"
    assert Comment.objects.by_email("ann@example.org").count() == 0


def test_commands_refuse_an_unknown_by_user(comments_by_ann):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("erase_commenter", "ann@example.org", "--by", "nobody-at-all")
    assert Comment.objects.by_email("ann@example.org").count() == 2


@pytest.mark.parametrize("username", ["moderator", f"{FOOD}-moderator", f"{DIGITAL}-editor"])
def test_only_superusers_may_use_the_privacy_view(client, comments_by_ann, username):
    client.force_login(user(username))
    assert_refused(client.get(PRIVACY))
    response = client.post(PRIVACY, {"email": "ann@example.org", "erase": "1", "confirm": "on"})
    assert_refused(response)
    assert Comment.objects.by_email("ann@example.org").count() == 2
    response = client.post(PRIVACY, {"email": "ann@example.org", "export": "1"})
    assert_refused(response)
    assert "First words" not in response.content.decode()


def test_anonymous_privacy_view_goes_to_log_in(client, comments_by_ann):
    response = client.get(PRIVACY)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_superuser_exports_json_from_the_admin(client, login, comments_by_ann):
    login("admin")
    assert client.get(PRIVACY).status_code == 200
    response = client.post(PRIVACY, {"email": "ann@example.org", "export": "1"})
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert len(json.loads(response.content)["comments"]) == 2


def test_erasing_from_the_admin_needs_the_confirmation(client, login, comments_by_ann):
    login("admin")
    response = client.post(PRIVACY, {"email": "ann@example.org", "erase": "1"})
    assert response.status_code == 200
    assert "Tick this box to erase." in response.content.decode()
    assert 'value="ann@example.org"' in response.content.decode()  # nothing typed is lost
    assert Comment.objects.by_email("ann@example.org").count() == 2
    response = client.post(PRIVACY, {"email": "not an email", "export": "1"})
    assert "Enter a valid email address." in response.content.decode()
    client.post(PRIVACY, {"email": "ann@example.org", "erase": "1", "confirm": "on"})
    assert Comment.objects.by_email("ann@example.org").count() == 0
    first = comments_by_ann[0]
    assert log_actions(first, "comments.erase").get().user == user("admin")


def test_queue_links_to_privacy_requests_for_superusers_only(client, login, comments_by_ann):
    login("admin")
    assert reverse("comments:privacy") in client.get("/admin/comments/").content.decode()
    login("moderator")
    assert reverse("comments:privacy") not in client.get("/admin/comments/").content.decode()
