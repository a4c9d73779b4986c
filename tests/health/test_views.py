"""The health pages in the admin: who may see them (a role × action table),
what they show (charts, CSV, sorting), the dashboard's links to them, and a
query count that does not grow with the data."""

import csv
import io
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from networks.models import NetworkPage
from tests.conftest import ROLES, parse_policy
from tests.factories import user

pytestmark = pytest.mark.django_db

A_TITLE = "Borough Food Partnership"


def network(slug):
    return NetworkPage.objects.get(slug=slug, locale__language_code="en")


def health_url(slug, **query):
    url = reverse("health:network", args=[network(slug).pk])
    return url + ("?format=csv" if query.get("csv") else "")


def page_of(slug, csv=False):
    def check(client):
        response = client.get(health_url(slug, csv=csv))
        if response.status_code in (403, 404):
            # Refused by id: nothing names the network.
            assert A_TITLE not in response.content.decode()
        return response.status_code == 200

    return check


def table(client):
    return client.get(reverse("health:index")).status_code == 200


def table_lists_a(client):
    response = client.get(reverse("health:index"))
    return response.status_code == 200 and A_TITLE in response.content.decode()


def table_lists_b(client):
    response = client.get(reverse("health:index"))
    return (
        response.status_code == 200 and "Digital Practitioners Network" in response.content.decode()
    )


POLICY = """
action                       | anon | ed A | mod A | ed B | mod B | site mod | admin
see A's health page          | no   | yes  | yes   | no   | no    | yes      | yes
download A's health CSV      | no   | yes  | yes   | no   | no    | yes      | yes
see the health table         | no   | yes  | yes   | yes  | yes   | yes      | yes
find A in the table          | no   | yes  | yes   | no   | no    | yes      | yes
find B in the table          | no   | no   | no    | yes  | yes   | yes      | yes
"""
ACTIONS = {
    "see A's health page": page_of("food-partnership"),
    "download A's health CSV": page_of("food-partnership", csv=True),
    "see the health table": table,
    "find A in the table": table_lists_a,
    "find B in the table": table_lists_b,
}
CELLS = parse_policy(POLICY)


def test_the_table_covers_every_role_and_action():
    assert {action for action, _role, _ok in CELLS} == set(ACTIONS)
    assert len(CELLS) == len(ACTIONS) * len(ROLES)


@pytest.mark.parametrize(
    ("action", "role", "allowed"), CELLS, ids=[f"{a} as {r}" for a, r, _ok in CELLS]
)
def test_policy(demo, as_role, action, role, allowed):
    assert ACTIONS[action](as_role(role)) is allowed


def test_another_networks_staff_asking_by_id_get_a_404_naming_nothing(demo, as_role):
    client = as_role("ed B")
    for url in (health_url("food-partnership"), health_url("food-partnership", csv=True)):
        response = client.get(url)
        assert response.status_code == 404
        assert A_TITLE not in response.content.decode()
    # Nor by the id of A's page in another language.
    polish = NetworkPage.objects.filter(
        translation_key=network("food-partnership").translation_key
    ).exclude(locale__language_code="en")
    for version in polish:
        assert client.get(reverse("health:network", args=[version.pk])).status_code == 404


def test_a_staff_member_of_no_network_is_refused_the_table(demo, client, user_factory):
    client.force_login(user_factory(is_staff=True, is_superuser=False))
    # Wagtail's admin access: a user with no admin permission is sent away.
    response = client.get(reverse("health:index"))
    assert response.status_code in (302, 403)


def test_the_health_page_shows_each_figure_with_an_accessible_chart(known, client):
    client.force_login(known.staff)
    response = client.get(reverse("health:network", args=[known.network.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Network health: Known Network" in html
    charts = re.findall(r'<svg class="health-chart" role="img" aria-label="([^"]+)"', html)
    assert len(charts) == 11
    assert any(name.startswith("Comments pending, last 12 weeks:") for name in charts)
    # The bars carry their numbers as text, and no script draws them.
    assert '<text x="' in html and "<script" not in html.split('id="main"')[-1].split("</main>")[0]


def test_the_csv_has_the_same_figures_and_safe_cells(known, client):
    NetworkPage.objects.filter(pk=known.network.pk).update(title="=HYPERLINK(1)")
    client.force_login(known.staff)
    response = client.get(reverse("health:network", args=[known.network.pk]) + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:2] == ["Figure", "Now"] and len(rows[0]) == 14
    by_label = {row[0]: row for row in rows[1:]}
    assert len(by_label) == 11
    # Pending: the figure now and its last week's bar are the same.
    pending = by_label["Comments pending"]
    assert pending[1] == pending[-1]

    client.force_login(user("admin"))
    table = client.get(reverse("health:index") + "?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(table.streaming_content).decode())))
    assert ["'=HYPERLINK(1)"] == [row[0] for row in rows if "HYPERLINK" in row[0]]


def test_the_table_sorts_on_the_server_by_any_column(known, more_networks, client):
    from comments.models import Comment

    (extra,) = more_networks(1)
    # The extra network has two more pending comments than the known one.
    for n in range(2):
        Comment.objects.create(page=extra.network, name="R", email="r@example.org", body=f"{n}")
    client.force_login(user("admin"))

    def order(query):
        html = client.get(reverse("health:index"), {"order": query}).content.decode()
        titles = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)
        return [title for title in titles if title.startswith("Known Network")], html

    most_first, html = order("-pending")
    assert most_first == ["Known Network 0", "Known Network"]
    assert 'aria-sort="descending"><a href="?order=pending"' in html
    least_first, _html = order("pending")
    assert least_first == ["Known Network", "Known Network 0"]
    assert order("network")[0] == ["Known Network", "Known Network 0"]
    assert order("-network")[0] == ["Known Network 0", "Known Network"]
    # An unknown column sorts by name, with no error.
    assert order("secret")[0] == ["Known Network", "Known Network 0"]
    # Each row links to the network's health page.
    assert reverse("health:network", args=[extra.network.pk]) in html


def test_the_dashboard_links_to_the_health_pages(demo, client):
    client.force_login(user("admin"))
    assert reverse("health:index") in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(user("food-partnership-editor"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert health_url("food-partnership") in html


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_pages_query_count_does_not_grow_with_the_data(known, more_networks, client):
    client.force_login(user("admin"))
    page = reverse("health:network", args=[known.network.pk])
    _queries(client, page)  # warm the caches of the admin's frame
    one = (_queries(client, page), _queries(client, reverse("health:index")))
    more_networks(2)
    _queries(client, page)  # the new pages emptied some of those caches
    three = (_queries(client, page), _queries(client, reverse("health:index")))
    assert one == three
