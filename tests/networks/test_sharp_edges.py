"""Wagtail's sharp edges on a site shared by many networks: each of these is
a way one network's editor could end up reading or changing another's."""

from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, WorkflowState

import pytest

from home.models import StandardPage
from networks.models import NetworkPage
from tests.factories import user

pytestmark = pytest.mark.django_db


def test_editor_permissions_are_granted_on_their_network_page_only(demo):
    # On the network's page and on its translations (so that its editors can
    # translate it), never on another network or above.
    for network in NetworkPage.objects.all():
        grants = GroupPagePermission.objects.filter(group=network.editors_group)
        translations = network.get_translations(inclusive=True)
        assert {g.page_id for g in grants} == set(translations.values_list("pk", flat=True))


def test_editor_cannot_add_pages_at_the_root_home_or_directory(client, demo):
    client.force_login(user("food-partnership-editor"))
    for page in (Page.get_first_root_node(), demo, NetworkPage.objects.first().get_parent()):
        response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[page.pk]))
        assert response.status_code in (302, 403), page


def test_owning_a_page_in_another_network_gives_no_right_to_edit_it(client, demo):
    """'add' lets its holder edit the pages they own, but only under the page
    where it was granted."""
    editor = user("food-partnership-editor")
    other = NetworkPage.objects.get(slug="digital-practitioners", locale__language_code="en")
    page = StandardPage(title="Owned elsewhere", slug="owned-elsewhere", owner=editor)
    other.add_child(instance=page)
    assert not page.permissions_for_user(editor).can_edit()
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code in (302, 403)
    assert "Owned elsewhere" not in response.content.decode()


def test_editor_can_edit_the_pages_they_own_in_their_network(demo):
    editor = user("food-partnership-editor")
    page = StandardPage(title="Mine", slug="mine", owner=editor)
    NetworkPage.objects.get(slug="food-partnership", locale__language_code="en").add_child(
        instance=page
    )
    assert page.permissions_for_user(editor).can_edit()


def test_in_a_network_that_requires_approval_editors_cannot_publish(client, demo):
    network = NetworkPage.objects.get(slug="health-wellbeing", locale__language_code="en")
    assert network.requires_approval
    editor = user("health-wellbeing-editor")
    page = StandardPage(title="Waiting for approval", slug="waiting", live=False)
    network.add_child(instance=page)
    page.save_revision(user=editor)
    perms = page.permissions_for_user(editor)
    assert perms.can_edit() and not perms.can_publish()
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={page.pk}", {"include_descendants": ""})
    page.refresh_from_db()
    assert not page.live
    # The edit view offers "Submit for moderation" and no "Publish".
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_submitting_in_an_approval_network_starts_its_workflow(demo):
    network = NetworkPage.objects.get(slug="health-wellbeing", locale__language_code="en")
    editor = user("health-wellbeing-editor")
    page = StandardPage(title="Needs a look", slug="needs-a-look", live=False)
    network.add_child(instance=page)
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow.name == "Health and Wellbeing Collective approval"
    workflow.start(page, editor)
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    task = state.current_task_state.task.specific
    assert list(task.groups.all()) == [network.moderators_group]
    # Its approvers are that network's moderators only.
    assert task.user_can_access_editor(page, user("health-wellbeing-moderator"))
    assert not task.user_can_access_editor(page, user("food-partnership-moderator"))


def test_editor_cannot_copy_another_networks_page_into_their_own(client, demo):
    source = (
        NetworkPage.objects.get(slug="digital-practitioners", locale__language_code="en")
        .get_children()
        .first()
    )
    own = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    client.force_login(user("food-partnership-editor"))
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[source.pk]),
        {"new_title": "Stolen", "new_slug": "stolen", "new_parent_page": own.pk},
    )
    assert response.status_code in (302, 403)
    assert not own.get_children().filter(slug="stolen").exists()


def test_editor_cannot_move_a_page_out_of_their_network(client, demo):
    post = (
        NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
        .get_children()
        .first()
    )
    other = NetworkPage.objects.get(slug="digital-practitioners", locale__language_code="en")
    client.force_login(user("food-partnership-editor"))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[post.pk, other.pk]))
    post.refresh_from_db()
    assert not post.is_descendant_of(other)


@pytest.mark.parametrize("action", ["delete", "bulk delete", "move"])
def test_editor_cannot_delete_or_move_their_network_page(client, demo, action):
    network = NetworkPage.objects.get(slug="young-people", locale__language_code="en")
    for child in network.get_children():
        child.delete()  # a leaf network page: Wagtail alone would allow the delete
    network.refresh_from_db()
    client.force_login(user("young-people-editor"))
    if action == "delete":
        client.post(reverse("wagtailadmin_pages:delete", args=[network.pk]))
    elif action == "bulk delete":
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        client.post(f"{url}?id={network.pk}")
    else:
        client.post(reverse("wagtailadmin_pages:move_confirm", args=[network.pk, demo.pk]))
    network.refresh_from_db()
    assert network.get_parent().specific_class.__name__ == "NetworkIndexPage"


def test_explorer_opens_at_the_editors_network(client, demo):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    client.force_login(user("food-partnership-editor"))
    response = client.get(reverse("wagtailadmin_explore_root"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=[network.pk])


def test_explorer_of_the_directory_shows_no_other_network(client, demo):
    client.force_login(user("food-partnership-editor"))
    index = NetworkPage.objects.first().get_parent()
    response = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    html = response.content.decode()
    assert "Digital Practitioners Network" not in html


def test_chooser_browsing_the_directory_lists_only_the_editors_network(client, demo):
    client.force_login(user("food-partnership-editor"))
    index = NetworkPage.objects.first().get_parent()
    html = client.get(reverse("wagtailadmin_choose_page_child", args=[index.pk])).content.decode()
    assert "Borough Food Partnership" in html
    assert "Digital Practitioners Network" not in html


def test_site_search_returns_only_live_public_pages(client, demo):
    from wagtail.models import PageViewRestriction

    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    draft = StandardPage(title="Zebra crossing draft", slug="zebra-draft", live=False)
    network.add_child(instance=draft)
    private = StandardPage(title="Zebra crossing private", slug="zebra-private")
    network.add_child(instance=private)
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = StandardPage(title="Zebra crossing public", slug="zebra-public")
    network.add_child(instance=public)
    public.save_revision().publish()
    html = client.get("/search/", {"q": "zebra crossing"}).content.decode()
    assert "Zebra crossing public" in html
    assert "Zebra crossing draft" not in html
    assert "Zebra crossing private" not in html


def test_explorer_root_still_asks_visitors_to_log_in_and_shows_admins_the_tree(client, demo):
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    client.force_login(user("admin"))
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 200
    assert "Borough Food Partnership" not in response.content.decode()  # the root, not a network
