"""Wagtail admin views that answered one network's staff with another
network's pages (draft titles included), found by probing every admin URL
with another network's ids: the page chooser's "chosen" answer and its
browsing, the "Page types usage" report and wagtail-localize's "Translations"
report. Each test shows the leak is closed for the wrong role and that the
right role still gets what they need."""

from django.urls import reverse

from wagtail.models import Locale

import pytest

from tests.blog.test_admin import post_form

pytestmark = pytest.mark.django_db

CHOSEN = reverse("wagtailadmin_choose_page_chosen_multiple")


def test_the_chooser_answers_nothing_about_another_networks_page(worlds, as_role):
    a, b = worlds["A"], worlds["B"]
    client = as_role("editor A")
    html = client.get(CHOSEN, {"id": [b.page.pk, a.page.pk]}).content.decode()
    assert b.draft_title not in html
    assert a.draft_title in html  # their own page is still chosen
    assert as_role("admin").get(CHOSEN, {"id": b.page.pk}).status_code == 200
    assert b.draft_title in as_role("admin").get(CHOSEN, {"id": b.page.pk}).content.decode()


def test_the_chooser_ignores_ids_that_are_not_numbers(worlds, as_role):
    response = as_role("editor A").get(CHOSEN, {"id": ["abc", worlds["A"].page.pk]})
    assert response.status_code == 200
    assert worlds["A"].draft_title in response.content.decode()


