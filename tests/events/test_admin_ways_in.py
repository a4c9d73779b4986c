"""Ways into the registrations admin: the Registrations menu item for every
network editor and site admin (never for moderators or anonymous visitors),
the words an editor reads before their network's first registration, and
the "Email these people" button of one event's listing, with its way back."""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from wagtail.admin.menu import admin_menu

import pytest

from events.models import EventPage
from networks.models import NetworkPage

pytestmark = pytest.mark.django_db

INDEX = "/admin/events_registrations/"
EMPTY = "No registrations yet: registrations appear here when people register for your network"


def _without_events(slug):
    """Deletes every event of the network `slug` (so its editors have none)."""
    for network in NetworkPage.objects.filter(slug=slug):
        for event in EventPage.objects.descendant_of(network):
            event.delete()


# role: sees the Registrations menu item
MENU = {
    "admin": True,
    "food-partnership-editor": True,
    "young-people-editor (network without events)": True,
    "food-partnership-moderator": False,
    "moderator": False,
    "anonymous": False,
}


@pytest.mark.parametrize("role", MENU)
def test_registrations_menu_by_role(demo, role):
    from django.contrib.auth import get_user_model

    if role.startswith("young-people"):
        _without_events("young-people")
    username = role.split(" ")[0]
    request = RequestFactory().get("/admin/")
    request.user = (
        AnonymousUser()
        if username == "anonymous"
        else get_user_model().objects.get(username=username)
    )
    urls = [item.url for item in admin_menu.menu_items_for_request(request)]
    assert (INDEX in urls) == MENU[role]


def test_editor_without_registrations_is_told_so(client, login, demo):
    _without_events("young-people")
    login("young-people-editor")
    response = client.get(INDEX)
    assert response.status_code == 200
    assert EMPTY in response.content.decode().replace("&#x27;", "'")


@pytest.fixture
def event(make_event, registered):
    event = make_event("Ways in event", registration_enabled=True, capacity=5)
    registered(event, "Ann")
    return event


# role: sees "Email these people" on the event's filtered listing
EMAIL_BUTTON = {
    "admin": True,
    "food-partnership-editor": True,
    "digital-practitioners-editor": False,
    "food-partnership-moderator": False,
}


@pytest.mark.parametrize("role", EMAIL_BUTTON)
def test_email_button_on_one_events_listing(client, login, event, role):
    login(role)
    email_url = f"{INDEX}email/{event.pk}/"
    response = client.get(INDEX, {"event": event.pk})
    html = response.content.decode()
    assert (email_url in html and "Email these people" in html) == EMAIL_BUTTON[role]
    if EMAIL_BUTTON[role]:
        # Not on the unfiltered listing: there, "these people" are many
        # events'; each row's event leads to its own listing instead.
        html = client.get(INDEX).content.decode()
        assert email_url not in html
        assert f'href="{INDEX}?event={event.pk}"' in html


def test_email_page_links_back_to_the_events_registrations(client, login, event):
    login("food-partnership-editor")
    html = client.get(f"{INDEX}email/{event.pk}/").content.decode()
    assert f'href="{INDEX}?event={event.pk}"' in html
    assert "Back to this event's registrations" in html.replace("&#x27;", "'")
