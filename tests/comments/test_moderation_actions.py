"""Every decision, single and bulk, for every role: a network moderator acts
on their own network only, editors and strangers never; every transition is
audited (who, when, from, to, note) and can be reversed."""

from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from comments.models import Comment
from tests.comments.moderation_fixtures import DIGITAL, FOOD, assert_refused, make_comment, user

# These tests count exact comments: they start from none (the demo has some).
pytestmark = pytest.mark.usefixtures("without_demo_comments")

# The state each decision starts from, and where it leads.
DECISIONS = {
    "approve": ("pending", "approved"),
    "reject": ("pending", "rejected"),
    "mark_spam": ("pending", "spam"),
    "hide": ("approved", "hidden"),
    "restore": ("rejected", "approved"),
}
# Who may decide on a food-partnership comment.
ROLES = {
    "admin": True,
    "moderator": True,
    f"{FOOD}-moderator": True,
    f"{DIGITAL}-moderator": False,
    f"{FOOD}-editor": False,
    f"{DIGITAL}-editor": False,
}


def audit_entries(comment):
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_id=str(comment.pk)
    ).order_by("timestamp", "pk")


@pytest.mark.parametrize("action", DECISIONS)
@pytest.mark.parametrize("username, allowed", ROLES.items())
def test_single_decision_matrix(client, editors_can_edit, food_post, action, allowed, username):
    start, end = DECISIONS[action]
    comment = make_comment(food_post, status=start)
    client.force_login(user(username))
    response = client.post(
        reverse("comments:action", args=[comment.pk, action]),
        {"note": "Noted", "next": "/admin/comments/"},
    )
    comment.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert comment.status == end
        entry = audit_entries(comment).last()
        assert entry.action == f"comments.{action}"
        assert entry.user == user(username)
        assert entry.data == {"from": start, "to": end, "note": "Noted"}
    else:
        assert_refused(response)
        assert comment.status == start
        assert not audit_entries(comment).exists()


@pytest.mark.parametrize("action", DECISIONS)
@pytest.mark.parametrize("username, allowed", ROLES.items())
def test_bulk_decision_matrix(
    client, editors_can_edit, food_post, digital_post, action, allowed, username
):
    start, end = DECISIONS[action]
    food = [make_comment(food_post, status=start) for _ in range(2)]
    other = make_comment(digital_post, status=start)
    client.force_login(user(username))
    ids = "&".join(f"id={c.pk}" for c in [*food, other])
    url = f"{reverse('wagtail_bulk_action', args=['comments', 'comment', action])}?{ids}"
    response = client.post(url, {"note": "In bulk"})
    for comment in food:
        comment.refresh_from_db()
        assert comment.status == (end if allowed else start)
    other.refresh_from_db()
    may_do_digital = username in {"admin", "moderator", f"{DIGITAL}-moderator"}
    assert other.status == (end if may_do_digital else start)
    if allowed:
        entry = audit_entries(food[0]).last()
        assert (entry.user, entry.data["note"]) == (user(username), "In bulk")
    if not allowed and not may_do_digital:
        assert response.status_code in {302, 404}


