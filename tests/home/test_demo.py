"""The demo loader builds the site of the public contract, and twice is once."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db

NETWORK_SLUGS = ["food-partnership", "digital-practitioners", "health-wellbeing", "young-people"]


def test_running_the_loader_again_changes_nothing(demo):
    before = (Page.objects.count(), get_user_model().objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Page.objects.count(), get_user_model().objects.count()) == before


def test_if_empty_leaves_an_existing_site_alone(demo):
    out = io.StringIO()
    call_command("load_demo", "--if-empty", stdout=out)
    assert "already has content" in out.getvalue()


def test_demo_accounts_of_the_public_contract_exist(demo):
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    expected = {"admin", "moderator"}
    for slug in NETWORK_SLUGS:
        expected |= {f"{slug}-editor", f"{slug}-moderator"}
    assert expected <= usernames
    assert get_user_model().objects.get(username="admin").is_superuser


def test_network_pages_live_under_networks(client, demo):
    for slug in NETWORK_SLUGS:
        assert client.get(f"/networks/{slug}/").status_code == 200
