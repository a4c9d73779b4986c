"""Writing for the blog in the Wagtail admin: the People snippet, the post
form with authors and tags, the body's blocks, and the demo content."""

import io

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.documents.models import Document
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from blog.models import BlogPostPage, Person

pytestmark = pytest.mark.django_db


def test_people_are_managed_as_a_snippet(client, login, blog_index):
    login("admin")
    response = client.get("/admin/snippets/blog/person/")
    assert response.status_code == 200
    assert "Amira Khan" in response.content.decode()
    response = client.get("/admin/snippets/blog/person/", {"q": "Okafor"})
    html = response.content.decode()
    assert "Tom Okafor" in html
    assert "Amira Khan" not in html


def test_adding_a_person_without_a_name_is_refused_and_keeps_what_was_typed(client, login):
    login("admin")
    before = Person.objects.count()
    response = client.post(
        "/admin/snippets/blog/person/add/", {"name": "", "role": "Volunteer gardener"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert 'value="Volunteer gardener"' in response.content.decode()
    assert Person.objects.count() == before


def test_adding_a_person(client, login, network):
    login("admin")
    response = client.post(
        "/admin/snippets/blog/person/add/",
        {"name": "Priya Shah", "role": "Volunteer gardener", "network": network.pk},
    )
    assert response.status_code == 302
    person = Person.objects.get(name="Priya Shah")
    assert person.network == network
    assert person.locale.language_code == "en"


def post_form(title, authors=(), tags="", body=None):
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "date": "2026-11-01",
            "intro": "An introduction.",
            "post_authors": inline_formset([{"person": person.pk} for person in authors]),
            "body": streamfield(body or [("paragraph", rich_text("<p>Hello, neighbours.</p>"))]),
            "tags": tags,
            "original_url": "",
            "original_source": "",
            "action-publish": "publish",
        }
    )


def test_admin_publishes_a_post_with_authors_and_tags(client, login, network):
    login("admin")
    amira = Person.objects.get(name="Amira Khan")
    response = client.post(
        f"/admin/pages/add/blog/blogpostpage/{network.pk}/",
        post_form("Harvest supper", authors=[amira], tags="food, harvest"),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    post = BlogPostPage.objects.get(title="Harvest supper")
    assert post.live
    assert post.authors == [amira]
    assert sorted(tag.name for tag in post.tags.all()) == ["food", "harvest"]
    assert "Harvest supper" in client.get("/blog/tag/harvest/").content.decode()


def test_a_post_without_a_title_is_refused(client, login, network):
    login("admin")
    before = BlogPostPage.objects.count()
    response = client.post(
        f"/admin/pages/add/blog/blogpostpage/{network.pk}/", post_form("", tags="food")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["title"]
    assert BlogPostPage.objects.count() == before


def test_posts_go_under_a_network_or_the_blog_index_only(blog_index, demo):
    from home.models import HomePage
    from networks.models import NetworkPage

    assert BlogPostPage.can_create_at(NetworkPage.objects.first())
    assert BlogPostPage.can_create_at(blog_index)
    assert not BlogPostPage.can_create_at(HomePage.objects.first())


def test_body_renders_tables_and_document_links(client, network, make_post):
    document = Document.objects.create(
        title="Co-op options paper",
        file=ContentFile(b"x" * 2048, name="options.pdf"),
        file_size=2048,  # as the admin's upload form records it
    )
    post = make_post(
        network,
        "Papers for the members' meeting",
        body=[
            {
                "type": "table",
                "value": {
                    "data": [["Option", "Cost"], ["Stay as we are", "£0"]],
                    "table_caption": "Our options",
                    "table_header_choice": "row",
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            },
            {"type": "document", "value": {"document": document.pk, "text": ""}},
        ],
    )
    html = client.get(post.url).content.decode()
    assert "<caption>Our options</caption>" in html
    assert "Stay as we are" in html
    assert f'href="{document.url}">Co-op options paper</a>' in html
    assert "(PDF, 2.0\xa0KB)" in html


def test_demo_content_loads_twice_without_change(blog_index):
    from blog import demo

    counts = (BlogPostPage.objects.count(), Person.objects.count())
    demo.load(io.StringIO())
    assert (BlogPostPage.objects.count(), Person.objects.count()) == counts
    for network in (
        "food-partnership",
        "digital-practitioners",
        "health-wellbeing",
        "young-people",
    ):
        assert BlogPostPage.objects.filter(url_path__contains=f"/{network}/").count() >= 3
    assert BlogPostPage.objects.exclude(original_url="").exists()
