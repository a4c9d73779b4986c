"""One conversation in every language, in a real browser: a reader switches an
English post to Polish, comments in Polish, is told in Polish that the comment
is held, and the network's moderator finds it in the same Comments queue,
marked as written in Polish."""

import re

import pytest

from tests.e2e.conftest import log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = "Czy sobotnia wymiana jedzenia mogłaby zaczynać się o dziesiątej?"


def english_post_url(site_url):
    from blog.models import BlogPostPage

    post = BlogPostPage.objects.get(
        slug="first-post", url_path__contains="food-partnership", locale__language_code="en"
    )
    return site_url + post.url


def test_a_comment_posted_in_polish_reaches_the_same_queue_marked_polish(browser, site_url):
    resident = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    tab = resident.new_page()
    tab.goto(english_post_url(site_url))
    tab.get_by_role("navigation", name="Language").get_by_role("link", name="Polski").click()
    tab.wait_for_url(re.compile(r"/pl/networks/food-partnership/first-post/"))
    assert tab.locator("html").get_attribute("lang") == "pl"

    # The form speaks Polish: its fields are found by their Polish labels.
    tab.get_by_label("Imię i nazwisko", exact=True).fill("Agnieszka")
    tab.get_by_label(re.compile(r"^E-mail")).first.fill("agnieszka.resident@example.org")
    tab.get_by_label("Komentarz", exact=True).fill(TEXT)
    # The form refuses anything filled in faster than a person could.
    tab.wait_for_timeout(3200)
    tab.get_by_role("button", name="Wyślij komentarz").click()
    tab.wait_for_load_state()

    assert "/pl/networks/food-partnership/first-post/" in tab.url
    assert "Dziękujemy. Twój komentarz czeka na moderację." in tab.content()
    assert TEXT in tab.content()  # shown back to its writer
    screenshot(tab, "languages-comment-held-pl")

    # The Food Partnership's moderator sees it in the one Comments queue,
    # next to the English comments, marked as written in Polish.
    moderator = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(moderator, site_url, "food-partnership-moderator")
    moderator.goto(site_url + "/admin/comments/")
    row = moderator.get_by_role("row").filter(has_text=TEXT)
    row.wait_for()
    assert row.count() == 1
    assert "Polski" in row.locator(".comment-cell__language").inner_text()
    assert row.get_by_role("button", name="Approve").is_visible()
    screenshot(moderator, "languages-comment-queue")


@pytest.mark.parametrize("code", ["pl", "ur"])
def test_a_translated_post_with_its_comment_form_fits_a_phone(phone_page, site_url, code):
    # The comment form's off-screen honeypot once gave Urdu pages a 10,000 px
    # horizontal scroll: right-to-left pages scroll towards the left.
    phone_page.goto(f"{site_url}/{code}/networks/food-partnership/first-post/")
    assert phone_page.locator("form .form-trap").count() == 1
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone_page, f"languages-{code}-post-phone")
