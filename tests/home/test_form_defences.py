"""Every public form refuses an address over its hourly limit with the same
"try again later" message, keeping what was typed and storing nothing; the
limits are the site admins', in Site settings → Spam defences, where one kind
of form can be given its own."""

import time

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from comments.models import Comment, CommentReport
from home.defences import sign_started
from home.models import FormRateLimit, SiteSettings
from networks.models import JoinRequest, NetworkIndexPage, NetworkPage, NetworkProposal
from tests.comments.public_helpers import approved_comment, demo_post
from tests.networks.test_join_requests import GOOD_PROPOSAL

pytestmark = pytest.mark.django_db

TRY_AGAIN = "please try again in an hour"
FROM_CONNECTION = "A lot of forms have been sent from your connection in the last hour"
FROM_EMAIL = "A lot of forms have been sent from this email address in the last hour"


def food():
    return NetworkPage.objects.get(slug="food-partnership", locale__language_code="en")


def started():
    return sign_started(time.time() - 60)


# Each public form: (scope, url, data, what was typed, how many are stored or sent).
def join_form():
    network = food()
    data = {"name": "Ada", "email": "ada@example.org", "message": "I bake bread."}
    return (
        "join",
        network.url + network.reverse_subpage("join"),
        data,
        "I bake bread.",
        (lambda: JoinRequest.objects.filter(email="ada@example.org").count()),
    )


def contact_form():
    network = food()
    data = {"name": "Ada", "email": "ada@example.org", "message": "Can we borrow your van?"}
    return (
        "contact",
        network.url + network.reverse_subpage("contact"),
        data,
        ("Can we borrow your van?"),
        lambda: len(mail.outbox),
    )


def proposal_form():
    directory = NetworkIndexPage.objects.get(locale__language_code="en")
    return (
        "proposal",
        directory.url + directory.reverse_subpage("start"),
        dict(GOOD_PROPOSAL),
        ("Keep the river banks clean."),
        lambda: NetworkProposal.objects.filter(name=GOOD_PROPOSAL["name"]).count(),
    )


def comment_form():
    page = demo_post()
    data = {"name": "Ruth", "email": "ruth@example.org", "body": "Card payments, please."}
    return (
        "comments",
        reverse("public_comments:post", args=[page.pk]),
        data,
        ("Card payments, please."),
        lambda: Comment.objects.filter(email="ruth@example.org").count(),
    )


FORMS = {
    "join": join_form,
    "contact": contact_form,
    "proposal": proposal_form,
    "comments": comment_form,
}


def send(client, url, data, capture, **extra):
    with capture(execute=True):
        return client.post(url, {**data, "started": started()}, **extra)


@pytest.fixture
def limits(site_settings):
    """Sets the limits for every form, or for one kind of form."""

    def _set(per_ip=None, per_email=None, *, form=None):
        if form is None:
            site_settings.rate_limit_per_ip = per_ip or 0
            site_settings.rate_limit_per_email = per_email or 0
            site_settings.save()
        else:
            FormRateLimit.objects.create(
                settings=site_settings, form=form, per_ip=per_ip, per_email=per_email
            )

    return _set


@pytest.mark.parametrize("name", FORMS)
def test_one_connection_over_the_limit_is_refused_with_the_shared_message(
    name, limits, django_capture_on_commit_callbacks
):
    limits(per_ip=2)
    _scope, url, data, typed, stored = FORMS[name]()
    client = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(2):
        assert send(client, url, data, django_capture_on_commit_callbacks).status_code == 302
    response = send(client, url, data, django_capture_on_commit_callbacks)
    html = response.content.decode()
    assert response.status_code == 429
    assert FROM_CONNECTION in html and TRY_AGAIN in html
    assert typed in html  # nothing typed is lost
    assert stored() == 2  # nothing stored or sent


