"""The directory and a network's page, as residents see them, and their
query counts, which must not grow with the number of networks, posts or members."""

import re
from io import BytesIO

from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images.models import Image

import pytest
from PIL import Image as PILImage

from blog.models import BlogPostPage
from networks.models import JoinRequest, MemberOrganisation, NetworkIndexPage, NetworkPage

pytestmark = pytest.mark.django_db


def make_image(title):
    buffer = BytesIO()
    PILImage.new("RGB", (200, 200), "teal").save(buffer, "PNG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{title}.png"))


def queries_for(client, url):
    """Returns the number of queries of a warm GET of `url` (renditions made)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.fixture
def directory(demo):
    return NetworkIndexPage.objects.get(locale__language_code="en")


def add_networks(directory, count, start=0):
    for n in range(start, start + count):
        network = NetworkPage(
            title=f"Network number {n}",
            slug=f"network-{n}",
            summary="More of the same.",
            area="Southside" if n % 2 else "",
            logo=make_image(f"logo-{n}"),
        )
        network.themes.add("Food", f"Theme {n}")
        network.member_organisations.add(MemberOrganisation(name=f"Org {n}"))
        directory.add_child(instance=network)
        network.save_revision().publish()


def test_directory_queries_do_not_grow_with_networks(client, directory):
    add_networks(directory, 1)  # one logo, so that renditions are fetched in both cases
    small = queries_for(client, directory.url)
    add_networks(directory, 14, start=1)
    assert queries_for(client, directory.url) == small
    assert queries_for(client, directory.url + "?theme=food&area=Southside") == small
    assert queries_for(client, directory.url + "?page=2") == small


def test_network_page_queries_do_not_grow_with_posts_or_members(client, demo):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    network.logo = make_image("food-logo")
    network.save_revision().publish()
    small = queries_for(client, network.url)
    for n in range(10):
        post = BlogPostPage(title=f"Post {n}", slug=f"post-{n}", intro="More news.")
        network.add_child(instance=post)
        post.save_revision().publish()
        JoinRequest.objects.create(
            network=network,
            name=f"Member {n}",
            email=f"m{n}@example.org",
            status="accepted",
            list_publicly=True,
        )
        network.member_organisations.add(MemberOrganisation(name=f"Organisation {n}"))
        network.themes.add(f"Theme {n}")
    network.save_revision().publish()
    assert queries_for(client, network.url) == small


def test_directory_filters_by_theme_area_and_status_with_counts(client, directory):
    html = client.get(directory.url).content.decode()
    assert "Food (1)" in html
    assert "Northside (1)" in html and "Borough-wide (3)" in html
    assert "Forming (1)" in html and "Active (3)" in html
    html = client.get(directory.url, {"status": "forming"}).content.decode()
    assert "Young People&#x27;s Network" in html
    assert "Borough Food Partnership" not in html
    html = client.get(directory.url, {"area": "borough-wide", "theme": "food"}).content.decode()
    assert "Borough Food Partnership" in html and "Health and Wellbeing" not in html
    assert "1 network" in html


def test_directory_without_matches_says_so_and_offers_to_clear(client, directory):
    html = client.get(directory.url, {"theme": "no-such-theme"}).content.decode()
    assert "No network matches these filters." in html
    assert "Clear filters" in html


def test_a_combination_without_networks_keeps_both_choices_selected(client, directory):
    html = client.get(directory.url, {"theme": "food", "area": "Northside"}).content.decode()
    assert "No network matches these filters." in html
    assert re.search(r'<option value="food" selected>\s*Food \(0\)', html)
    assert re.search(r'<option value="Northside" selected>\s*Northside \(0\)', html)


def test_directory_paginates_and_keeps_filters_in_page_links(client, directory):
    add_networks(directory, 14)
    html = client.get(directory.url, {"theme": "food"}).content.decode()
    assert "Page 1 of 2" in html
    assert "theme=food&amp;page=2" in html


def test_directory_lists_live_public_networks_only(client, directory):
    draft = NetworkPage(title="Secret Network", slug="secret", live=False)
    directory.add_child(instance=draft)
    assert "Secret Network" not in client.get(directory.url).content.decode()


def test_network_page_shows_values_members_and_feeds(client, demo):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    html = client.get(network.url).content.decode()
    for text in (
        "Good food for everyone",  # values
        "We share what we grow",  # behaviours
        "Fewer people need food banks",  # outcomes
        "Community Kitchen",  # member organisation
        "Tom Okafor",  # accepted and agreed to be listed
        "Second Thursday of the month",
        "Join this network",
        "Contact the network",
    ):
        assert text in html, text
    assert "Jan Kowalski" not in html  # declined
    assert "Priya Shah" not in html  # still pending
    assert network.contact_email not in html  # the address is never published
    assert "tom.okafor@example.org" not in html


def test_network_page_lists_only_its_own_posts(client, demo):
    network = NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")
    html = client.get(network.url).content.decode()
    assert "Should we become a co-operative?" in html
    assert "Coproduction cannot be rushed" not in html
