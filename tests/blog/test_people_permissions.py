"""Who may manage the blog's People, as a table: every role, every action.

Each cell is one test that does the thing through the Wagtail admin, as a
person would, and checks what they would notice: the page they get, or what
was stored. "yes" means the role can; "no" means it is refused and nothing
changes. Network A is the food partnership, B the digital practitioners;
"A's person" is someone who writes for A, and the site-wide author writes
for no network. Choosing needs only the admin: any editor may credit anyone.
"""

from django.urls import reverse

import pytest

from blog.models import Person
from networks.models import NetworkPage
from tests.conftest import NETWORK_SLUGS, parse_policy, table_roles

pytestmark = pytest.mark.django_db

POLICY = """
action                     | anon | ed A | ed B | mod A | site mod | admin
open the People list       | no   | yes  | yes  | no    | no       | yes
see A's person listed      | no   | yes  | no   | no    | no       | yes
see B's person listed      | no   | no   | yes  | no    | no       | yes
add a person for A         | no   | yes  | no   | no    | no       | yes
add a person for B         | no   | no   | yes  | no    | no       | yes
add a person with no network | no | no   | no   | no    | no       | yes
edit A's person            | no   | yes  | no   | no    | no       | yes
edit B's person            | no   | no   | yes  | no    | no       | yes
edit the site-wide author  | no   | no   | no   | no    | no       | yes
delete A's person          | no   | yes  | no   | no    | no       | yes
delete B's person          | no   | no   | yes  | no    | no       | yes
delete the site-wide author | no  | no   | no   | no    | no       | yes
copy A's person            | no   | yes  | no   | no    | no       | yes
copy B's person            | no   | no   | yes  | no    | no       | yes
see A's person's history   | no   | yes  | no   | no    | no       | yes
see B's person's history   | no   | no   | yes  | no    | no       | yes
translate A's person       | no   | yes  | no   | no    | no       | yes
translate B's person       | no   | no   | yes  | no    | no       | yes
choose A's person          | no   | yes  | yes  | yes   | yes      | yes
choose B's person          | no   | yes  | yes  | yes   | yes      | yes
"""

# The roles of the table's columns (tests/conftest.py's ROLES, by heading).
ROLES = table_roles(POLICY)

LIST_URL = "/admin/snippets/blog/person/"
ADD_URL = "/admin/snippets/blog/person/add/"


@pytest.fixture
def people(demo):
    """A person of network A, one of network B and a site-wide author, with
    names that appear nowhere else in the demo."""
    networks = {
        key: NetworkPage.objects.get(slug=slug, locale__language_code="en")
        for key, slug in NETWORK_SLUGS.items()
    }
    return {
        "A": Person.objects.create(name="Ada of Allotments", role="Grower", network=networks["A"]),
        "B": Person.objects.create(name="Bo of Bytes", role="Coder", network=networks["B"]),
        "site-wide": Person.objects.create(name="Cy of Commons", role="Site team"),
        "networks": networks,
    }


def ok(response):
    return response.status_code == 200


def form_data(name, network=None, role="Volunteer"):
    return {"name": name, "role": role, "network": network.pk if network else ""}


# --- What each action does, and how a person tells whether it worked -----------


def open_list(client, people):
    response = client.get(LIST_URL)
    return ok(response) and "Add person" in response.content.decode()


def listed(key):
    def action(client, people):
        response = client.get(LIST_URL)
        return ok(response) and people[key].name in response.content.decode()

    return action


def add_for(key):
    def action(client, people):
        network = people["networks"].get(key)
        name = f"Newcomer for {key}"
        client.post(ADD_URL, form_data(name, network))
        stored = Person.objects.filter(name=name)
        return stored.filter(network=network).exists() and stored.count() == 1

    return action


def form_then_change(client, url, data, changed):
    """Opens the form at `url`, sends `data`, and returns `changed()`: the
    form must open exactly when the change is allowed."""
    form = client.get(url)
    client.post(url, data)
    result = changed()
    assert ok(form) == result, f"the form at {url} and the change must agree"
    return result


def edit(key):
    def action(client, people):
        person = people[key]
        url = f"/admin/snippets/blog/person/edit/{person.pk}/"

        def renamed():
            person.refresh_from_db()
            return person.name == "Renamed"

        return form_then_change(client, url, form_data("Renamed", person.network), renamed)

    return action


def delete(key):
    def action(client, people):
        person = people[key]
        url = f"/admin/snippets/blog/person/delete/{person.pk}/"
        gone = Person.objects.filter(pk=person.pk)
        return form_then_change(client, url, {}, lambda: not gone.exists())

    return action


