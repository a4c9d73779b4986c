"""A network with a known data set for the health figures, and a way to add
more networks with the same data (for the query counts).

Time is fixed: NOW is Wednesday 17 June 2026, 12:00 UTC (13:00 in London).
The twelve weeks end at NOW minus 77, 70, ..., 7 and 0 days:

    week:  0     1     2      3      4      5     6      7      8      9     10     11
    ends:  1 Apr 8 Apr 15 Apr 22 Apr 29 Apr 6 May 13 May 20 May 27 May 3 Jun 10 Jun 17 Jun

The calendar month starts on 1 June 00:00 London time (31 May 23:00 UTC).
"""

import datetime
from dataclasses import dataclass

from django.utils.text import slugify

import pytest

from blog.models import BlogPostPage
from comments.models import Comment
from consultations.models import ConsultationPage
from consultations.responses import ConsultationSettings
from events.models import EventPage, Registration
from networks.models import JoinRequest, NetworkIndexPage, NetworkPage

NOW = datetime.datetime(2026, 6, 17, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@dataclass
class KnownNetwork:
    network: NetworkPage
    staff: object  # an editor of the network: their replies are staff replies
    moderator: object


def _comment(network, *, created, status="approved", decided=None, by=None, parent=None, **kw):
    comment = Comment.objects.create(
        page=network,
        parent=parent,
        name=kw.pop("name", "Resident"),
        email=kw.pop("email", "resident@example.org"),
        body="A comment.",
        status=status,
        **kw,
    )
    # created_at and decided_at as the data set says (save() would not keep them).
    Comment.objects.filter(pk=comment.pk).update(
        created_at=created, decided_at=decided, decided_by=by
    )
    return comment


def _publish(network, page, **dates):
    network.add_child(instance=page)
    page.save_revision().publish()
    if dates:
        type(page).objects.filter(pk=page.pk).update(**dates)
    return page


def build_known_network(title, user_factory):
    """Creates a network with the data set whose figures test_figures.py
    computes by hand; returns a KnownNetwork."""
    directory = NetworkIndexPage.objects.get(locale__language_code="en")
    network = NetworkPage(title=title, slug=slugify(title))
    directory.add_child(instance=network)
    network.save_revision().publish()
    network.refresh_from_db()
    slug = network.slug
    staff = user_factory(email=f"staff-{slug}@example.org")
    staff.groups.add(network.editors_group)
    moderator = user_factory(email=f"mod-{slug}@example.org")
    moderator.groups.add(network.moderators_group)

    # Decided by a moderator: waits of 1, 2, 4, 10 and 30 hours, decided in
    # the last week (one a day ago); 3 and 5 hours decided on 1 June
    # (week 9); 100 hours decided on 8 May (week 6, outside the 30 days).
    for wait in (1, 2, 4, 10, 30):
        decided = NOW - DAY
        _comment(
            network, created=decided - wait * HOUR, decided=decided, by=moderator, status="rejected"
        )
    for wait in (3, 5):
        decided = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)
        _comment(
            network, created=decided - wait * HOUR, decided=decided, by=moderator, status="rejected"
        )
    decided = datetime.datetime(2026, 5, 8, 12, tzinfo=datetime.UTC)
    _comment(network, created=decided - 100 * HOUR, decided=decided, by=moderator, status="spam")
    # A trusted commenter's automatic approval: no moderator's wait.
    _comment(network, created=NOW - HOUR, decided=NOW - HOUR, by=None)

    # Pending: 2 hours (within the 24-hour target), 30 hours and 10 days.
    for age in (2 * HOUR, 30 * HOUR, 10 * DAY):
        _comment(network, created=NOW - age, status="pending")

    # Approved top-level comments, and their replies.
    u1 = _comment(network, created=NOW - 10 * DAY)  # no reply
    u2 = _comment(network, created=NOW - 12 * DAY)
    _comment(network, created=NOW - 11 * DAY, parent=u2, email="neighbour@example.org")
    u3 = _comment(network, created=NOW - 14 * DAY)
    _comment(network, created=NOW - 13 * DAY, parent=u3, email=staff.email.upper())
    _comment(network, created=NOW - 3 * DAY)  # too recent to count
    u5 = _comment(network, created=NOW - 20 * DAY)
    _comment(network, created=NOW - 19 * DAY, parent=u5, email=staff.email, status="pending")
    _comment(network, created=NOW - 50 * DAY)  # before the window
    assert u1.pk

    # Posts: first published 2 June (this month) and 30 May (last month),
    # both in week 9; a draft.
    for n, published in enumerate(
        [
            datetime.datetime(2026, 6, 2, 10, tzinfo=datetime.UTC),
            datetime.datetime(2026, 5, 30, 10, tzinfo=datetime.UTC),
        ]
    ):
        post = BlogPostPage(title=f"Post {n} of {title}", slug=f"post-{n}", intro="News.")
        _publish(network, post, first_published_at=published)
    draft = BlogPostPage(title=f"Draft of {title}", slug="draft", intro="News.", live=False)
    network.add_child(instance=draft)
    BlogPostPage.objects.filter(pk=draft.pk).update(first_published_at=NOW - DAY)

    # Consultations: open now; closed 8 May with no outcome; closed 8 May
    # with its outcome published yesterday.
    def consultation(slug, opens, closes, outcome=None):
        page = ConsultationPage(
            title=f"{slug} of {title}", slug=slug, summary="S.", opens_at=opens, closes_at=closes
        )
        return _publish(
            network, page, opens_at=opens, closes_at=closes, outcome_published_at=outcome
        )

    consultation("open", NOW - 5 * DAY, NOW + 5 * DAY)
    consultation("overdue", NOW - 60 * DAY, NOW - 40 * DAY)
    consultation("answered", NOW - 60 * DAY, NOW - 40 * DAY, outcome=NOW - DAY)

    # Events: in 3 days; 14 days ago; cancelled; repeating weekly until
    # 30 days from now (started 100 days ago).
    def event(slug, start, **fields):
        page = EventPage(
            title=f"{slug} of {title}",
            slug=slug,
            summary="S.",
            start=start,
            end=start + 2 * HOUR,
            **fields,
        )
        return _publish(network, page, start=start, end=start + 2 * HOUR)

    soon = event("soon", NOW + 3 * DAY)
    event("past", NOW - 14 * DAY)
    event("cancelled", NOW + 5 * DAY, status=EventPage.Status.CANCELLED)
    event(
        "weekly",
        NOW - 100 * DAY,
        repeat=EventPage.Repeat.WEEKLY,
        repeat_until=(NOW + 30 * DAY).date(),
    )
    for n, (made, status) in enumerate(
        [(NOW - DAY, "confirmed"), (NOW - 2 * DAY, "cancelled"), (NOW - 18 * DAY, "waiting")]
    ):
        registration = Registration.objects.create(
            event=soon, name="Registrant", email=f"r{n}@example.org", status=status, position=n
        )
        Registration.objects.filter(pk=registration.pk).update(created_at=made)

    # Join requests: waiting since 3 days and an hour; one accepted on 7
    # June after waiting since 28 May.
    for age in (3 * DAY, HOUR):
        request = JoinRequest.objects.create(network=network, name="Joiner", email="j@example.org")
        JoinRequest.objects.filter(pk=request.pk).update(created_at=NOW - age)
    JoinRequest.objects.create(
        network=network,
        name="Joined",
        email="k@example.org",
        status="accepted",
        created_at=NOW - 20 * DAY,
        decided_at=NOW - 10 * DAY,
    )
    return KnownNetwork(network, staff, moderator)


@pytest.fixture
def known(demo, user_factory):
    # The consultations' settings row exists on a running site (the first
    # load creates it): create it here, so query counts are the site's.
    ConsultationSettings.load()
    return build_known_network("Known Network", user_factory)


@pytest.fixture
def more_networks(demo, user_factory):
    """Returns a function that adds `n` more networks with the same data."""

    def _more(n):
        return [build_known_network(f"Known Network {i}", user_factory) for i in range(n)]

    return _more
