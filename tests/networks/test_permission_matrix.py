"""The permission policy of networks, as a table: every role, every action,
on a page of network A and on a page of network B (252 cells).

Each cell is one test that does the thing through the Wagtail admin, as a
person would, and checks what they would notice: the page they get, or the
change it made. "yes" means the role can; "no" means it is refused and
nothing changes. The pages are a live page inside each network with a newer
draft (see conftest.py); "add a child" adds under the network's own page,
"move" moves the page under a sibling in the same network, "copy" copies it
into its own network, and the join request is a pending one of that network.
"""

import json

from django.urls import reverse

from wagtail.models import Page

import pytest

from tests.conftest import ROLES, parse_policy

pytestmark = pytest.mark.django_db

POLICY = """
action               | on | anon | ed A | mod A | ed B | mod B | site mod | admin
view the draft       | A  | no   | yes  | no    | no   | no    | no       | yes
view the draft       | B  | no   | no   | no    | yes  | no    | no       | yes
preview              | A  | no   | yes  | no    | no   | no    | no       | yes
preview              | B  | no   | no   | no    | yes  | no    | no       | yes
edit                 | A  | no   | yes  | no    | no   | no    | no       | yes
edit                 | B  | no   | no   | no    | yes  | no    | no       | yes
publish              | A  | no   | yes  | no    | no   | no    | no       | yes
publish              | B  | no   | no   | no    | yes  | no    | no       | yes
unpublish            | A  | no   | yes  | no    | no   | no    | no       | yes
unpublish            | B  | no   | no   | no    | yes  | no    | no       | yes
delete               | A  | no   | yes  | no    | no   | no    | no       | yes
delete               | B  | no   | no   | no    | yes  | no    | no       | yes
move                 | A  | no   | yes  | no    | no   | no    | no       | yes
move                 | B  | no   | no   | no    | yes  | no    | no       | yes
copy                 | A  | no   | yes  | no    | no   | no    | no       | yes
copy                 | B  | no   | no   | no    | yes  | no    | no       | yes
add a child page     | A  | no   | yes  | no    | no   | no    | no       | yes
add a child page     | B  | no   | no   | no    | yes  | no    | no       | yes
see revisions        | A  | no   | yes  | no    | no   | no    | no       | yes
see revisions        | B  | no   | no   | no    | yes  | no    | no       | yes
see history          | A  | no   | yes  | no    | no   | no    | no       | yes
see history          | B  | no   | no   | no    | yes  | no    | no       | yes
translate            | A  | no   | yes  | no    | no   | no    | no       | yes
translate            | B  | no   | no   | no    | yes  | no    | no       | yes
find in page chooser | A  | no   | yes  | no    | no   | no    | no       | yes
find in page chooser | B  | no   | no   | no    | yes  | no    | no       | yes
find in admin search | A  | no   | yes  | no    | no   | no    | no       | yes
find in admin search | B  | no   | no   | no    | yes  | no    | no       | yes
see in the explorer  | A  | no   | yes  | no    | no   | no    | no       | yes
see in the explorer  | B  | no   | no   | no    | yes  | no    | no       | yes
find draft by search | A  | no   | no   | no    | no   | no    | no       | no
find draft by search | B  | no   | no   | no    | no   | no    | no       | no
see join requests    | A  | no   | yes  | no    | no   | no    | no       | yes
see join requests    | B  | no   | no   | no    | yes  | no    | no       | yes
decide join requests | A  | no   | yes  | no    | no   | no    | no       | yes
decide join requests | B  | no   | no   | no    | yes  | no    | no       | yes
"""


def ok(response):
    return response.status_code == 200


# --- What each action does, and how a person tells whether it worked -----------


def view_draft(client, world):
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[world.page.pk]))
    return ok(response) and world.draft_title in response.content.decode()


def preview(client, world):
    response = client.post(
        reverse("wagtailadmin_pages:preview_on_edit", args=[world.page.pk]),
        {"title": "Previewed title", "slug": world.page.slug, "body-count": "0"},
    )
    return ok(response) and "is_valid" in json.loads(response.content)


def edit(client, world):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[world.page.pk]))
    return ok(response) and world.draft_title in response.content.decode()


