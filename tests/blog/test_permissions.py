"""Who may write where: a network's editors create and publish posts in their
own network only (Wagtail page permissions that the networks app grants to
"<network> editors" on each NetworkPage)."""

from django.utils.text import slugify

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from blog.models import BlogPostPage
from networks.models import NetworkPage

pytestmark = pytest.mark.django_db

NETWORKS = ["food-partnership", "digital-practitioners", "health-wellbeing", "young-people"]


def network_page(slug):
    return NetworkPage.objects.get(slug=slug, locale__language_code="en")


def new_post(title, action="publish"):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "date": "2026-11-20",
            "intro": "Written in the admin.",
            "post_authors": inline_formset([]),
            "body": streamfield([("paragraph", rich_text("<p>Hello.</p>"))]),
            "tags": "",
            "original_url": "",
            "original_source": "",
            f"action-{action}": action,
        }
    )


@pytest.mark.parametrize("editor_of", NETWORKS)
@pytest.mark.parametrize("target", NETWORKS)
def test_an_editor_can_only_create_posts_under_their_own_network(
    client, login, demo, editor_of, target
):
    login(f"{editor_of}-editor")
    network = network_page(target)
    add_url = f"/admin/pages/add/blog/blogpostpage/{network.pk}/"
    title = f"{editor_of} writes in {target}"
    # A network that requires approval sends its editors' posts to its
    # moderators instead of publishing them.
    action = "submit" if network.requires_approval else "publish"
    form = client.get(add_url)
    response = client.post(add_url, new_post(title, action))
    created = BlogPostPage.objects.filter(title=title)
    if editor_of == target:
        assert form.status_code == 200
        assert response.status_code == 302
        post = created.get()
        assert post.get_parent().pk == network.pk
        if network.requires_approval:
            assert not post.live
            assert post.workflow_in_progress
        else:
            assert post.live
    else:
        assert form.status_code in (302, 403)
        assert response.status_code in (302, 403)
        assert not created.exists()


def test_an_editor_cannot_write_site_wide_posts_or_edit_another_networks(client, login, blog_index):
    login("food-partnership-editor")
    response = client.post(
        f"/admin/pages/add/blog/blogpostpage/{blog_index.pk}/", new_post("Speaking for everyone")
    )
    assert response.status_code in (302, 403)
    assert not BlogPostPage.objects.filter(title="Speaking for everyone").exists()

    other = BlogPostPage.objects.descendant_of(network_page("young-people")).first()
    response = client.get(f"/admin/pages/{other.pk}/edit/")
    assert response.status_code in (302, 403)
    own = BlogPostPage.objects.descendant_of(network_page("food-partnership")).first()
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page(client, network):
    response = client.get(f"/admin/pages/add/blog/blogpostpage/{network.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_an_editor_can_pick_authors_from_the_people_snippet(client, login, demo):
    login("food-partnership-editor")
    response = client.get("/admin/snippets/choose/blog/person/")
    assert response.status_code == 200
    assert "Amira Khan" in response.content.decode()