@pytest.mark.parametrize("role", ["editor A", "moderator A"])
def test_browsing_another_networks_page_in_the_chooser_starts_from_the_root(worlds, as_role, role):
    b = worlds["B"]
    client = as_role(role)
    response = client.get(reverse("wagtailadmin_choose_page_child", args=[b.page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert b.draft_title not in html
    assert b.network.title not in html


def test_browsing_their_own_networks_page_in_the_chooser_is_unchanged(worlds, as_role):
    a = worlds["A"]
    url = reverse("wagtailadmin_choose_page_child", args=[a.page.pk])
    assert a.draft_title in as_role("editor A").get(url).content.decode()


def test_the_page_types_usage_report_is_for_site_admins(worlds, as_role):
    b = worlds["B"]
    b.page.title = "Secret B draft title"
    b.page.save_revision()
    url = reverse("wagtailadmin_reports:page_types_usage")
    client = as_role("editor A")
    response = client.get(url)
    assert "Secret B draft title" not in response.content.decode()
    assert response.status_code in (302, 403)
    results = client.get(reverse("wagtailadmin_reports:page_types_usage_results"))
    assert "Secret B draft title" not in results.content.decode()
    assert "page-types-usage" not in client.get("/admin/").content.decode()
    admin = as_role("admin")
    assert "Secret B draft title" in admin.get(url).content.decode()


def test_the_translations_report_lists_only_what_the_user_may_change(worlds, as_role):
    a = worlds["A"]
    polish = a.network.get_translation(Locale.objects.get(language_code="pl"))
    polish.title = "Tajny szkic sieci A"
    polish.save_revision()
    url = reverse("wagtail_localize:translations_report")
    for role in ("editor B", "moderator B"):
        html = as_role(role).get(url).content.decode()
        assert "Tajny szkic sieci A" not in html
    assert "Tajny szkic sieci A" in as_role("editor A").get(url).content.decode()
    assert "Tajny szkic sieci A" in as_role("admin").get(url).content.decode()
    results = reverse("wagtail_localize:translations_report_results")
    assert "Tajny szkic sieci A" not in as_role("editor B").get(results).content.decode()


def test_the_translations_report_is_offered_to_editors_not_to_moderators(worlds, as_role):
    url = reverse("wagtail_localize:translations_report")
    assert url in as_role("editor A").get("/admin/").content.decode()
    assert url not in as_role("moderator A").get("/admin/").content.decode()


# Images and documents: the choosers offer only the collections a user may
# choose from, and the forms now refuse anything else chosen by id.

NOT_YOURS = "An image or document you chose is in a collection you cannot use."


@pytest.fixture
def media(worlds, settings, tmp_path):
    """An image and a document in each network's collection."""
    from io import BytesIO

    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile

    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    from PIL import Image as PILImage

    settings.MEDIA_ROOT = tmp_path
    made = {}
    for key in ("A", "B"):
        collection = worlds[key].network.collection
        buffer = BytesIO()
        PILImage.new("RGB", (40, 40), "teal").save(buffer, "PNG")
        image = Image.objects.create(
            title=f"Unreleased image of {key}",
            file=ImageFile(buffer, name=f"{key}.png"),
            collection=collection,
        )
        document = Document.objects.create(
            title=f"Board minutes of {key}",
            file=ContentFile(b"minutes", name=f"{key}.txt"),
            collection=collection,
        )
        made[key] = {"image": image, "document": document}
    return made


def person_form(person, **changes):
    data = {"name": person.name, "role": person.role, "network": person.network_id}
    data.update(changes)
    return data


def test_an_editor_cannot_give_a_person_another_networks_photo(worlds, media, as_role):
    from blog.models import Person

    ada = Person.objects.create(name="Ada of Allotments", network=worlds["A"].network.specific)
    url = reverse("wagtailsnippets_blog_person:edit", args=[ada.pk])
    client = as_role("editor A")
    response = client.post(url, person_form(ada, photo=media["B"]["image"].pk, role="Grower"))
    assert response.status_code == 200
    assert NOT_YOURS in response.content.decode()
    assert 'value="Grower"' in response.content.decode()  # what they typed is kept
    ada.refresh_from_db()
    assert ada.photo_id is None and ada.role == ""
    response = client.post(url, person_form(ada, photo=media["A"]["image"].pk))
    assert response.status_code == 302
    ada.refresh_from_db()
    assert ada.photo_id == media["A"]["image"].pk


def test_a_photo_a_site_admin_chose_stays_when_an_editor_saves_the_person(worlds, media, as_role):
    from blog.models import Person

    ada = Person.objects.create(
        name="Ada of Allotments", network=worlds["A"].network.specific, photo=media["B"]["image"]
    )
    url = reverse("wagtailsnippets_blog_person:edit", args=[ada.pk])
    response = as_role("editor A").post(url, person_form(ada, photo=ada.photo_id, role="Grower"))
    assert response.status_code == 302
    ada.refresh_from_db()
    assert ada.role == "Grower"


def post_with_document(document):
    return post_form(
        "Papers for the members' meeting",
        body=[("document", {"document": document.pk, "text": ""})],
    )


def add_post_url(world):
    return reverse("wagtailadmin_pages:add", args=["blog", "blogpostpage", world.network.pk])


def assert_refused_then_published(client, url, refused, accepted, title):
    """Posting `refused` is refused with the message and stores no post
    called `title`; posting `accepted` then goes through."""
    from blog.models import BlogPostPage

    response = client.post(url, refused)
    assert response.status_code == 200
    assert NOT_YOURS in response.content.decode()
    assert not BlogPostPage.objects.filter(title=title).exists()
    assert client.post(url, accepted).status_code == 302


def test_an_editor_cannot_link_another_networks_document_from_a_post(worlds, media, as_role):
    from blog.models import BlogPostPage

    url = add_post_url(worlds["A"])
    assert_refused_then_published(
        as_role("editor A"),
        url,
        post_with_document(media["B"]["document"]),
        post_with_document(media["A"]["document"]),
        "Papers for the members' meeting",
    )
    assert BlogPostPage.objects.get(title="Papers for the members' meeting").live
    # A site admin may link any network's document.
    url = add_post_url(worlds["B"])
    assert as_role("admin").post(url, post_with_document(media["A"]["document"])).status_code == 302


def test_an_editor_cannot_link_another_networks_document_in_rich_text(worlds, media, as_role):
    from wagtail.test.utils.form_data import rich_text

    def paragraph_linking(document):
        html = f'<p>See <a linktype="document" id="{document.pk}">the minutes</a>.</p>'
        return post_form("Minutes", body=[("paragraph", rich_text(html))])

    assert_refused_then_published(
        as_role("editor A"),
        add_post_url(worlds["A"]),
        paragraph_linking(media["B"]["document"]),
        paragraph_linking(media["A"]["document"]),
        "Minutes",
    )
