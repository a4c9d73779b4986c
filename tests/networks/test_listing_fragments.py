"""A network's page and the directory are kept as fragments with the page
cache off (as the tests run): a member accepted and listed, a changed
summary or a renamed theme shows on the next request."""

from django.test import Client

import pytest

from networks.models import JoinRequest, NetworkPage

pytestmark = pytest.mark.django_db


def text(path):
    return Client().get(path).content.decode()


@pytest.fixture
def network(demo):
    return NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")


def test_an_accepted_member_who_agreed_is_listed_on_the_next_request(network, user_factory):
    text(network.url)
    request = JoinRequest.objects.create(
        network=network, name="Kwame Mensah", email="kwame@example.org", list_publicly=True
    )
    assert "Kwame Mensah" not in text(network.url)  # pending: shown to no one
    request.accept(by=user_factory(username="decider"))
    assert "Kwame Mensah" in text(network.url)


def test_a_changed_summary_shows_in_the_directory_and_on_the_page(network):
    for path in ("/networks/", network.url, "/networks/?status=active"):
        text(path)
    network.summary = "Growing, cooking and sharing food across the borough."
    network.save_revision().publish()
    for path in ("/networks/", network.url):
        assert "Growing, cooking and sharing food across the borough." in text(path), path


def test_a_renamed_theme_shows_in_the_directory(network):
    theme = network.themes.first()
    assert theme is not None
    text("/networks/")
    theme.name = "Food growing and cooking"
    theme.save()
    assert "Food growing and cooking" in text("/networks/")
