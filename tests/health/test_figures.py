"""The health figures on a known data set (tests/health/conftest.py), each
checked against a value worked out by hand, and the fixed query count."""

import datetime

import pytest

from health.figures import median, network_health, percentile_90
from networks.models import NetworkPage
from tests.health.conftest import NOW, _comment

pytestmark = pytest.mark.django_db

NONE = [None] * 12


def figures_of(network):
    (health,) = network_health(NetworkPage.objects.filter(pk=network.pk), now=NOW)
    return health.figures


def test_median_and_90th_percentile_by_hand():
    # Sorted 1, 2, 4, 10, 30: the middle one is 4; 90 % of 5 is 4.5, so the
    # nearest rank is the 5th: 30.
    assert median([30, 1, 10, 2, 4]) == 4
    assert percentile_90([30, 1, 10, 2, 4]) == 30
    # Ten waits of 1..10 hours: median (5 + 6) / 2 = 5.5; rank ceil(9.0) = 9th: 9.
    assert median(list(range(1, 11))) == 5.5
    assert percentile_90(list(range(1, 11))) == 9
    assert median([]) is None and percentile_90([]) is None


def test_waiting_times(known):
    figures = figures_of(known.network)
    # Last 30 days (since 18 May): 1, 2, 4, 10, 30 and 3, 5 hours; the
    # 100 hours of 8 May and the automatic approval are left out.
    # Sorted 1 2 3 4 5 10 30: median the 4th, 4; p90 rank ceil(6.3) = 7th, 30.
    assert figures["wait_median"].value == 4
    assert figures["wait_p90"].value == 30
    # Weeks: 100 h in week 6; 3 and 5 h in week 9 (median (3 + 5) / 2 = 4,
    # p90 rank ceil(1.8) = 2nd, 5); 1 2 4 10 30 h in week 11.
    assert figures["wait_median"].weeks == [None] * 6 + [100, None, None, 4, None, 4]
    assert figures["wait_p90"].weeks == [None] * 6 + [100, None, None, 5, None, 30]


def test_pending_and_past_the_target(known):
    figures = figures_of(known.network)
    # Pending now: posted 2 h, 30 h and 10 days ago, and the staff's reply
    # of 19 days ago (held like any comment); all but the first past 24 h.
    assert figures["pending"].value == 4
    assert figures["past_target"].value == 3
    # The 100-hour comment (posted 4 May 08:00, decided 8 May) was pending at
    # the end of week 5 (6 May 12:00) and past the target then; the reply
    # (posted 29 May) from week 9 on; the 10-day one (posted 7 June) from
    # week 10 on, past the target at once (10 June is 3 days later).
    assert figures["pending"].weeks == [0] * 5 + [1, 0, 0, 0, 1, 2, 4]
    assert figures["past_target"].weeks == [0] * 5 + [1, 0, 0, 0, 1, 2, 3]


def test_past_the_target_follows_the_networks_own_target_and_the_site_default(known):
    from comments.models import CommentSettings

    # A 48-hour network target: of the pending comments (2 h, 30 h, 10 days
    # and 19 days old) only the last two are past it.
    NetworkPage.objects.filter(pk=known.network.pk).update(moderation_target_hours=48)
    assert figures_of(known.network)["past_target"].value == 2
    # No target of its own: the site default, here 1 hour: all four.
    NetworkPage.objects.filter(pk=known.network.pk).update(moderation_target_hours=None)
    settings = CommentSettings.load()
    settings.moderation_target_hours = 1
    settings.save()
    assert figures_of(known.network)["past_target"].value == 4


def test_unanswered_comments(known):
    figures = figures_of(known.network)
    # Posted 10 and 12 days ago (the second answered by a resident only) and
    # 20 days ago (the staff's reply still pending): 3. The one answered by
    # the staff (email in other letters) does not count, nor the 3-day-old
    # one, nor the 50-day-old one (before the window).
    assert figures["unanswered"].value == 3
    # The 50-day-old one (28 April) counted at the ends of weeks 5 to 9
    # (7 to 37 days after it); the 20-day-old one (28 May) in weeks 10 and 11.
    assert figures["unanswered"].weeks == [0] * 5 + [1, 1, 1, 1, 1, 1, 3]


