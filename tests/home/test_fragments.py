"""The site's frame (navigation, language switcher, hreflang, notices,
footer) is rendered once per publish or settings change (a fragment cache,
`home.fragments`): each of those changes shows on the very next request,
and nothing personal is ever cached in it."""

from django.core.cache import cache
from django.test import Client

import pytest

from home import fragments
from home.models import SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def page_html(client, url="/about/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def nav(client, url="/about/"):
    html = page_html(client, url)
    return html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]


def test_a_published_section_joins_the_navigation_on_the_next_request(client, demo):
    assert "Allotments" not in nav(client)
    page = StandardPage(title="Allotments", slug="allotments", show_in_menus=True)
    demo.add_child(instance=page)
    page.save_revision().publish()
    assert "Allotments" in nav(client)
    page.unpublish()
    assert "Allotments" not in nav(client)


def test_an_unpublished_section_leaves_the_navigation_on_the_next_request(client, demo):
    events = demo.get_children().get(slug="events")
    assert "Events" in nav(client, "/networks/")
    events.unpublish()
    assert "Events" not in nav(client, "/networks/")


def test_a_moved_page_shows_its_new_address_in_the_switcher(client, demo):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    before = page_html(client)
    about.slug = "about-us"
    about.save_revision().publish()
    after = page_html(client, "/about-us/")
    assert 'hreflang="en" href="http://testserver/about-us/"' in after
    assert "about-us" not in before


def test_a_settings_change_shows_in_the_footer_on_the_next_request(client, demo):
    assert "mailto:hello.fragments@example.org" not in page_html(client)
    settings = SiteSettings.load()
    settings.contact_email = "hello.fragments@example.org"
    settings.save()
    assert "mailto:hello.fragments@example.org" in page_html(client)


def test_the_frame_is_cached_per_page_and_language(client, demo):
    english = nav(client, "/about/")
    assert 'aria-current="page"' not in english
    assert 'href="/blog/" aria-current="page"' in nav(client, "/blog/")
    assert 'href="/pl/blog/"' in nav(client, "/pl/about/")


def test_a_cleared_cache_never_brings_back_an_old_frame(demo):
    before = fragments.version(fragments.FRAME)
    cache.clear()
    assert fragments.version(fragments.FRAME) != before


def test_nothing_personal_is_cached_in_the_frame(demo):
    """Two readers: one logged in (the userbar) who searched for a word, one
    anonymous; the second never sees the first's userbar or query."""
    from django.contrib.auth import get_user_model

    staff, visitor = Client(), Client()
    staff.force_login(get_user_model().objects.get(username="admin"))
    staff_html = page_html(staff, "/about/")
    assert "/admin/pages/" in staff_html  # the userbar's "Edit this page"
    staff_search = page_html(staff, "/search/?q=privatequeryword")
    assert 'value="privatequeryword"' in staff_search
    visitor_html = page_html(visitor, "/about/")
    assert "/admin/pages/" not in visitor_html
    assert "privatequeryword" not in page_html(visitor, "/search/?q=other")
    assert "privatequeryword" not in visitor_html
