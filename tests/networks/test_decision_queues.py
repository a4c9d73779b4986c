"""The decision queues (Join requests, Network proposals) as Wagtail
ModelViewSets: refused by id to another network's editor, filtered and
searched, and decided in bulk, every decision audited and told."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from networks.models import JoinRequest, NetworkPage, NetworkProposal

pytestmark = pytest.mark.django_db


def user(username):
    return get_user_model().objects.get(username=username)


def network(slug):
    return NetworkPage.objects.get(slug=slug, locale__language_code="en")


def bulk_url(model, action, *objects):
    ids = "&".join(f"id={obj.pk}" for obj in objects)
    return f"{reverse('wagtail_bulk_action', args=['networks', model, action])}?{ids}"


@pytest.fixture
def food_request(demo):
    return JoinRequest.objects.create(
        network=network("food-partnership"), name="Ada Lovelace", email="ada@example.org"
    )


# Another network's editor, by the request's id: never shown, never decided.
@pytest.mark.parametrize("username", ["digital-practitioners-editor", "food-partnership-moderator"])
def test_another_networks_editor_is_refused_a_join_request_by_id(client, food_request, username):
    client.force_login(user(username))
    detail = reverse("networks_join_requests:detail", args=[food_request.pk])
    response = client.get(detail)
    assert response.status_code in (302, 403, 404)  # 302: Wagtail's "no permission"
    assert "ada@example.org" not in response.content.decode()
    response = client.post(detail, {"decision": "accept"})
    assert response.status_code in (302, 403, 404)
    response = client.post(bulk_url("joinrequest", "accept", food_request))
    assert response.status_code in (302, 403, 404)
    food_request.refresh_from_db()
    assert food_request.is_pending
    assert not ModelLogEntry.objects.filter(action__startswith="networks.join_request").exists()


def test_an_editor_sees_their_networks_requests_in_every_language(client, food_request):
    polish = food_request.network.get_translation(
        food_request.network.locale.__class__.objects.get(language_code="pl")
    )
    JoinRequest.objects.create(network=polish, name="Jan Kowalski", email="jan@example.org")
    client.force_login(user("food-partnership-editor"))
    html = client.get(reverse("networks_join_requests:index")).content.decode()
    assert "Ada Lovelace" in html and "Jan Kowalski" in html
    html = client.get(reverse("networks_join_requests:index"), {"q": "Kowalski"}).content.decode()
    assert "Jan Kowalski" in html and "Ada Lovelace" not in html


def test_bulk_accept_decides_each_request_audited_and_told(
    client, food_request, django_capture_on_commit_callbacks
):
    editor = user("food-partnership-editor")
    second = JoinRequest.objects.create(
        network=food_request.network, name="Bob Builder", email="bob@example.org"
    )
    other = JoinRequest.objects.create(
        network=network("digital-practitioners"), name="Eve Other", email="eve@example.org"
    )
    client.force_login(editor)
    index = reverse("networks_join_requests:index")
    url = bulk_url("joinrequest", "accept", food_request, second, other) + f"&next={index}"
    confirmation = client.get(url).content.decode()
    assert "Accept these 2 requests?" in confirmation
    assert "Eve Other" not in confirmation  # not shown, not decided: not theirs
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.url == index
    for request in (food_request, second):
        request.refresh_from_db()
        assert request.status == "accepted" and request.decided_by == editor
    other.refresh_from_db()
    assert other.is_pending
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "bob@example.org"]
    assert ModelLogEntry.objects.filter(action="networks.join_request.accepted").count() == 2
    assert "2 join requests accepted." in client.get(response.url).content.decode()


def test_bulk_decline_leaves_decided_requests_alone(client, food_request):
    done = JoinRequest.objects.create(
        network=food_request.network, name="Old Hand", email="old@example.org"
    )
    done.accept(by=user("admin"))
    client.force_login(user("food-partnership-editor"))
    url = bulk_url("joinrequest", "decline", food_request, done)
    assert "already been decided" in client.get(url).content.decode()
    client.post(url)
    food_request.refresh_from_db()
    done.refresh_from_db()
    assert (food_request.status, done.status) == ("declined", "accepted")


def test_site_admins_decline_proposals_in_bulk_and_nobody_else_can(client, demo):
    proposals = [
        NetworkProposal.objects.create(
            name=f"Proposal {n}",
            purpose="A purpose.",
            members="Some people.",
            contact_name="Rita",
            contact_email="rita@example.org",
        )
        for n in (1, 2)
    ]
    url = bulk_url("networkproposal", "decline", *proposals)
    client.force_login(user("food-partnership-editor"))
    client.post(url)
    assert all(NetworkProposal.objects.get(pk=p.pk).is_pending for p in proposals)
    client.force_login(user("admin"))
    assert client.post(url).status_code == 302
    assert set(NetworkProposal.objects.values_list("status", flat=True)) == {"declined"}
