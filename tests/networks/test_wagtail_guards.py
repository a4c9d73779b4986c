"""Wagtail admin views that named network B's objects to network A's staff
(issue 18): bulk-action confirm pages, the workflow views, the explorer and
the move confirmation, and the admin API's images and documents. Each test
shows B's object is no longer named to A's staff, and that what A's staff
may see, and B's own staff and site admins, are served as before."""

from django.urls import reverse

from wagtail.models import Workflow

import pytest

from blog.models import Person
from tests.networks.test_admin_leaks import media  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

NETWORK_STAFF = ["editor A", "moderator A"]


def bulk(app_model, action, *ids, **query):
    url = reverse("wagtail_bulk_action", args=[*app_model.split("."), action])
    return url, {"id": [str(pk) for pk in ids], **query}


@pytest.mark.parametrize("role", NETWORK_STAFF)
@pytest.mark.parametrize("action", ["delete", "unpublish", "publish", "move"])
def test_page_bulk_actions_do_not_name_another_networks_draft(worlds, as_role, role, action):
    a, b = worlds["A"], worlds["B"]
    client = as_role(role)
    url, query = bulk("wagtailcore.page", action, b.page.pk, a.page.pk)
    html = client.get(url, query).content.decode()
    assert b.draft_title not in html
    assert a.draft_title in html  # their own network's page is still there
    url, query = bulk("wagtailcore.page", action, "all", childOf=b.network.pk)
    assert b.draft_title not in client.get(url, query).content.decode()
    url, query = bulk("wagtailcore.page", action, b.page.pk)
    assert b.draft_title in as_role("admin").get(url, query).content.decode()


@pytest.mark.parametrize("role", NETWORK_STAFF)
@pytest.mark.parametrize("kind", ["image", "document"])
def test_media_bulk_actions_do_not_name_another_networks_media(media, as_role, role, kind):  # noqa: F811
    model = "wagtailimages.image" if kind == "image" else "wagtaildocs.document"
    client = as_role(role)
    for action in ("delete", "add_to_collection", "add_tags"):
        url, query = bulk(model, action, media["B"][kind].pk)
        response = client.get(url, query)
        assert media["B"][kind].title not in response.content.decode()
    url, query = bulk(model, "delete", media["A"][kind].pk)
    assert media["A"][kind].title in as_role("editor A").get(url, query).content.decode()


def test_the_people_bulk_delete_does_not_name_another_networks_person(worlds, as_role):
    bea = Person.objects.create(name="Bea of Bytes", network=worlds["B"].network.specific)
    ada = Person.objects.create(name="Ada of Allotments", network=worlds["A"].network.specific)
    url, query = bulk("blog.person", "delete", bea.pk, ada.pk)
    html = as_role("editor A").get(url, query).content.decode()
    assert "Bea of Bytes" not in html
    assert "Ada of Allotments" in html
    assert "Bea of Bytes" in as_role("editor B").get(url, query).content.decode()


def messages_of(response):
    return " ".join(str(message) for message in response.wsgi_request._messages)


@pytest.mark.parametrize("role", NETWORK_STAFF)
def test_the_workflow_preview_does_not_name_another_networks_page(worlds, as_role, role):
    b = worlds["B"]
    task = Workflow.objects.filter(workflow_tasks__isnull=False).first().tasks.first()
    url = reverse("wagtailadmin_pages:workflow_preview", args=[b.page.pk, task.pk])
    response = as_role(role).get(url)
    assert response.status_code in (302, 403)
    assert b.draft_title not in messages_of(response) + response.content.decode()


def test_the_workflow_preview_still_answers_site_admins(worlds, as_role):
    b = worlds["B"]
    task = Workflow.objects.filter(workflow_tasks__isnull=False).first().tasks.first()
    url = reverse("wagtailadmin_pages:workflow_preview", args=[b.page.pk, task.pk])
    response = as_role("admin").get(url)
    assert b.draft_title in messages_of(response)  # "… is not currently awaiting moderation"


def test_a_networks_moderator_still_reviews_its_pages_awaiting_approval(demo, as_role, client):
    from django.contrib.auth import get_user_model

    from home.models import StandardPage
    from networks.models import NetworkPage

    network = NetworkPage.objects.get(slug="health-wellbeing", locale__language_code="en")
    editor = get_user_model().objects.get(username="health-wellbeing-editor")
    page = StandardPage(title="Please approve our plan", slug="approve-our-plan", live=False)
    network.add_child(instance=page)
    page.save_revision(user=editor)
    task_state = page.get_workflow().start(page, editor).current_task_state
    client.force_login(get_user_model().objects.get(username="health-wellbeing-moderator"))
    preview = reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id])
    assert client.get(preview).status_code == 200
    action = reverse(
        "wagtailadmin_pages:collect_workflow_action_data", args=[page.pk, "approve", task_state.pk]
    )
    assert client.get(action).status_code == 200
    client.force_login(get_user_model().objects.get(username="food-partnership-moderator"))
    refused = client.get(preview)
    assert "Please approve our plan" not in messages_of(refused) + refused.content.decode()


def test_the_explorer_and_move_confirmation_refuse_another_networks_page(worlds, as_role):
    a, b = worlds["A"], worlds["B"]
    client = as_role("editor A")
    for url in (
        reverse("wagtailadmin_explore", args=[b.page.pk]),
        reverse("wagtailadmin_pages:move_confirm", args=[b.page.pk, b.page.pk]),
        reverse("wagtailadmin_pages:move_confirm", args=[a.page.pk, b.archive.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b.draft_title not in response.content.decode()
    assert client.get(reverse("wagtailadmin_explore", args=[a.page.pk])).status_code == 200


API = {"image": "wagtailadmin_api:images", "document": "wagtailadmin_api:documents"}


@pytest.mark.parametrize("role", NETWORK_STAFF)
@pytest.mark.parametrize("kind", ["image", "document"])
def test_the_admin_api_keeps_to_the_collections_one_may_choose_from(media, as_role, role, kind):  # noqa: F811
    theirs, own = media["B"][kind], media["A"][kind]
    client = as_role(role)
    listing = client.get(reverse(f"{API[kind]}:listing")).content.decode()
    assert theirs.title not in listing
    assert (own.title in listing) is (role == "editor A")  # a moderator chooses none
    search = client.get(reverse(f"{API[kind]}:listing"), {"search": theirs.title.split()[0]})
    assert theirs.title not in search.content.decode()
    detail = client.get(reverse(f"{API[kind]}:detail", args=[theirs.pk]))
    assert detail.status_code == 404
    assert theirs.file.name not in detail.content.decode()
    own_detail = client.get(reverse(f"{API[kind]}:detail", args=[own.pk]))
    assert own_detail.status_code == (200 if role == "editor A" else 404)
    admin = as_role("admin").get(reverse(f"{API[kind]}:detail", args=[theirs.pk]))
    assert theirs.title in admin.content.decode()