def publish(client, world):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={world.page.pk}", {"include_descendants": ""})
    world.page.refresh_from_db()
    return world.page.title == world.draft_title and not world.page.has_unpublished_changes


def unpublish(client, world):
    client.post(reverse("wagtailadmin_pages:unpublish", args=[world.page.pk]))
    world.page.refresh_from_db()
    return not world.page.live


def delete(client, world):
    client.post(reverse("wagtailadmin_pages:delete", args=[world.page.pk]))
    return not Page.objects.filter(pk=world.page.pk).exists()


def move(client, world):
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[world.page.pk, world.archive.pk]))
    world.page.refresh_from_db()
    return world.page.get_parent().pk == world.archive.pk


def copy(client, world):
    client.post(
        reverse("wagtailadmin_pages:copy", args=[world.page.pk]),
        {
            "new_title": "Copied notes",
            "new_slug": "copied-notes",
            "new_parent_page": world.network.pk,
            "publish_copies": "",
        },
    )
    return world.network.get_children().filter(slug="copied-notes").exists()


def add_child(client, world):
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", world.network.pk])
    )
    return ok(response)


def see_revisions(client, world):
    revision = world.page.latest_revision
    response = client.get(
        reverse("wagtailadmin_pages:revisions_view", args=[world.page.pk, revision.pk])
    )
    return ok(response) and world.draft_title in response.content.decode()


def see_history(client, world):
    response = client.get(reverse("wagtailadmin_pages:history", args=[world.page.pk]))
    return ok(response)


def translate(client, world):
    response = client.get(reverse("wagtail_localize:submit_page_translation", args=[world.page.pk]))
    return ok(response)


def find_in_chooser(client, world):
    response = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "meeting notes"})
    return ok(response) and world.draft_title in response.content.decode()


def find_in_admin_search(client, world):
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "meeting notes"})
    return ok(response) and world.draft_title in response.content.decode()


def see_in_explorer(client, world):
    response = client.get(reverse("wagtailadmin_explore", args=[world.network.pk]))
    return ok(response) and world.draft_title in response.content.decode()


def find_draft_in_site_search(client, world):
    """The public site search finds the live version only, whoever asks."""
    response = client.get("/search/", {"q": "meeting notes"})
    html = response.content.decode()
    assert world.page.title in html, "the live version is found"
    return world.draft_title in html


def see_join_requests(client, world):
    listing = client.get(reverse("networks_join_requests:index"))
    detail = client.get(reverse("networks_join_requests:detail", args=[world.join_request.pk]))
    name = world.join_request.name
    listed = ok(listing) and name in listing.content.decode()
    shown = ok(detail) and world.join_request.email in detail.content.decode()
    assert listed == shown, "the listing and the detail must agree"
    return listed


def decide_join_requests(client, world):
    client.post(
        reverse("networks_join_requests:detail", args=[world.join_request.pk]),
        {"decision": "accept"},
    )
    world.join_request.refresh_from_db()
    return world.join_request.status == "accepted"


ACTIONS = {
    "view the draft": view_draft,
    "preview": preview,
    "edit": edit,
    "publish": publish,
    "unpublish": unpublish,
    "delete": delete,
    "move": move,
    "copy": copy,
    "add a child page": add_child,
    "see revisions": see_revisions,
    "see history": see_history,
    "translate": translate,
    "find in page chooser": find_in_chooser,
    "find in admin search": find_in_admin_search,
    "see in the explorer": see_in_explorer,
    "find draft by search": find_draft_in_site_search,
    "see join requests": see_join_requests,
    "decide join requests": decide_join_requests,
}

CELLS = parse_policy(POLICY, label_columns=2)


def test_the_table_covers_every_role_action_and_network():
    assert {(a, n) for a, n, _r, _ok in CELLS} == {(a, n) for a in ACTIONS for n in "AB"}
    assert len(CELLS) == len(ACTIONS) * 2 * len(ROLES)


@pytest.mark.parametrize(
    ("action", "network", "role", "allowed"),
    CELLS,
    ids=[f"{a} on {n} as {r}" for a, n, r, _ok in CELLS],
)
def test_policy(worlds, as_role, action, network, role, allowed):
    client = as_role(role)
    assert ACTIONS[action](client, worlds[network]) is allowed