def copy(key):
    def action(client, people):
        person = people[key]
        url = f"/admin/snippets/blog/person/copy/{person.pk}/"
        name = f"Copy of {person.name}"
        copies = Person.objects.filter(name=name, role=person.role)
        data = form_data(name, person.network, role=person.role)
        return form_then_change(client, url, data, copies.exists)

    return action


def history(key):
    def action(client, people):
        response = client.get(f"/admin/snippets/blog/person/history/{people[key].pk}/")
        return ok(response)

    return action


def translate(key):
    """Translates the person into Bengali with wagtail-localize."""

    def action(client, people):
        from wagtail.models import Locale

        person = people[key]
        bengali = Locale.objects.get(language_code="bn")
        url = f"/admin/localize/submit/snippet/blog/person/{person.pk}/"
        translations = Person.objects.filter(translation_key=person.translation_key, locale=bengali)
        return form_then_change(client, url, {"locales": [bengali.pk]}, translations.exists)

    return action


def choose(key):
    def action(client, people):
        person = people[key]
        chooser = reverse(Person.snippet_viewset.chooser_viewset.get_url_name("choose_results"))
        found = client.get(chooser, {"q": person.name.split()[0]})
        chosen = client.get(
            reverse(Person.snippet_viewset.chooser_viewset.get_url_name("chosen"), args=[person.pk])
        )
        shown = ok(found) and person.name in found.content.decode()
        assert shown == ok(chosen), "finding and choosing must agree"
        return shown

    return action


ACTIONS = {
    "open the People list": open_list,
    "see A's person listed": listed("A"),
    "see B's person listed": listed("B"),
    "add a person for A": add_for("A"),
    "add a person for B": add_for("B"),
    "add a person with no network": add_for(None),
    "edit A's person": edit("A"),
    "edit B's person": edit("B"),
    "edit the site-wide author": edit("site-wide"),
    "delete A's person": delete("A"),
    "delete B's person": delete("B"),
    "delete the site-wide author": delete("site-wide"),
    "copy A's person": copy("A"),
    "copy B's person": copy("B"),
    "see A's person's history": history("A"),
    "see B's person's history": history("B"),
    "translate A's person": translate("A"),
    "translate B's person": translate("B"),
    "choose A's person": choose("A"),
    "choose B's person": choose("B"),
}

CELLS = parse_policy(POLICY)


def test_the_table_covers_every_role_and_action():
    assert {action for action, _role, _ok in CELLS} == set(ACTIONS)
    assert len(CELLS) == len(ACTIONS) * len(ROLES)


@pytest.mark.parametrize(
    ("action", "role", "allowed"), CELLS, ids=[f"{a} as {r}" for a, r, _ok in CELLS]
)
def test_policy(people, as_role, action, role, allowed):
    client = as_role(role)
    assert ACTIONS[action](client, people) is allowed


# --- The form, the listing and the record, beyond yes and no ---------------------


def test_a_missing_name_is_refused_with_a_clear_message_and_nothing_is_stored(people, as_role):
    client = as_role("ed A")
    before = Person.objects.count()
    response = client.post(ADD_URL, form_data("", people["networks"]["A"], role="Cook"))
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["This field is required."]
    assert "The person could not be created due to errors." in response.content.decode()
    assert Person.objects.count() == before


def test_an_editor_is_told_why_another_networks_person_is_refused(people, as_role):
    client = as_role("ed A")
    response = client.post(ADD_URL, form_data("Stray volunteer", people["networks"]["B"]))
    assert response.status_code == 200
    assert response.context["form"].errors["network"] == [
        "Choose one of the networks you edit. People of other networks are added by "
        "those networks' editors."
    ]
    assert not Person.objects.filter(name="Stray volunteer").exists()


def test_an_editor_must_give_a_network_but_a_site_admin_need_not(people, as_role):
    response = as_role("ed A").post(ADD_URL, form_data("Nobody's volunteer"))
    assert response.context["form"].errors["network"] == [
        "Choose the network this person writes for. Only site admins can add people "
        "without a network."
    ]
    assert not Person.objects.filter(name="Nobody's volunteer").exists()
    form = as_role("admin").get(ADD_URL).context["form"]
    assert not form.fields["network"].required
    assert form.fields["network"].queryset.count() == NetworkPage.objects.count()


def test_the_network_field_offers_the_editors_networks_in_every_language(people, as_role):
    form = as_role("ed A").get(ADD_URL).context["form"]
    offered = form.fields["network"].queryset
    assert sorted(offered.values_list("slug", "locale__language_code")) == [
        ("food-partnership", "en"),
        ("food-partnership", "pl"),
        ("food-partnership", "ur"),
    ]