def test_posts_consultations_events_registrations_and_join_requests(known):
    figures = figures_of(known.network)
    # Posts: 2 June is this month, 30 May is not; both in week 9; drafts never.
    assert figures["posts_month"].value == 1
    assert figures["posts_month"].weeks == [0] * 9 + [2, 0, 0]
    # Consultations: one open now (since 12 June); two open 18 April - 8 May
    # (weeks 3-5). Overdue from 5 June (28 days after closing): both at the
    # end of week 10, only the one still without an outcome now.
    assert figures["consultations_open"].value == 1
    assert figures["consultations_open"].weeks == [0, 0, 0, 2, 2, 2, 0, 0, 0, 0, 0, 1]
    assert figures["outcomes_overdue"].value == 1
    assert figures["outcomes_overdue"].weeks == [0] * 10 + [2, 1]
    # Events: the one in 3 days and the weekly one always; the one of 3 June
    # until the end of week 8; never the cancelled one.
    assert figures["events_upcoming"].value == 2
    assert figures["events_upcoming"].weeks == [3] * 9 + [2, 2, 2]
    # Registrations: yesterday's (this month, week 11) and 30 May's waiting
    # one (week 9); not the cancelled one.
    assert figures["registrations_month"].value == 1
    assert figures["registrations_month"].weeks == [0] * 9 + [1, 0, 1]
    # Join requests: two waiting now; the accepted one waited 28 May - 7 June.
    assert figures["join_requests"].value == 2
    assert figures["join_requests"].weeks == [0] * 9 + [1, 0, 2]


def test_a_network_with_nothing_yet_has_zeros_and_no_waiting_times(demo):
    from networks.models import NetworkIndexPage

    directory = NetworkIndexPage.objects.get(locale__language_code="en")
    empty = NetworkPage(title="Empty Network", slug="empty-network")
    directory.add_child(instance=empty)
    figures = figures_of(empty)
    assert figures["wait_median"].value is None and figures["wait_median"].weeks == NONE
    assert figures["wait_p90"].value is None
    counts = [key for key in figures if not figures[key].measure.hours]
    assert all(figures[key].value == 0 and figures[key].weeks == [0] * 12 for key in counts)


def test_a_wait_is_exact_to_the_microsecond(demo, user_factory):
    # Posted at 09:00:00.999999, decided at 10:00:00.000001 (the 1st of June):
    # 3,599.000002 seconds, not a second more or less (a database rounding
    # the fractions, or dropping them, would say 1 hour or 3,599 seconds).
    from networks.models import NetworkIndexPage

    directory = NetworkIndexPage.objects.get(locale__language_code="en")
    network = NetworkPage(title="Exact Network", slug="exact-network")
    directory.add_child(instance=network)
    decided = datetime.datetime(2026, 6, 1, 10, 0, 0, 1, tzinfo=datetime.UTC)
    created = datetime.datetime(2026, 6, 1, 9, 0, 0, 999999, tzinfo=datetime.UTC)
    _comment(network, created=created, decided=decided, by=user_factory(), status="approved")
    figures = figures_of(network)
    assert figures["wait_median"].value == 3599.000002 / 3600
    assert figures["wait_p90"].weeks[9] == 3599.000002 / 3600


def test_a_staff_reply_counts_whatever_the_letters_of_the_address(demo, user_factory):
    # The editor is zoë@…; a reply from ZOË@… is theirs, as Python lowers
    # letters (SQLite's LOWER would leave the Ë alone).
    from networks.models import NetworkIndexPage

    directory = NetworkIndexPage.objects.get(locale__language_code="en")
    network = NetworkPage(title="Letters Network", slug="letters-network")
    directory.add_child(instance=network)
    network.save_revision().publish()
    network.refresh_from_db()
    user_factory(email="zoë@example.org").groups.add(network.editors_group)
    day = datetime.timedelta(days=1)
    answered = _comment(network, created=NOW - 10 * day)
    _comment(network, created=NOW - 9 * day, parent=answered, email="ZOË@EXAMPLE.ORG")
    _comment(network, created=NOW - 11 * day)
    assert figures_of(network)["unanswered"].value == 1


#: The comment figures (4), the networks and their moderation targets with the
#: site default (2), and the pages, events, registrations and join requests.
QUERIES = 16


@pytest.mark.parametrize("networks", [1, 3])
def test_the_figures_take_a_fixed_number_of_queries(
    known, more_networks, networks, django_assert_num_queries
):
    more_networks(networks - 1)
    asked = NetworkPage.objects.filter(slug__startswith="known-network")
    with django_assert_num_queries(QUERIES):
        found = network_health(asked, now=NOW)
    assert len(found) == networks
    assert all(health.value("pending") == 4 for health in found)


def test_every_network_at_once_takes_the_same_queries(known, django_assert_num_queries):
    with django_assert_num_queries(QUERIES):
        found = network_health(now=NOW)
    assert len(found) == NetworkPage.objects.values("translation_key").distinct().count()
