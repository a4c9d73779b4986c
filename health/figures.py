"""The health figures of every network, computed together in a fixed number
of queries (fourteen, whatever the number of networks, comments, pages or
registrations). The comments, the bulk of the data, are counted by the
database, grouped by network (and by week posted and decided for the
pending ones); only their waits are fetched, shortest first, and the staff's
replies to the unanswered ones. The pages fetch only the columns the figures
need and are counted in Python, grouped by network.

A network is all its translations (one `translation_key`); each figure is
its value now and its value for each of the last twelve weeks (the bars of
its chart, oldest first, the last week ending now). What each one counts:

- `wait_median`, `wait_p90`: hours from a comment's posting (`created_at`)
  to a moderator's decision (`decided_at`), over the decisions of the last 30
  days; each week's bar over that week's decisions. Only decisions a person
  made count (`decided_by` set): a trusted commenter's automatic approval or
  an automatic hide after reports is no moderator's wait. `decided_at` is the
  comment's latest decision, so a comment approved and later hidden counts
  at the time it was hidden. Median: the middle value (the mean of the two
  middle ones for an even count); 90th percentile: the nearest rank, the
  smallest wait that at least 90 % of the waits do not exceed.
- `pending`: comments pending now (a bar: pending at the end of that week,
  that is posted by then and not decided by then).
- `past_target`: of those, the ones posted longer ago than the network's
  moderation target.
- `unanswered`: approved top-level comments posted in the 30 days before
  the last 7, with no reply from the network's staff (yet). A staff reply is
  a reply to the comment, approved, from an email address of someone who
  edits or moderates the network, or of a site admin
  (`networks.permissions.staff_emails_by_network`). Each bar: the same
  count as it stood at the end of that week.
- `posts_month`: blog posts first published this calendar month (UK time),
  each post once whatever its languages; bars: posts first published in
  that week.
- `consultations_open`: live consultations taking answers; bars: open at the
  end of the week.
- `outcomes_overdue`: live consultations closed longer ago than the site's
  "outcome overdue after (days)" setting with no outcome published.
- `events_upcoming`: live, not cancelled events that start later, and
  repeating events whose last date (`repeat until`, when set) is still to
  come.
- `registrations_month`: registrations made this calendar month and not
  cancelled; bars: made in that week.
- `join_requests`: join requests waiting for a decision.
"""

import datetime
import math
import statistics
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.conf import settings
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    Count,
    Func,
    IntegerField,
    Q,
    Value,
    When,
)
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant

from blog.models import BlogPostPage
from comments.escalation import ModerationTargets
from comments.models import Comment
from consultations.models import ConsultationPage
from consultations.responses import ConsultationSettings
from events.models import EventPage, Registration
from networks.models import JoinRequest, NetworkPage
from networks.permissions import networks_for_pages, staff_emails_by_network

WEEKS = 12
WEEK = datetime.timedelta(days=7)
WAIT_WINDOW = datetime.timedelta(days=30)
UNANSWERED_AFTER = datetime.timedelta(days=7)
UNANSWERED_WINDOW = datetime.timedelta(days=30)


def moderation_target(targets, network):
    """Returns how long a comment of `network` may wait before it is past
    the network's moderation target (a timedelta), by the rule escalation
    uses (`comments.escalation.ModerationTargets`, read once: the network's
    own target, else the site default of Settings > Comment settings)."""
    return datetime.timedelta(hours=targets.hours_for(network.pk))


@dataclass(frozen=True)
class Measure:
    """One health figure's name and label; `hours` for the waiting times."""

    key: str
    label: str
    hours: bool = False


MEASURES = [
    Measure("wait_median", _("Median time to a decision (hours, last 30 days)"), hours=True),
    Measure("wait_p90", _("90th percentile time to a decision (hours, last 30 days)"), hours=True),
    Measure("pending", _("Comments pending")),
    Measure("past_target", _("Comments pending past the moderation target")),
    Measure("unanswered", _("Comments unanswered by staff after 7 days")),
    Measure("posts_month", _("Posts published this month")),
    Measure("consultations_open", _("Consultations open")),
    Measure("outcomes_overdue", _("Consultation outcomes overdue")),
    Measure("events_upcoming", _("Events upcoming")),
    Measure("registrations_month", _("Event registrations this month")),
    Measure("join_requests", _("Join requests waiting")),
]
MEASURE_KEYS = [measure.key for measure in MEASURES]


