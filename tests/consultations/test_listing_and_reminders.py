"""The index (order, filters, constant queries, feeds), the sections on the
network and home pages, the reminder of overdue outcomes (once), the
dashboard panel, and privacy export and erasure."""

import datetime
import io

from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from consultations.models import ConsultationPage, ConsultationResponse, Status
from tests.consultations.conftest import answers

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def index_queries(client, url="/consultations/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_index_orders_by_status_then_date(client, demo):
    _count, html = index_queries(client)
    order = [
        "Your ideas:",  # open, closing soonest
        "Should we become a co-operative?",  # open, closing later
        "Which open source tools",  # upcoming
        "Our growing season plans",  # results published
        "Opening hours of the wellbeing hub",  # closed awaiting results
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert "closes in 3 days" in html and "Results published" in html


def test_the_index_filters_by_network_status_and_tag(client, demo):
    _count, html = index_queries(client, "/consultations/?network=digital-practitioners")
    assert "Which open source tools" in html and "Should we become a co-operative?" not in html
    _count, html = index_queries(client, "/consultations/?status=upcoming")
    assert "Which open source tools" in html and "Our growing season plans" not in html
    _count, html = index_queries(client, "/consultations/?tag=co-operative")
    assert "Should we become a co-operative?" in html and "Your ideas:" not in html
    assert client.get("/consultations/?status=nonsense").status_code == 404


def warm_queries(client):
    """Returns the index's query count once the caches a first visit fills
    (site root paths, settings) are warm."""
    index_queries(client)
    return index_queries(client)[0]


def test_the_index_runs_the_same_queries_whatever_the_number(client, make_consultation, now):
    before = warm_queries(client)
    for n in range(4):
        page = make_consultation(
            opens_at=now - DAY, closes_at=now + (n + 1) * DAY, slug=f"more-{n}"
        )
        page.tags.add(f"tag-{n}")
        page.save_revision().publish()
    after = warm_queries(client)
    assert after == before


def test_feeds_are_discoverable_and_list_consultations(client, demo):
    html = client.get("/consultations/").content.decode()
    assert 'type="application/rss+xml" href="/consultations/feed/rss/"' in html
    network_html = client.get("/networks/food-partnership/").content.decode()
    assert 'href="/consultations/feed/rss/?network=food-partnership"' in network_html
    feed = client.get("/consultations/feed/rss/?network=food-partnership").content.decode()
    assert "Should we become a co-operative? Tell us why not (Open)" in feed
    assert "How we share what we learn" not in feed
    assert client.get("/consultations/feed/atom/").status_code == 200


def test_network_and_home_pages_show_open_consultations_and_outcomes(client, demo):
    network_html = client.get("/networks/food-partnership/").content.decode()
    assert "Open consultations" in network_html
    assert "Should we become a co-operative?" in network_html
    assert "What we did with your answers" in network_html
    assert "How we share what we learn" not in network_html  # another network's
    home_html = client.get("/").content.decode()
    assert "Should we become a co-operative?" in home_html and "Your ideas:" in home_html


def test_the_overdue_outcome_reminder_goes_once_to_the_networks_editors(demo, login, client):
    from consultations.tasks import remind_overdue_outcomes

    mail.outbox.clear()
    assert remind_overdue_outcomes.call() == 1
    recipients = {address for message in mail.outbox for address in message.to}
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="health-wellbeing-editor")
    assert editor.email in recipients
    other = get_user_model().objects.get(username="food-partnership-editor")
    assert other.email not in recipients
    assert all("Opening hours of the wellbeing hub" in m.subject for m in mail.outbox)
    for message in mail.outbox:  # plain text and HTML, each with the absolute admin link
        edit = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/pages/"
        html, kind = message.alternatives[0]
        assert kind == "text/html" and edit in message.body and f'href="{edit}' in html
        assert "has no outcome yet" in message.body and "has no outcome yet" in html
    sent = len(mail.outbox)
    assert remind_overdue_outcomes.call() == 0 and len(mail.outbox) == sent
    login("health-wellbeing-editor")
    dashboard = client.get("/admin/").content.decode()
    assert "Consultations waiting for their outcome" in dashboard
    assert "Opening hours of the wellbeing hub" in dashboard
    login("food-partnership-editor")
    assert "Opening hours of the wellbeing hub" not in client.get("/admin/").content.decode()


def test_privacy_export_and_erasure_keep_the_answers(client, make_consultation, now):
    # The site-wide privacy requests (home.privacy) include consultations.
    from home.privacy import erase_personal_data, export_personal_data

    page = make_consultation(opens_at=now - DAY, closes_at=now + DAY)
    client.post(page.url, answers(respondent_email="Erase.Me@example.org"))
    client.post(page.url, answers(respondent_email="someone.else@example.org"))
    exported = export_personal_data("erase.me@example.org")["consultations"]
    assert [item["email"] for item in exported] == ["Erase.Me@example.org"]
    assert exported[0]["consultation"] == page.title
    assert exported[0]["answers"]["which_colour"] == "Green"
    assert erase_personal_data("erase.me@example.org")["consultations"] == 1
    erased = ConsultationResponse.objects.get(page=page, erased_at__isnull=False)
    assert erased.email == "" and erased.name == ""
    assert erased.form_data["which_colour"] == "Green"  # the answers stay in the results
    assert export_personal_data("erase.me@example.org")["consultations"] == []
    other = ConsultationResponse.objects.get(page=page, erased_at__isnull=True)
    assert other.email == "someone.else@example.org"  # nobody else's is touched


def test_names_and_emails_are_erased_once_kept_past_the_outcome(client, make_consultation, now):
    from django.core.management import call_command

    from consultations.responses import ConsultationSettings

    old = make_consultation(opens_at=now - DAY, closes_at=now + DAY, slug="old-outcome")
    recent = make_consultation(opens_at=now - DAY, closes_at=now + DAY, slug="recent-outcome")
    for page in (old, recent):
        client.post(page.url, answers(respondent_email="kept.a.while@example.org"))
    ConsultationPage.objects.filter(pk=old.pk).update(outcome_published_at=now - 31 * DAY)
    ConsultationPage.objects.filter(pk=recent.pk).update(outcome_published_at=now - 29 * DAY)
    call_command("erase_expired_consultation_details", stdout=io.StringIO())
    # Nothing is erased while the setting is blank (keep them).
    assert ConsultationResponse.objects.get(page=old).email == "kept.a.while@example.org"
    settings = ConsultationSettings.load()
    settings.keep_raw_responses_days = 30
    settings.save()
    out = io.StringIO()
    call_command("erase_expired_consultation_details", stdout=out)
    assert "from 1 consultation responses" in out.getvalue()
    erased = ConsultationResponse.objects.get(page=old)
    assert erased.email == "" and erased.name == "" and erased.erased_at
    assert erased.form_data["which_colour"] == "Green"  # the answers are kept
    assert ConsultationResponse.objects.get(page=recent).email == "kept.a.while@example.org"


def test_status_is_one_rule_in_python_and_in_the_database(make_consultation, now):
    page = make_consultation(opens_at=now + DAY, closes_at=now + 2 * DAY)
    for moment, status in [
        (now, Status.UPCOMING),
        (now + DAY, Status.OPEN),
        (now + 2 * DAY, Status.CLOSED),
    ]:
        assert page.status_at(moment) == status
        assert ConsultationPage.objects.in_status(status, moment).filter(pk=page.pk).exists()
