"""Privacy requests across the site: everything one email address submitted
(comments, requests to join a network, proposals for a new network) is in
the export and anonymised by erasure, from the commands and from the site
admins' Privacy requests page, which every other role is refused."""

import io
import json

from django.core.management import call_command
from django.urls import reverse

import pytest

from comments.models import Comment
from home import privacy
from networks.models import JoinRequest, NetworkPage, NetworkProposal
from tests.comments.public_helpers import demo_post

pytestmark = pytest.mark.django_db

ANN = "ann@example.org"
PAGE = "/admin/privacy/"


@pytest.fixture
def anns_data(demo):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    return {
        "comments": Comment.objects.create(
            page=demo_post(), name="Ann", email="Ann@Example.org", body="Ann's words"
        ),
        "join_requests": JoinRequest.objects.create(
            network=network, name="Ann", email=ANN, message="Ann would like to join"
        ),
        "network_proposals": NetworkProposal.objects.create(
            name="Ann's network",
            purpose="Ann's purpose",
            members="Ann's friends",
            contact_name="Ann",
            contact_email="ANN@example.org",
        ),
        "someone else's": JoinRequest.objects.create(
            network=network, name="Bea", email="bea@example.org", message="Bea's words"
        ),
    }


def test_every_app_that_stores_what_residents_send_contributes():
    assert {c.key for c in privacy.contributors()} == {
        "comments",
        "consultations",
        "join_requests",
        "network_proposals",
        "events",
    }


def test_the_export_has_each_contributors_records_of_that_address(anns_data):
    out = io.StringIO()
    call_command("export_personal_data", ANN, "--by", "admin", stdout=out)
    data = json.loads(out.getvalue())
    assert [c["comment"] for c in data["comments"]] == ["Ann's words"]
    assert [r["message"] for r in data["join_requests"]] == ["Ann would like to join"]
    assert [p["what_it_is_for"] for p in data["network_proposals"]] == ["Ann's purpose"]
    assert "Bea's words" not in out.getvalue()


def test_erasure_anonymises_each_contributors_records_and_no_one_elses(anns_data):
    out = io.StringIO()
    call_command("erase_personal_data", ANN, stdout=out)
    assert "Erased 1 comments." in out.getvalue()
    assert "Erased 1 join requests." in out.getvalue()
    assert "Erased 1 network proposals." in out.getvalue()
    for key in ("comments", "join_requests", "network_proposals"):
        anns_data[key].refresh_from_db()
    assert anns_data["comments"].email == "" and "Ann" not in anns_data["comments"].body
    join_request = anns_data["join_requests"]
    assert (join_request.name, join_request.email, join_request.message) == ("Removed", "", "")
    proposal = anns_data["network_proposals"]
    assert (proposal.contact_name, proposal.contact_email, proposal.purpose) == ("Removed", "", "")
    anns_data["someone else's"].refresh_from_db()
    assert anns_data["someone else's"].message == "Bea's words"
    # Nothing of Ann's is left to export.
    data = privacy.export_personal_data(ANN)
    assert data["comments"] == data["join_requests"] == data["network_proposals"] == []


def test_a_site_admin_exports_and_erases_from_the_privacy_requests_page(client, login, anns_data):
    login("admin")
    assert client.get(PAGE).status_code == 200
    response = client.post(PAGE, {"email": ANN, "export": "1"})
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert len(data["comments"]) == len(data["join_requests"]) == 1
    response = client.post(PAGE, {"email": ANN, "erase": "1", "confirm": "on"}, follow=True)
    assert "3 records anonymised." in response.content.decode()
    assert not JoinRequest.objects.filter(email=ANN).exists()
    assert not NetworkProposal.objects.filter(contact_email__iexact=ANN).exists()


@pytest.mark.parametrize(
    "username",
    ["moderator", "food-partnership-moderator", "food-partnership-editor", None],
)
def test_every_other_role_is_refused_the_privacy_requests_page(client, login, anns_data, username):
    if username:
        login(username)
    response = client.get(PAGE)
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"] in {"/admin/"} or "/admin/login/" in response["Location"]
    response = client.post(PAGE, {"email": ANN, "erase": "1", "confirm": "on"})
    assert JoinRequest.objects.filter(email=ANN).exists()
    response = client.post(PAGE, {"email": ANN, "export": "1"})
    assert "Ann would like to join" not in response.content.decode()


def test_the_settings_menu_offers_privacy_requests_to_site_admins_only(client, login, demo):
    login("admin")
    assert reverse("privacy_requests") in client.get("/admin/").content.decode()
    login("moderator")
    assert reverse("privacy_requests") not in client.get("/admin/").content.decode()