@dataclass
class Figure:
    """A figure now, and its twelve weekly bars (oldest first)."""

    measure: Measure
    value: float | int | None
    weeks: list = field(default_factory=list)


@dataclass
class NetworkHealth:
    """One network's figures: `network` is its page in the default language
    (or its first translation), `figures` {key: Figure} in MEASURES' order."""

    network: NetworkPage
    figures: dict

    def value(self, key):
        return self.figures[key].value


def median(values):
    """Returns the median of `values` (None when there are none)."""
    return statistics.median(values) if values else None


def percentile_90(values):
    """Returns the nearest-rank 90th percentile of `values`: the smallest
    value that at least 90 % of them do not exceed (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]


def week_ends(now):
    """Returns the ends of the last twelve weeks, oldest first; the last is `now`."""
    return [now - WEEK * (WEEKS - 1 - i) for i in range(WEEKS)]


def month_start(now):
    """Returns the first moment of `now`'s calendar month, UK time."""
    local = timezone.localtime(now)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _pending_at(created, decided, moment):
    return created <= moment and (decided is None or decided > moment)


def _in_week(moment, end):
    return end - WEEK < moment <= end


def _one_per_network(networks):
    """Returns {translation_key: the network's page to show}: the default
    language's where there is one."""
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    chosen = {}
    for network in sorted(networks, key=lambda n: (n.locale.language_code != default, n.pk)):
        chosen.setdefault(network.translation_key, network)
    return chosen


def _network_keys(pages):
    """Returns {page pk: network translation_key or None} (one query)."""
    return {
        pk: network.translation_key if network is not None else None
        for pk, network in networks_for_pages(pages).items()
    }


def network_health(networks=None, now=None):
    """Returns a NetworkHealth for each network of `networks` (a NetworkPage
    queryset, any languages; every network when None), in the order of
    their titles, in fourteen queries whatever the amount of data."""
    now = now or timezone.now()
    ends = week_ends(now)
    since = ends[0] - WEEK  # the start of the oldest week
    this_month = month_start(now)
    counted_from = min(since, this_month)
    networks = NetworkPage.objects.all() if networks is None else networks
    # Every translation of the networks asked for: a network is all of them.
    all_versions = list(
        NetworkPage.objects.filter(translation_key__in=networks.values("translation_key"))
        .select_related("locale")
        .only(
            "pk",
            "path",
            "depth",
            "title",
            "slug",
            "locale__language_code",
            "translation_key",
            "url_path",
        )
    )
    shown = _one_per_network(all_versions)
    series = {key: {m: [] for m in MEASURE_KEYS} for key in shown}
    values = {key: dict.fromkeys(MEASURE_KEYS) for key in shown}

    _comment_figures(shown, all_versions, ends, since, now, series, values)
    _page_figures(shown, ends, since, counted_from, this_month, now, series, values)
    _join_request_figures(shown, ends, since, now, series, values)

    results = [
        NetworkHealth(
            network=network,
            figures={m.key: Figure(m, values[key][m.key], series[key][m.key]) for m in MEASURES},
        )
        for key, network in shown.items()
    ]
    return sorted(results, key=lambda health: (health.network.title.lower(), health.network.pk))


def _comment_figures(shown, all_versions, ends, since, now, series, values):
    """Waits, pending, past target and unanswered: four queries for the
    comments, each counted or ordered by the database and grouped by
    network, and two for the staff's addresses."""
    key_of = {network.pk: network.translation_key for network in all_versions}
    comments = Comment.objects.filter(network_id__in=list(key_of)).order_by()
    _wait_figures(shown, comments, key_of, ends, since, now, series, values)
    _pending_figures(shown, comments, key_of, ends, since, series, values)
    _unanswered_figures(shown, comments, key_of, all_versions, ends, now, series, values)


