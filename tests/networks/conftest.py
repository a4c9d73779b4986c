"""Fixtures for the networks tests: two demo networks, A and B, each with a
live page that has unpublished changes, a sibling to move it under, and a
pending join request; and the demo accounts of every role."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

import pytest

ROLES = {
    "anonymous": None,
    "editor A": "food-partnership-editor",
    "moderator A": "food-partnership-moderator",
    "editor B": "digital-practitioners-editor",
    "moderator B": "digital-practitioners-moderator",
    "site moderator": "moderator",
    "admin": "admin",
}
NETWORK_SLUGS = {"A": "food-partnership", "B": "digital-practitioners"}


@dataclass
class NetworkWorld:
    """One network's pieces that the permission tests act on."""

    network: object
    page: object  # live, with a newer draft revision
    archive: object  # a sibling in the same network: the move destination
    join_request: object
    draft_title: str


def make_world(key, slug):
    from home.models import StandardPage
    from networks.models import JoinRequest, NetworkPage

    network = NetworkPage.objects.get(slug=slug, locale__language_code="en")
    page = StandardPage(title=f"Meeting notes of {key}", slug="meeting-notes", intro="Notes.")
    network.add_child(instance=page)
    page.save_revision().publish()
    draft_title = f"Draft meeting notes of {key}"
    page.title = draft_title
    page.save_revision()
    archive = StandardPage(title=f"Archive of {key}", slug="archive")
    network.add_child(instance=archive)
    archive.save_revision().publish()
    join_request = JoinRequest.objects.create(
        network=network, name=f"Joiner of {key}", email=f"joiner-{key}@example.org"
    )
    page.refresh_from_db()
    return NetworkWorld(network, page, archive, join_request, draft_title)


@pytest.fixture
def worlds(demo):
    return {key: make_world(key, slug) for key, slug in NETWORK_SLUGS.items()}


@pytest.fixture
def as_role(client):
    """Returns a function that logs the test client in as a role of ROLES."""

    def _as(role):
        username = ROLES[role]
        if username is not None:
            client.force_login(get_user_model().objects.get(username=username))
        return client

    return _as
