"""Who may see a consultation's responses in the admin, as a table: every
role, every one of Wagtail's form-submission views, reached by id (not only
through menus), on a consultation of network A. "yes" means the view answers
with the responses; "no" means it is refused (or the consultation is not
listed) and nothing is deleted. Wagtail has no per-response detail view: the
listing is where one response is read, so "list" covers it."""

import datetime

from django.urls import reverse

import pytest

from consultations.models import ConsultationResponse
from tests.consultations.conftest import answers

pytestmark = pytest.mark.django_db

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
action            | anon | ed A | mod A | ed B | mod B | site mod | admin
see in forms list | no   | yes  | no    | no   | no   | no       | yes
list              | no   | yes  | no    | no   | no   | no       | yes
export csv        | no   | yes  | no    | no   | no   | no       | yes
export xlsx       | no   | yes  | no    | no   | no   | no       | yes
delete form       | no   | yes  | no    | no   | no   | no       | yes
delete            | no   | yes  | no    | no   | no   | no       | yes
"""


def parse(policy):
    lines = [line for line in policy.strip().splitlines()]
    roles = [cell.strip() for cell in lines[0].split("|")[1:]]
    for line in lines[1:]:
        cells = [cell.strip() for cell in line.split("|")]
        for role, allowed in zip(roles, cells[1:], strict=True):
            yield cells[0], role, allowed == "yes"


CELLS = list(parse(POLICY))


@pytest.fixture
def consultation(make_consultation, client, now):
    page = make_consultation(
        opens_at=now - datetime.timedelta(days=2), closes_at=now + datetime.timedelta(days=2)
    )
    client.post(page.url, answers(why="Secret answer"))
    client.logout()
    return page


def act(client, action, page):
    submission = ConsultationResponse.objects.get(page=page)
    listing = reverse("wagtailforms:list_submissions", args=[page.pk])
    delete = reverse("wagtailforms:delete_submissions", args=[page.pk])
    if action == "see in forms list":
        response = client.get(reverse("wagtailforms:index"))
        return response.status_code == 200 and page.title in response.content.decode()
    if action == "list":
        response = client.get(listing)
        return response.status_code == 200 and "Secret answer" in response.content.decode()
    if action in ("export csv", "export xlsx"):
        response = client.get(listing, {"export": action.split()[1]})
        return response.status_code == 200 and response.get("Content-Disposition", "").startswith(
            "attachment"
        )
    if action == "delete form":
        response = client.get(delete, {"selected-submissions": submission.pk})
        return response.status_code == 200
    if action == "delete":
        client.post(f"{delete}?selected-submissions={submission.pk}")
        return not ConsultationResponse.objects.filter(pk=submission.pk).exists()
    raise AssertionError(action)


@pytest.mark.parametrize(
    ("action", "role", "allowed"), CELLS, ids=[f"{a}-{r}" for a, r, _ in CELLS]
)
def test_response_views_follow_the_policy(client, login, consultation, action, role, allowed):
    if ROLES[role]:
        login(ROLES[role])
    assert act(client, action, consultation) is allowed
    if not allowed:
        assert ConsultationResponse.objects.filter(page=consultation).count() == 1