def _week_of(moment, ends):
    """Returns an expression: the index in `ends` of the week the field
    `moment` falls in (None outside the twelve weeks)."""
    weeks = [
        When(**{f"{moment}__gt": end - WEEK, f"{moment}__lte": end}, then=Value(i))
        for i, end in enumerate(ends)
    ]
    return Case(*weeks, default=None, output_field=IntegerField())


def _per_network(rows, key_of, shown, names):
    """Returns {translation_key: [sum of each of `names`]} from `rows`
    (dicts with a `network_id`), adding up a network's translations."""
    totals = {key: [0] * len(names) for key in shown}
    for row in rows:
        found = totals.get(key_of[row["network_id"]])
        if found is not None:
            for i, name in enumerate(names):
                found[i] += row[name]
    return totals


class WaitMicroseconds(Func):
    """A comment's wait, from its posting to its decision, in whole
    microseconds, computed by the database itself (SQLite would otherwise
    call back into Python for each row to subtract two datetimes). Exact on
    both databases the site runs on: SQLite keeps a datetime as text, its
    whole seconds in the first 19 characters (strftime alone would round
    the fraction) and its microseconds after the 20th; PostgreSQL's epoch
    of an interval is an exact numeric."""

    arity = 0
    output_field = BigIntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        sql = (
            "((CAST(strftime('%%s', substr(decided_at, 1, 19)) AS INTEGER)"
            " - CAST(strftime('%%s', substr(created_at, 1, 19)) AS INTEGER)) * 1000000"
            " + CAST(substr(decided_at, 21) AS INTEGER) - CAST(substr(created_at, 21) AS INTEGER))"
        )
        return self._columns(sql, compiler)

    def as_sql(self, compiler, connection, **extra_context):
        sql = "CAST(EXTRACT(EPOCH FROM (decided_at - created_at)) * 1000000 AS BIGINT)"
        return self._columns(sql, compiler)

    def _columns(self, sql, compiler):
        table = compiler.quote_name_unless_alias(Comment._meta.db_table)
        for column in ("decided_at", "created_at"):
            sql = sql.replace(column, f"{table}.{compiler.quote_name_unless_alias(column)}")
        return sql, []


