"""Searching the People listing, as each role: it answers (no 500), finds
the people the role may change and no one else. A table, like the People
policy: "yes" finds the person, "no" does not, "refused" is no listing."""

from django.urls import reverse

import pytest

from blog.models import Person
from networks.models import NetworkPage

pytestmark = pytest.mark.django_db

ROLES = {
    "ed A": "food-partnership-editor",
    "ed B": "digital-practitioners-editor",
    "mod A": "food-partnership-moderator",
    "site mod": "moderator",
    "admin": "admin",
}

FOUND = """
search for          | ed A | ed B | mod A   | site mod | admin
A's person          | yes  | no   | refused | refused  | yes
B's person          | no   | yes  | refused | refused  | yes
the site-wide author | no  | no   | refused | refused  | yes
"""


def answers(role):
    """Returns {person: answer} of `role`'s column in FOUND."""
    lines = [[cell.strip() for cell in line.split("|")] for line in FOUND.strip().splitlines()]
    column = lines[0].index(role)
    return {line[0]: line[column] for line in lines[1:]}


@pytest.fixture
def people(demo):
    def network(slug):
        return NetworkPage.objects.get(slug=slug, locale__language_code="en")

    return {
        "A's person": Person.objects.create(
            name="Amira Allotment", network=network("food-partnership")
        ),
        "B's person": Person.objects.create(
            name="Amira Bytes", network=network("digital-practitioners")
        ),
        "the site-wide author": Person.objects.create(name="Amira Everywhere"),
    }


@pytest.mark.parametrize("listing", ["list", "list_results"])
@pytest.mark.parametrize("role", ROLES)
def test_searching_people(client, people, role, listing):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=ROLES[role]))
    url = reverse(f"wagtailsnippets_blog_person:{listing}")
    response = client.get(url, {"q": "Amira"})
    for person, answer in answers(role).items():
        if answer == "refused":
            assert response.status_code in (302, 403)
            continue
        assert response.status_code == 200
        found = people[person].name in response.content.decode()
        assert found is (answer == "yes"), person