@pytest.mark.parametrize("name", FORMS)
def test_one_email_address_over_the_limit_is_refused_from_any_connection(
    name, limits, django_capture_on_commit_callbacks
):
    limits(per_email=1)
    _scope, url, data, typed, stored = FORMS[name]()
    first = send(Client(REMOTE_ADDR="198.51.100.1"), url, data, django_capture_on_commit_callbacks)
    assert first.status_code == 302
    response = send(
        Client(REMOTE_ADDR="198.51.100.2"), url, data, django_capture_on_commit_callbacks
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert FROM_EMAIL in html and TRY_AGAIN in html
    assert typed in html
    assert stored() == 1


def test_a_report_over_the_limit_is_refused_with_the_shared_message(limits):
    limits(per_ip=1)
    page = demo_post()
    first, second = approved_comment(page), approved_comment(page, body="Also agreed.")
    reader = Client(REMOTE_ADDR="198.51.100.3")
    url = reverse("public_comments:report", args=[first.pk])
    assert reader.post(url, {"reason": "spam"}).status_code == 302
    response = reader.post(
        reverse("public_comments:report", args=[second.pk]),
        {"reason": "off_topic", "detail": "About buses, not markets."},
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert FROM_CONNECTION in html and TRY_AGAIN in html
    assert "About buses, not markets." in html
    assert not CommentReport.objects.filter(comment=second).exists()


def test_each_kind_of_form_counts_on_its_own(limits, django_capture_on_commit_callbacks):
    limits(per_ip=1)
    client = Client(REMOTE_ADDR="198.51.100.4")
    for name in ("join", "contact", "comments"):
        _scope, url, data, _typed, _stored = FORMS[name]()
        assert send(client, url, data, django_capture_on_commit_callbacks).status_code == 302


def test_one_kind_of_form_can_have_its_own_limit(limits, django_capture_on_commit_callbacks):
    limits(per_ip=1)
    limits(per_ip=3, form="join")
    client = Client(REMOTE_ADDR="198.51.100.5")
    _scope, url, data, _typed, stored = FORMS["join"]()
    codes = [
        send(client, url, data, django_capture_on_commit_callbacks).status_code for _ in "1234"
    ]
    assert codes == [302, 302, 302, 429]
    _scope, url, data, _typed, _stored = FORMS["contact"]()  # the limit for every form
    codes = [send(client, url, data, django_capture_on_commit_callbacks).status_code for _ in "12"]
    assert codes == [302, 429]


def settings_form(site_settings, **changes):
    """What the Site settings page sends, with `changes`."""
    data = {
        "tagline": site_settings.tagline,
        "house_rules_page": site_settings.house_rules_page_id or "",
        "privacy_page": site_settings.privacy_page_id or "",
        "about_page": site_settings.about_page_id or "",
        "contact_email": site_settings.contact_email,
        "min_fill_seconds": site_settings.min_fill_seconds,
        "rate_limit_per_ip": site_settings.rate_limit_per_ip,
        "rate_limit_per_email": site_settings.rate_limit_per_email,
        "form_rate_limits-TOTAL_FORMS": "0",
        "form_rate_limits-INITIAL_FORMS": "0",
        "form_rate_limits-MIN_NUM_FORMS": "0",
        "form_rate_limits-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_a_site_admin_sets_the_limits_on_the_site_settings_page(
    client, login, site_settings, django_capture_on_commit_callbacks
):
    login("admin")
    response = client.get(
        reverse("wagtailsettings:edit", args=["home", "sitesettings"]), follow=True
    )
    url = (
        response.redirect_chain[-1][0] if response.redirect_chain else response.request["PATH_INFO"]
    )
    page = response.content.decode()
    assert "Spam defences" in page and "forms per connection per hour" in page.lower()
    response = client.post(
        url,
        settings_form(
            site_settings,
            rate_limit_per_ip="5",
            **{
                "form_rate_limits-TOTAL_FORMS": "1",
                "form_rate_limits-0-form": "contact",
                "form_rate_limits-0-per_ip": "1",
                "form_rate_limits-0-per_email": "",
                "form_rate_limits-0-ORDER": "1",
            },
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SiteSettings.load().rate_limits_for("contact") == (1, 5)
    assert SiteSettings.load().rate_limits_for("join") == (5, 5)
    client.logout()
    resident = Client(REMOTE_ADDR="198.51.100.6")
    _scope, url, data, _typed, _stored = FORMS["contact"]()
    codes = [
        send(resident, url, data, django_capture_on_commit_callbacks).status_code for _ in "12"
    ]
    assert codes == [302, 429]


def test_the_fill_in_time_on_the_settings_page_holds_for_every_form(
    site_settings, django_capture_on_commit_callbacks
):
    site_settings.min_fill_seconds = 120  # the forms below were filled in in 60 seconds
    site_settings.save()
    for name in FORMS:
        _scope, url, data, typed, stored = FORMS[name]()
        response = send(Client(), url, data, django_capture_on_commit_callbacks)
        assert response.status_code == 400 if name == "comments" else 200
        assert "quicker than a person can type" in response.content.decode()
        assert stored() == 0


@pytest.mark.parametrize("username", ["moderator", "food-partnership-editor"])
def test_only_site_admins_change_the_limits(client, login, site_settings, username):
    login(username)
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site_settings.pk])
    client.post(url, settings_form(site_settings, rate_limit_per_ip="999"))
    assert SiteSettings.load().rate_limit_per_ip != 999


def test_a_clock_signed_under_the_old_comments_salt_still_counts():
    """Forms open in a browser across the upgrade keep working."""
    from django.core import signing

    from home.defences import unsign_started

    old = signing.Signer(salt="comments.form.started").sign(str(int((time.time() - 60) * 1000)))
    assert unsign_started(old) == pytest.approx(time.time() - 60, abs=5)
    assert unsign_started(old.replace(":", ":x")) is None


@pytest.mark.parametrize(
    ("setting", "count"), [("TRUSTED_PROXY_COUNT", 1), ("COMMENTS_PROXY_COUNT", 1)]
)
def test_the_client_address_is_read_behind_trusted_proxies(settings, rf, setting, count):
    """TRUSTED_PROXY_COUNT, or COMMENTS_PROXY_COUNT, its old name."""
    from home.defences import client_ip

    del settings.TRUSTED_PROXY_COUNT
    setattr(settings, setting, count)
    request = rf.post("/", HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.9")
    assert client_ip(request) == "198.51.100.9"