def _wait_figures(shown, comments, key_of, ends, since, now, series, values):
    """Waiting times: one query fetching the waits only, shortest first,
    each with its network, its week and whether in the last 30 days."""
    waits = {key: ([], [[] for _end in ends]) for key in shown}
    rows = (
        comments.filter(decided_at__gt=since, decided_by__isnull=False)
        .annotate(
            wait=WaitMicroseconds(),
            week=_week_of("decided_at", ends),
            recent=Case(
                When(decided_at__gt=now - WAIT_WINDOW, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .values_list("network_id", "week", "recent", "wait")
        .order_by("wait")
    )
    for network_id, week, recent, wait in rows:
        found = waits.get(key_of[network_id])
        if found is None:
            continue
        hours = wait / 10**6 / 3600  # as timedelta.total_seconds() / 3600
        if recent:
            found[0].append(hours)
        if week is not None:
            found[1][week].append(hours)
    for key, (recent, weeks) in waits.items():
        values[key]["wait_median"] = median(recent)
        values[key]["wait_p90"] = percentile_90(recent)
        series[key]["wait_median"] = [median(week) for week in weeks]
        series[key]["wait_p90"] = [percentile_90(week) for week in weeks]


def _pending_figures(shown, comments, key_of, ends, since, series, values):
    """Pending and past the target at the end of each week: one query
    counting the comments per network and per week posted, decided and past
    each target (see `_weeks_until`); a comment is pending at the end of
    week i when it was posted by then and decided after (or not yet). A
    comment decided with no time recorded was never pending."""
    network_targets = ModerationTargets.load()
    targets = sorted({moderation_target(network_targets, network) for network in shown.values()})
    weeks = {
        "posted": _weeks_until("created_at", ends),
        "decided": _weeks_until("decided_at", ends),
        **{
            f"past_{t}": _weeks_until("created_at", ends, target)
            for t, target in enumerate(targets)
        },
    }
    rows = (
        comments.filter(Q(status=Comment.Status.PENDING) | Q(decided_at__gt=since))
        .values("network_id", **weeks)
        .annotate(count=Count("pk"))
        .order_by()
    )
    pending = {key: [0] * len(ends) for key in shown}
    past = {key: [0] * len(ends) for key in shown}
    for row in rows:
        key = key_of[row["network_id"]]
        if key not in shown:
            continue
        past_from = row[f"past_{targets.index(moderation_target(network_targets, shown[key]))}"]
        for i in range(row["posted"], row["decided"]):
            pending[key][i] += row["count"]
            if i >= past_from:
                past[key][i] += row["count"]
    for key in shown:
        series[key]["pending"] = pending[key]
        series[key]["past_target"] = past[key]
        values[key]["pending"] = pending[key][-1]
        values[key]["past_target"] = past[key][-1]


def _weeks_until(moment, ends, before=datetime.timedelta(0)):
    """Returns an expression: the first week i whose end, less `before`, is
    not earlier than the field `moment` (so `moment <= ends[i] - before`
    from week i on); len(ends) when none is, or when `moment` is null."""
    weeks = [When(**{f"{moment}__lte": end - before}, then=Value(i)) for i, end in enumerate(ends)]
    return Case(*weeks, default=Value(len(ends)), output_field=IntegerField())


def _unanswered_figures(shown, comments, key_of, all_versions, ends, now, series, values):
    """Unanswered: one query counting each week's candidates per network,
    one fetching the staff's replies to them (the candidates a staff reply
    has answered by the end of a week are taken off that week's count)."""
    oldest = ends[0] - UNANSWERED_AFTER - UNANSWERED_WINDOW
    candidates = comments.filter(
        status=Comment.Status.APPROVED,
        parent__isnull=True,
        created_at__gt=oldest,
        created_at__lte=now - UNANSWERED_AFTER,
    )

    def window(end):
        return Q(
            created_at__gt=end - UNANSWERED_AFTER - UNANSWERED_WINDOW,
            created_at__lte=end - UNANSWERED_AFTER,
        )

    counts = {f"week_{i}": Count("pk", filter=window(end)) for i, end in enumerate(ends)}
    rows = candidates.values("network_id").annotate(**counts).order_by()
    totals = _per_network(rows, key_of, shown, list(counts))

    staff = staff_emails_by_network(all_versions)
    everyone = sorted(set().union(*staff.values()))
    first_staff_reply = {}
    replies = (
        Comment.objects.filter(parent__in=candidates, status=Comment.Status.APPROVED)
        .annotate(email_lower=Lower("email"))
        # Only the replies that may be the staff's; SQLite lowers ASCII letters
        # only, so an address with any other character is fetched and lowered here.
        .filter(Q(email_lower__in=everyone) | Q(email__regex="[^ -~]"))
        .values_list("parent_id", "parent__network_id", "parent__created_at", "email", "created_at")
        .order_by()
    )
    for parent_id, network_id, parent_created, email, created in replies:
        key = key_of[network_id]
        if email.lower() in staff.get(key, ()):
            previous = first_staff_reply.get(parent_id)
            if previous is None or created < previous[2]:
                first_staff_reply[parent_id] = (key, parent_created, created)
    for key, replied_parent_created, replied in first_staff_reply.values():
        if key not in totals:
            continue
        for i, end in enumerate(ends):
            in_window = (
                end - UNANSWERED_AFTER - UNANSWERED_WINDOW
                < replied_parent_created
                <= end - UNANSWERED_AFTER
            )
            if in_window and replied <= end:
                totals[key][i] -= 1
    for key, found in totals.items():
        series[key]["unanswered"] = found
        values[key]["unanswered"] = found[-1]


def _page_figures(shown, ends, since, counted_from, this_month, now, series, values):
    """Posts, consultations, events and registrations: one query each, one
    for the consultations' setting, one for the networks of all the pages."""
    posts = list(
        BlogPostPage.objects.live()
        .filter(first_published_at__gt=counted_from)
        .only("pk", "path", "depth", "translation_key", "first_published_at")
        .order_by()
    )
    overdue_days = datetime.timedelta(days=ConsultationSettings.load().outcome_overdue_days)
    consultations = list(
        ConsultationPage.objects.live()
        .filter(opens_at__lte=now)
        .filter(
            Q(closes_at__gt=since)
            | Q(outcome_published_at__isnull=True)
            | Q(outcome_published_at__gt=since)
        )
        .only(
            "pk",
            "path",
            "depth",
            "translation_key",
            "opens_at",
            "closes_at",
            "outcome_published_at",
        )
        .order_by()
    )
    events = list(
        EventPage.objects.live()
        .exclude(status=EventPage.Status.CANCELLED)
        .filter(Q(start__gt=since) | ~Q(repeat=""))
        .only("pk", "path", "depth", "translation_key", "start", "repeat", "repeat_until")
        .order_by()
    )
    registrations = list(
        Registration.objects.active()
        .filter(created_at__gt=counted_from)
        .values_list("event_id", "event__path", "event__depth", "created_at")
        .order_by()
    )
    registered_events = [
        SimpleNamespace(pk=event_id, path=path, depth=depth)
        for event_id, path, depth, _created in registrations
    ]
    network_of = _network_keys([*posts, *consultations, *events, *registered_events])

    def each(pages, key_of=lambda page: network_of[page.pk]):
        grouped = {key: [] for key in shown}
        for page in pages:
            key = key_of(page)
            if key in grouped:
                grouped[key].append(page)
        return grouped

    # Posts: each once, at its earliest first publication in any language.
    for key, pages in each(posts).items():
        first = {}
        for page in pages:
            previous = first.get(page.translation_key)
            first[page.translation_key] = min(page.first_published_at, previous or now)
        published = list(first.values())
        values[key]["posts_month"] = sum(moment >= this_month for moment in published)
        series[key]["posts_month"] = [sum(_in_week(m, end) for m in published) for end in ends]

    # Consultations and events: each once, in any one of its languages.
    for key, pages in each(consultations).items():
        pages = list({page.translation_key: page for page in pages}.values())
        for end in ends:
            series[key]["consultations_open"].append(
                sum(page.opens_at <= end < page.closes_at for page in pages)
            )
            series[key]["outcomes_overdue"].append(
                sum(
                    page.closes_at <= end - overdue_days
                    and (page.outcome_published_at is None or page.outcome_published_at > end)
                    for page in pages
                )
            )
        values[key]["consultations_open"] = series[key]["consultations_open"][-1]
        values[key]["outcomes_overdue"] = series[key]["outcomes_overdue"][-1]

    for key, pages in each(events).items():
        pages = list({page.translation_key: page for page in pages}.values())
        series[key]["events_upcoming"] = [
            sum(_upcoming_at(page, end) for page in pages) for end in ends
        ]
        values[key]["events_upcoming"] = series[key]["events_upcoming"][-1]

    for key, rows in each(registrations, key_of=lambda row: network_of[row[0]]).items():
        made = [row[3] for row in rows]
        values[key]["registrations_month"] = sum(moment >= this_month for moment in made)
        series[key]["registrations_month"] = [sum(_in_week(m, end) for m in made) for end in ends]


def _upcoming_at(event, moment):
    if event.repeat:
        return event.repeat_until is None or event.repeat_until >= timezone.localdate(moment)
    return event.start > moment


def _join_request_figures(shown, ends, since, now, series, values):
    """Join requests waiting: one query."""
    grouped = {key: [] for key in shown}
    rows = (
        JoinRequest.objects.filter(network__translation_key__in=list(shown))
        .filter(Q(status=JoinRequest.Status.PENDING) | Q(decided_at__gt=since))
        .values_list("network__translation_key", "status", "created_at", "decided_at")
        .order_by()
    )
    for key, status, created, decided in rows:
        if decided is None and status != JoinRequest.Status.PENDING:
            continue  # decided with no time recorded: never counted as waiting
        grouped[key].append((created, decided))
    for key, requests in grouped.items():
        series[key]["join_requests"] = [
            sum(_pending_at(c, d, end) for c, d in requests) for end in ends
        ]
        values[key]["join_requests"] = series[key]["join_requests"][-1]
