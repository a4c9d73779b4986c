"""Fixtures for the networks tests: two demo networks, A and B, each with a
live page that has unpublished changes, a sibling to move it under, and a
pending join request. (The roles and `as_role` are tests/conftest.py's.)"""

from dataclasses import dataclass

import pytest

from tests.conftest import NETWORK_SLUGS


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
