"""The "Published answers" queue: who may see and decide the answers
respondents let us publish without their name (a role × action table,
reached by id, on a consultation of network A), and what each decision does
(the state, the audit entry, the public page: the redacted text shown, the
original not; names never in the listing)."""

import datetime

from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from consultations.models import ConsultationPage, ConsultationResponse
from tests.consultations.conftest import answers

pytestmark = pytest.mark.django_db

INDEX = "consultations_answers:index"
DETAIL = "consultations_answers:detail"

ROLES = {
    "anon": None,
    "ed A": "food-partnership-editor",
    "mod A": "food-partnership-moderator",
    "ed B": "digital-practitioners-editor",
    "mod B": "digital-practitioners-moderator",
    "site mod": "moderator",
    "admin": "admin",
}

POLICY = """
action       | anon | ed A | mod A | ed B | mod B | site mod | admin
see in list  | no   | yes  | no    | no   | no   | no       | yes
detail       | no   | yes  | no    | no   | no   | no       | yes
approve      | no   | yes  | no    | no   | no   | no       | yes
reject       | no   | yes  | no    | no   | no   | no       | yes
redact       | no   | yes  | no    | no   | no   | no       | yes
bulk approve | no   | yes  | no    | no   | no   | no       | yes
bulk reject  | no   | yes  | no    | no   | no   | no       | yes
"""


def parse(policy):
    lines = policy.strip().splitlines()
    roles = [cell.strip() for cell in lines[0].split("|")[1:]]
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("|")]
        for role, allowed in zip(roles, cells[1:], strict=True):
            yield cells[0], role, allowed == "yes"


CELLS = list(parse(POLICY))


@pytest.fixture
def page(make_consultation, now):
    return make_consultation(
        opens_at=now - datetime.timedelta(days=2), closes_at=now + datetime.timedelta(days=2)
    )


@pytest.fixture
def answer(client, page):
    """A pending answer to network A's consultation, from "Ada"."""
    client.post(page.url, answers(why="My neighbour Bob at 12 High St is lazy."))
    client.logout()
    return ConsultationResponse.objects.get(page=page)


def another(page, why, publication="pending", name="Grace"):
    """Another response to `page` (stored directly: the form is rate limited)."""
    return ConsultationResponse.objects.create(
        page=page.schedule_page,
        form_data={"which_colour": "Red", "why": why},
        name=name,
        email="grace@example.org",
        may_publish=publication != "private",
        publication=publication,
    )


def bulk_url(action, *ids):
    base = reverse("wagtail_bulk_action", args=["consultations", "consultationresponse", action])
    return base + "?" + "&".join(f"id={pk}" for pk in ids)


def act(client, action, answer):
    detail = reverse(DETAIL, args=[answer.pk])
    if action == "see in list":
        response = client.get(reverse(INDEX))
        return response.status_code == 200 and "My neighbour Bob" in response.content.decode()
    if action == "detail":
        response = client.get(detail)
        return response.status_code == 200 and "My neighbour Bob" in response.content.decode()
    if action in ("approve", "reject"):
        client.post(detail, {"decision": action})
    elif action == "redact":
        client.post(
            detail,
            {"decision": "redact", "redact-text": "Redacted.", "redact-reason": "Names a person"},
        )
    elif action.startswith("bulk "):
        client.post(bulk_url(action.split()[1], answer.pk))
    else:
        raise AssertionError(action)
    answer.refresh_from_db()
    return answer.publication != "pending"


@pytest.mark.parametrize(
    ("action", "role", "allowed"), CELLS, ids=[f"{a}-{r}" for a, r, _ in CELLS]
)
def test_the_queue_follows_the_policy(client, login, answer, action, role, allowed):
    if ROLES[role]:
        login(ROLES[role])
    assert act(client, action, answer) is allowed
    if not allowed:
        assert not ModelLogEntry.objects.filter(
            action__startswith="consultations.response", object_id=str(answer.pk)
        ).exists()


def test_refused_by_id_is_a_404_for_other_networks_editors(client, login, answer):
    login("digital-practitioners-editor")
    assert client.get(reverse(DETAIL, args=[answer.pk])).status_code == 404
    assert (
        client.post(reverse(DETAIL, args=[answer.pk]), {"decision": "approve"}).status_code == 404
    )
    login("food-partnership-moderator")
    assert client.get(reverse(DETAIL, args=[answer.pk])).status_code in (302, 403)


def test_the_listing_shows_pending_first_with_the_consultation_never_the_name(
    client, login, page, answer
):
    another(page, "Kept private.", publication="private")
    another(page, "Already out.", name="Grace").approve()
    login("food-partnership-editor")
    html = client.get(reverse(INDEX)).content.decode()
    assert "My neighbour Bob" in html and page.title in html
    assert "Already out." not in html  # pending by default
    assert "Kept private." not in html
    assert "Ada" not in html and "ada@example.org" not in html
    html = client.get(reverse(INDEX), {"publication": "approved"}).content.decode()
    assert "Already out." in html and "My neighbour Bob" not in html and "Grace" not in html
    html = client.get(reverse(INDEX), {"publication": ""}).content.decode()
    assert "Already out." in html and "My neighbour Bob" in html and "Kept private." not in html


def test_the_listing_filters_by_consultation(client, login, make_consultation, now, answer):
    other = make_consultation(
        opens_at=now - datetime.timedelta(days=2),
        closes_at=now + datetime.timedelta(days=2),
        title="Another consultation",
    )
    another(other, "About the other one.")
    login("food-partnership-editor")
    html = client.get(reverse(INDEX), {"consultation": other.pk}).content.decode()
    assert "About the other one." in html and "My neighbour Bob" not in html
    html = client.get(reverse(INDEX)).content.decode()
    assert "About the other one." in html and "My neighbour Bob" in html


