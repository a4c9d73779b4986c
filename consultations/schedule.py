"""A consultation's status, from its dates and its outcome: the one rule
that the page, every card, the admin, the feeds and the JSON-LD ask."""

import zoneinfo

from django.db import models
from django.utils.translation import gettext_lazy as _

LONDON = zoneinfo.ZoneInfo("Europe/London")


class Status(models.TextChoices):
    """Where a consultation is in its life. The labels are the public words."""

    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")
    RESULTS_PUBLISHED = "results_published", _("Results published")


#: The index's order: open first, then upcoming, then closed with results,
#: then closed awaiting results.
STATUS_RANK = {
    Status.OPEN: 0,
    Status.UPCOMING: 1,
    Status.RESULTS_PUBLISHED: 2,
    Status.CLOSED: 3,
}
STATUS_OF_RANK = {rank: status for status, rank in STATUS_RANK.items()}


def status_at(opens_at, closes_at, outcome_published_at, now):
    """Returns the Status of a consultation with these dates at `now`. Open
    means opens_at <= now < closes_at: the closing second itself is closed.
    Results count as published only once the consultation has closed."""
    if now >= closes_at and outcome_published_at is not None and outcome_published_at <= now:
        return Status.RESULTS_PUBLISHED
    if now < opens_at:
        return Status.UPCOMING
    if now < closes_at:
        return Status.OPEN
    return Status.CLOSED