def test_an_editor_manages_people_of_a_translation_of_their_network(people, as_role):
    polish = NetworkPage.objects.get(slug="food-partnership", locale__language_code="pl")
    client = as_role("ed A")
    client.post(ADD_URL, form_data("Zofia z ogrodu", polish))
    person = Person.objects.get(name="Zofia z ogrodu")
    assert person.network == polish
    url = f"/admin/snippets/blog/person/edit/{person.pk}/"
    client.post(url, form_data("Zofia Nowak", polish))
    person.refresh_from_db()
    assert person.name == "Zofia Nowak"
    assert as_role("ed B").get(url).status_code == 302


def test_an_editor_cannot_move_their_person_to_another_network(people, as_role):
    person = people["A"]
    response = as_role("ed A").post(
        f"/admin/snippets/blog/person/edit/{person.pk}/",
        form_data(person.name, people["networks"]["B"]),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["network"]
    person.refresh_from_db()
    assert person.network == people["networks"]["A"]


def test_a_refusal_by_url_says_so(people, as_role):
    client = as_role("ed A")
    response = client.get(f"/admin/snippets/blog/person/edit/{people['B'].pk}/", follow=True)
    assert "Sorry, you do not have permission to access this area." in response.content.decode()
    background = client.get(
        f"/admin/snippets/blog/person/edit/{people['B'].pk}/",
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert background.status_code == 403


def test_bulk_delete_skips_another_networks_person(people, as_role):
    url = reverse("wagtail_bulk_action", args=["blog", "person", "delete"])
    as_role("ed A").post(f"{url}?id={people['A'].pk}&id={people['B'].pk}")
    assert not Person.objects.filter(pk=people["A"].pk).exists()
    assert Person.objects.filter(pk=people["B"].pk).exists()


def test_the_listing_explains_where_other_people_are(people, as_role):
    note = "People of other networks and site-wide authors are not listed"
    assert note in as_role("ed A").get(LIST_URL).content.decode()
    assert note not in as_role("admin").get(LIST_URL).content.decode()


def test_the_network_filter_offers_an_editor_only_their_networks(people, as_role):
    a, b = people["networks"]["A"], people["networks"]["B"]
    field = as_role("ed A").get(LIST_URL).context["filters"].form.fields["network"]
    assert a in field.queryset
    assert b not in field.queryset
    # Filtering by another network's id by hand is an invalid choice, not a
    # way to list that network's people.
    html = as_role("ed A").get(LIST_URL, {"network": b.pk}).content.decode()
    assert "Bo of Bytes" not in html
    field = as_role("admin").get(LIST_URL).context["filters"].form.fields["network"]
    assert b in field.queryset


@pytest.mark.parametrize(("role", "shown"), [("ed A", True), ("mod A", False), ("admin", True)])
def test_the_people_menu_item(people, as_role, role, shown):
    html = as_role(role).get("/admin/").content.decode()
    assert (f'"url": "{LIST_URL}"' in html) is shown


def test_adding_changing_and_deleting_are_in_the_audit_log(people, as_role):
    from wagtail.models import ModelLogEntry

    client = as_role("ed A")
    client.post(ADD_URL, form_data("Logged volunteer", people["networks"]["A"]))
    person = Person.objects.get(name="Logged volunteer")
    client.post(
        f"/admin/snippets/blog/person/edit/{person.pk}/",
        form_data("Logged grower", people["networks"]["A"]),
    )
    client.post(f"/admin/snippets/blog/person/delete/{person.pk}/")
    entries = ModelLogEntry.objects.filter(object_id=str(person.pk), content_type__model="person")
    assert sorted(entries.values_list("action", flat=True)) == [
        "wagtail.create",
        "wagtail.delete",
        "wagtail.edit",
    ]
    assert {entry.user.username for entry in entries} == {"food-partnership-editor"}


def test_the_policy_names_the_users_who_may_change_a_person(people):
    policy = Person.snippet_viewset.permission_policy
    everyone = set(policy.users_with_permission("change").values_list("username", flat=True))
    assert {"admin", "food-partnership-editor", "digital-practitioners-editor"} <= everyone
    assert not {"moderator", "food-partnership-moderator"} & everyone
    for_a = set(
        policy.users_with_permission_for_instance("change", people["A"]).values_list(
            "username", flat=True
        )
    )
    assert {"admin", "food-partnership-editor"} <= for_a
    assert "digital-practitioners-editor" not in for_a
    site_wide = policy.users_with_permission_for_instance("delete", people["site-wide"])
    assert not site_wide.filter(username="food-partnership-editor").exists()