def publish_outcome(page):
    moment = page.closes_at - datetime.timedelta(days=4)
    ConsultationPage.objects.filter(pk=page.pk).update(
        closes_at=moment, outcome_published_at=moment
    )


def test_approve_publishes_and_audits(client, login, page, answer):
    editor = login("food-partnership-editor")
    response = client.post(reverse(DETAIL, args=[answer.pk]), {"decision": "approve"})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.publication == "approved" and answer.decided_by == editor
    entry = ModelLogEntry.objects.get(
        action="consultations.response.approve", object_id=str(answer.pk)
    )
    assert entry.user == editor and entry.object_id == str(answer.pk)
    publish_outcome(page)
    assert "My neighbour Bob" in client.get(page.url).content.decode()


def test_reject_keeps_it_off_the_page_with_its_reason(client, login, page, answer):
    editor = login("food-partnership-editor")
    client.post(reverse(DETAIL, args=[answer.pk]), {"decision": "reject", "reason": "Off topic"})
    answer.refresh_from_db()
    assert answer.publication == "rejected"
    entry = ModelLogEntry.objects.get(
        action="consultations.response.reject", object_id=str(answer.pk)
    )
    assert entry.user == editor and entry.data["note"] == "Off topic"
    publish_outcome(page)
    assert "My neighbour Bob" not in client.get(page.url).content.decode()


def test_redact_publishes_the_edited_text_and_keeps_the_original_for_staff(
    client, login, page, answer
):
    editor = login("food-partnership-editor")
    detail = reverse(DETAIL, args=[answer.pk])
    client.post(
        detail,
        {
            "decision": "redact",
            "redact-text": "My neighbour [name removed] is lazy.",
            "redact-reason": "Names a person",
        },
    )
    answer.refresh_from_db()
    assert answer.publication == "approved"
    assert answer.published_text == "My neighbour [name removed] is lazy."
    assert answer.redaction_reason == "Names a person"
    entry = ModelLogEntry.objects.get(
        action="consultations.response.redact", object_id=str(answer.pk)
    )
    assert entry.user == editor and entry.data["note"] == "Names a person"
    staff = client.get(detail).content.decode()
    assert "My neighbour Bob at 12 High St" in staff and "[name removed]" in staff
    publish_outcome(page)
    public = client.get(page.url).content.decode()
    assert "My neighbour [name removed] is lazy." in public
    assert "Bob" not in public and "12 High St" not in public


def test_redact_needs_a_reason_and_keeps_what_was_typed(client, login, answer):
    login("food-partnership-editor")
    response = client.post(
        reverse(DETAIL, args=[answer.pk]),
        {"decision": "redact", "redact-text": "My typed redaction.", "redact-reason": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html and "My typed redaction." in html
    answer.refresh_from_db()
    assert answer.publication == "pending" and answer.published_text == ""
    assert not ModelLogEntry.objects.filter(
        action="consultations.response.redact", object_id=str(answer.pk)
    ).exists()


def test_bulk_decisions_go_through_the_model_and_skip_others(client, login, page, answer):
    second = another(page, "Second answer.")
    third = another(page, "Third answer.").reject()
    editor = login("food-partnership-editor")
    url = bulk_url("approve", answer.pk, second.pk, third.pk)
    confirm = client.get(url).content.decode()
    assert "Second answer." in confirm and "left as it is" in confirm
    client.post(url)
    states = dict(ConsultationResponse.objects.filter(page=page).values_list("pk", "publication"))
    assert states == {answer.pk: "approved", second.pk: "approved", third.pk: "rejected"}
    entries = ModelLogEntry.objects.filter(
        action="consultations.response.approve",
        object_id__in=[str(pk) for pk in (answer.pk, second.pk, third.pk)],
    )
    assert sorted(int(e.object_id) for e in entries) == sorted([answer.pk, second.pk])
    assert all(e.user == editor for e in entries)


def test_bulk_select_all_decides_what_the_listing_showed(
    client, login, make_consultation, now, answer
):
    other = make_consultation(
        opens_at=now - datetime.timedelta(days=2),
        closes_at=now + datetime.timedelta(days=2),
        title="Another consultation",
    )
    another(other, "About the other one.")
    login("food-partnership-editor")
    base = reverse("wagtail_bulk_action", args=["consultations", "consultationresponse", "reject"])
    client.post(f"{base}?id=all&consultation={other.pk}&publication=pending")
    answer.refresh_from_db()
    assert answer.publication == "pending"
    assert ConsultationResponse.objects.get(page=other).publication == "rejected"


def listing_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(reverse(INDEX))  # warm: per-process lookups (content types, the site)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse(INDEX))
    assert response.status_code == 200
    return len(ctx.captured_queries), response


#: The queries of one page of the queue, whatever its number of rows: session,
#: user and permissions, the policy and filters, the count, the page of
#: answers with their consultations, their long-text questions (one query),
#: the menu (with its Network health and comment queue items).
ANSWERS_QUEUE_QUERIES = 29


def test_the_queue_builds_its_rows_in_a_fixed_number_of_queries(client, login, page):
    another(page, "The first answer.")
    login("food-partnership-editor")
    one, response = listing_queries(client)
    assert "The first answer." in response.content.decode()
    for i in range(24):
        another(page, f"Answer number {i}.", name=f"Person {i}")
    many, response = listing_queries(client)
    html = response.content.decode()
    assert "Answer number 23." in html and "The first answer." in html
    assert (one, many) == (ANSWERS_QUEUE_QUERIES, ANSWERS_QUEUE_QUERIES)