def test_bulk_confirmation_lists_what_will_be_left_alone(client, login, food_post, digital_post):
    pending = make_comment(food_post, name="Waiting")
    approved = make_comment(food_post, name="Already up", status="approved")
    outsider = make_comment(digital_post, name="Not yours")
    login(f"{FOOD}-moderator")
    url = reverse("wagtail_bulk_action", args=["comments", "comment", "approve"])
    response = client.get(f"{url}?id={pending.pk}&id={approved.pk}&id={outsider.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Waiting" in html and "Already up" in html
    assert "Not yours" not in html  # another network's comment is not even named
    assert 'name="note"' in html


def test_bulk_select_all_respects_the_listing_filters(client, login, food_post):
    old = make_comment(food_post, name="Old")
    spam = make_comment(food_post, name="Spam", status="spam")
    login(f"{FOOD}-moderator")
    url = reverse("wagtail_bulk_action", args=["comments", "comment", "approve"])
    client.post(f"{url}?state=pending&id=all", {"note": ""})
    old.refresh_from_db()
    spam.refresh_from_db()
    assert old.status == "approved"
    assert spam.status == "spam"  # not in the pending listing, so not approved


def test_direct_url_to_another_networks_comment_is_404(client, login, digital_post):
    comment = make_comment(digital_post)
    login(f"{FOOD}-moderator")
    assert client.get(reverse("comments:review", args=[comment.pk])).status_code == 404
    response = client.post(reverse("comments:action", args=[comment.pk, "approve"]))
    assert response.status_code == 404
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_editor_can_read_but_not_decide(client, login, editors_can_edit, food_post):
    comment = make_comment(food_post)
    login(f"{FOOD}-editor")
    response = client.get(reverse("comments:review", args=[comment.pk]))
    assert response.status_code == 200
    assert ">Approve</button>" not in response.content.decode()
    assert_refused(
        client.post(reverse("comments:review", args=[comment.pk]), {"action": "approve"})
    )
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_anonymous_decisions_go_to_log_in(client, food_post):
    comment = make_comment(food_post)
    response = client.post(reverse("comments:action", args=[comment.pk, "approve"]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_decisions_need_post_and_a_csrf_token(food_post):
    comment = make_comment(food_post)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("moderator"))
    url = reverse("comments:action", args=[comment.pk, "approve"])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_a_decision_that_does_not_apply_changes_nothing(client, login, food_post):
    comment = make_comment(food_post, status="pending")
    login("moderator")
    response = client.post(reverse("comments:action", args=[comment.pk, "hide"]), follow=True)
    assert "does not apply" in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == "pending"
    assert not audit_entries(comment).exists()


def test_unknown_action_is_404(client, login, food_post):
    comment = make_comment(food_post)
    login("moderator")
    assert client.post(reverse("comments:action", args=[comment.pk, "delete"])).status_code == 404


def test_review_page_decides_with_a_note_and_shows_the_history(client, login, food_post):
    comment = make_comment(food_post, name="Zofia", body="<b>Hi</b>\nSecond line")
    moderator = login(f"{FOOD}-moderator")
    review = reverse("comments:review", args=[comment.pk])
    html = client.get(review).content.decode()
    assert "&lt;b&gt;Hi&lt;/b&gt;" in html and "<b>Hi</b>" not in html
    client.post(review, {"action": "reject", "note": "Personal attack"})
    comment.refresh_from_db()
    assert (comment.status, comment.decision_note, comment.decided_by) == (
        "rejected",
        "Personal attack",
        moderator,
    )
    html = client.get(review).content.decode()
    assert "Comment rejected" in html and "Personal attack" in html


def test_an_overlong_note_is_refused_and_changes_nothing(client, login, food_post):
    comment = make_comment(food_post)
    login("moderator")
    review = reverse("comments:review", args=[comment.pk])
    response = client.post(review, {"action": "approve", "note": "x" * 1001})
    assert response.status_code == 200
    assert "at most 1000 characters" in response.content.decode()
    assert "x" * 1001 in response.content.decode()  # nothing typed is lost
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_every_transition_is_audited_and_reversible(client, login, food_post):
    comment = make_comment(food_post)
    moderator = login("moderator")
    steps = [
        ("approve", "pending", "approved", ""),
        ("reject", "approved", "rejected", "Changed my mind"),
        ("approve", "rejected", "approved", "On reflection, fine"),
        ("hide", "approved", "hidden", "Reported twice"),
        ("restore", "hidden", "approved", ""),
        ("mark_spam", "approved", "spam", "Link farm"),
        ("restore", "spam", "approved", "Not spam after all"),
    ]
    for action, _start, _end, note in steps:
        client.post(reverse("comments:action", args=[comment.pk, action]), {"note": note})
    entries = list(audit_entries(comment))
    assert [(e.action, e.data["from"], e.data["to"], e.data["note"]) for e in entries] == [
        (f"comments.{a}", s, e, n) for a, s, e, n in steps
    ]
    assert all(e.user == moderator and e.timestamp for e in entries)
    comment.refresh_from_db()
    assert comment.status == "approved"
