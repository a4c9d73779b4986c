"""A network's editor and moderator groups come, change and go with its page."""

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

import pytest

from networks.models import NetworkIndexPage, NetworkPage

pytestmark = pytest.mark.django_db


def codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


@pytest.fixture
def directory(demo):
    return NetworkIndexPage.objects.get(locale__language_code="en")


def create_network(directory, title, **fields):
    network = NetworkPage(title=title, slug=title.lower().replace(" ", "-"), **fields)
    directory.add_child(instance=network)
    network.save_revision().publish()
    network.refresh_from_db()
    return network


def test_creating_a_network_creates_its_groups_with_page_permissions(directory):
    network = create_network(directory, "Allotment Growers")
    editors = Group.objects.get(name="Allotment Growers editors")
    moderators = Group.objects.get(name="Allotment Growers moderators")
    assert network.editors_group == editors and network.moderators_group == moderators
    assert codenames(editors, network) == {"add_page", "change_page", "publish_page"}
    assert codenames(moderators, network) == {"moderate_network"}
    assert editors.permissions.filter(codename="access_admin").exists()
    assert moderators.permissions.filter(codename="access_admin").exists()
    assert not WorkflowPage.objects.filter(page=network).exists()


def test_a_network_that_requires_approval_gets_a_workflow_and_no_publish(directory):
    network = create_network(directory, "Careful Network", requires_approval=True)
    assert codenames(network.editors_group, network) == {"add_page", "change_page"}
    assignment = WorkflowPage.objects.get(page=network)
    assert assignment.workflow.name == "Careful Network approval"
    assert [t.name for t in assignment.workflow.tasks] == ["Approval by Careful Network moderators"]


def test_turning_approval_on_and_off_follows_the_published_page(directory):
    network = create_network(directory, "Changing Network")
    network.requires_approval = True
    network.save_revision()  # a draft changes nothing yet
    assert "publish_page" in codenames(network.editors_group, network)
    network.get_latest_revision().publish()
    assert "publish_page" not in codenames(network.editors_group, network)
    assert WorkflowPage.objects.filter(page=network).exists()
    network.refresh_from_db()
    network.requires_approval = False
    network.save_revision().publish()
    assert "publish_page" in codenames(network.editors_group, network)
    assert not WorkflowPage.objects.filter(page=network).exists()
    assert not Workflow.objects.filter(name="Changing Network approval").exists()


def test_renaming_the_network_renames_its_groups(directory):
    network = create_network(directory, "Old Name", requires_approval=True)
    editors_pk = network.editors_group_id
    network.title = "New Name"
    network.save_revision().publish()
    editors = Group.objects.get(pk=editors_pk)
    assert editors.name == "New Name editors"
    assert Group.objects.filter(name="New Name moderators").exists()
    assert not Group.objects.filter(name__startswith="Old Name").exists()
    assert WorkflowPage.objects.get(page=network).workflow.name == "New Name approval"
    network.refresh_from_db()
    assert network.collection.name == "New Name"


def test_deleting_the_network_leaves_nothing_dangling(directory, user_factory):
    network = create_network(directory, "Short Lived", requires_approval=True)
    member = user_factory()
    member.groups.add(network.editors_group)
    pk = network.pk
    network.delete()
    assert not Group.objects.filter(name__startswith="Short Lived").exists()
    assert not GroupPagePermission.objects.filter(page_id=pk).exists()
    assert not Workflow.objects.filter(name="Short Lived approval").exists()
    assert member.groups.count() == 0


def test_a_copied_network_gets_groups_of_its_own(directory):
    network = create_network(directory, "Original")
    copy = network.copy(update_attrs={"title": "Twin", "slug": "twin"})
    copy.refresh_from_db()
    assert copy.editors_group.name == "Twin editors"
    assert network.editors_group.name == "Original editors"
    assert codenames(network.editors_group, copy) == set()
    assert copy.collection != network.collection


def test_a_translated_network_shares_the_groups_and_keeps_their_names(directory):
    from wagtail.models import Locale

    # The demo does not translate this network into Bengali.
    network = NetworkPage.objects.get(slug="young-people", locale__language_code="en")
    bengali = Locale.objects.get(language_code="bn")
    translation = network.copy_for_translation(bengali, copy_parents=True)
    translation.title = "তরুণদের নেটওয়ার্ক"
    translation.save_revision().publish()
    translation.refresh_from_db()
    assert translation.editors_group == network.editors_group
    assert network.editors_group.name == "Young People's Network editors"
    assert "change_page" in codenames(network.editors_group, translation)


def test_a_duplicate_network_name_is_refused(directory):
    from django.core.exceptions import ValidationError

    network = NetworkPage(title="Borough Food Partnership", slug="food-again")
    with pytest.raises(ValidationError) as error:
        directory.add_child(instance=network)
    assert "title" in error.value.message_dict


def test_site_moderators_moderate_from_the_root(demo):
    group = Group.objects.get(name="Site moderators")
    grant = GroupPagePermission.objects.get(group=group)
    assert grant.page.depth == 1 and grant.permission.codename == "moderate_network"


def test_each_network_has_a_collection_only_its_editors_use(directory, client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    permission_policy = policy_registry.get_by_type(get_image_model())

    food = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    digital = NetworkPage.objects.get(slug="digital-practitioners", locale__language_code="en")
    editor = get_user_model().objects.get(username="food-partnership-editor")
    assert food.collection.name == "Borough Food Partnership"
    choosable = permission_policy.collections_user_has_permission_for(editor, "choose")
    assert food.collection in choosable and digital.collection not in choosable
    client.force_login(editor)
    assert client.get(reverse("wagtailimages:add_multiple")).status_code == 200


def test_a_deleted_networks_empty_collection_goes_with_it(directory):
    from wagtail.models import Collection

    network = create_network(directory, "Brief Network")
    collection_pk = network.collection_id
    assert Collection.objects.filter(pk=collection_pk).exists()
    network.delete()
    assert not Collection.objects.filter(pk=collection_pk).exists()
