"""Waiting times and escalation: how long a pending comment may wait for a
decision, and what happens when it waits longer.

Each network sets a moderation target in hours (`NetworkPage.
moderation_target_hours`; blank: the site default in `CommentSettings`). A
pending comment that has waited past its network's target, or any pending
comment in a network with no moderator of its own, is **escalated** once:
`Comment.escalate` stamps `escalated_at` and writes `comments.escalate` to the
audit log, and the site moderators get one email per run listing every
comment escalated in it. The comment stays pending; escalation decides
nothing.

`escalate_overdue` is the one entry point, run by the task
`comments.tasks.escalate_overdue_comments` and the command
`manage.py escalate_overdue_comments`; the queue uses `ModerationTargets` to
count, per network, the comments past their target.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import ngettext

from home.staff_email import email_staff
from networks.models import NetworkPage
from networks.permissions import networks_with_moderators, site_moderators

from .models import Comment, CommentSettings

#: Why a comment was escalated, as stored in its audit entry.
OVERDUE = "overdue"
NO_MODERATOR = "no_moderator"

#: The queue filter that lists the escalated comments.
ESCALATED = "escalated"


def waiting_label(since, now=None):
    """Returns how long a comment posted at `since` has waited, in words for
    the active language: "waiting 40 min", "waiting 3 h", "waiting 2 days"."""
    seconds = max(0, ((now or timezone.now()) - since).total_seconds())
    minutes = int(seconds // 60)
    if minutes < 60:
        return ngettext("waiting %(count)d min", "waiting %(count)d min", minutes) % {
            "count": minutes
        }
    hours = minutes // 60
    if hours < 48:
        return ngettext("waiting %(count)d h", "waiting %(count)d h", hours) % {"count": hours}
    days = hours // 24
    return ngettext("waiting %(count)d day", "waiting %(count)d days", days) % {"count": days}


class ModerationTargets:
    """Every network's moderation target in hours, read once (two queries),
    and the conditions on comments that follow from them."""

    def __init__(self, default_hours, by_network):
        self.default_hours = default_hours
        #: {network pk: hours} for the networks that set their own target.
        self.by_network = by_network

    @classmethod
    def load(cls, request=None):
        """Reads the targets; with `request`, the comment settings come from
        the request's cache (a listing reads them for other things too)."""
        own = NetworkPage.objects.filter(moderation_target_hours__isnull=False).values_list(
            "pk", "moderation_target_hours"
        )
        settings = CommentSettings.load(request_or_site=request)
        return cls(settings.moderation_target_hours, dict(own))

    def hours_for(self, network_id):
        """Returns the target of the network with pk `network_id` (None: a
        page outside every network, which has the site default)."""
        return self.by_network.get(network_id, self.default_hours)

    def past_target(self, now):
        """Returns a condition on comments: posted more than their network's
        target before `now`. One clause per distinct target, not per network."""
        networks_by_hours = {}
        for network_id, hours in self.by_network.items():
            networks_by_hours.setdefault(hours, []).append(network_id)
        condition = Q(created_at__lt=now - timedelta(hours=self.default_hours)) & ~Q(
            network_id__in=list(self.by_network)
        )
        for hours, network_ids in networks_by_hours.items():
            condition |= Q(network_id__in=network_ids, created_at__lt=now - timedelta(hours=hours))
        return condition

    def overdue_counts(self, comments, now=None):
        """Returns {network pk: how many of the pending `comments` wait past
        the network's target}, networks with none left out: one query."""
        now = now or timezone.now()
        rows = (
            comments.pending()
            .filter(self.past_target(now))
            .order_by()
            .values("network_id")
            .annotate(n=Count("pk"))
            .values_list("network_id", "n")
        )
        return dict(rows)


def networks_without_moderators():
    """Returns a queryset of the NetworkPages with no moderator of their own."""
    return NetworkPage.objects.exclude(pk__in=networks_with_moderators().values("pk"))


def due_for_escalation(now=None, targets=None):
    """Returns the pending comments not yet escalated that should be: past
    their network's target, or in a network with no moderator, oldest first.
    Returns (queryset, {network pk} of the networks without a moderator)."""
    now = now or timezone.now()
    targets = targets or ModerationTargets.load()
    unmoderated = set(networks_without_moderators().values_list("pk", flat=True))
    due = (
        Comment.objects.pending()
        .filter(escalated_at__isnull=True)
        .filter(targets.past_target(now) | Q(network_id__in=unmoderated))
        .select_related("page", "network")
        .order_by("created_at", "pk")
    )
    return due, unmoderated


def escalation_recipients():
    """Returns who is told of escalated comments: the site moderators, or
    the site admins (superusers) if the site has no site moderator, so an
    escalation never goes unread."""
    moderators = site_moderators()
    if moderators.exclude(email="").exists():
        return moderators
    return get_user_model().objects.filter(is_superuser=True, is_active=True)


def escalate_overdue(now=None, *, dry_run=False):
    """Escalates every pending comment that waited past its network's target
    (or sits in a network with no moderator), once each, and emails the site
    moderators one message listing them. Returns how many were escalated
    (with `dry_run`, how many would be; nothing is changed or sent)."""
    now = now or timezone.now()
    targets = ModerationTargets.load()
    due, unmoderated = due_for_escalation(now, targets)
    if dry_run:
        return due.count()
    escalated = []
    with transaction.atomic():
        for comment in due:
            reason = NO_MODERATOR if comment.network_id in unmoderated else OVERDUE
            hours = targets.hours_for(comment.network_id)
            if comment.escalate(at=now, target_hours=hours, reason=reason):
                escalated.append((comment, reason, hours))
    if escalated:
        send_escalation_notice(escalated, now=now)
    return len(escalated)


def send_escalation_notice(escalated, *, now):
    """Emails the site moderators the comments escalated in one run
    (`escalated`: [(comment, reason, target hours)]), each with its page,
    network, waiting time and why. Returns how many emails were sent."""
    rows = [
        {
            "comment": comment,
            "page_title": comment.page.title,
            "network_title": comment.network.title if comment.network else "",
            "created_at": comment.created_at,
            "now": now,
            "no_moderator": reason == NO_MODERATOR,
            "target_hours": hours,
            "review_url": reverse("comments:review", args=[comment.pk]),
        }
        for comment, reason, hours in escalated
    ]
    count = len(rows)
    return email_staff(
        escalation_recipients(),
        subject=lambda: (
            ngettext(
                "%(site)s: %(count)s comment waited too long for moderation",
                "%(site)s: %(count)s comments waited too long for moderation",
                count,
            )
            % {"site": settings.WAGTAIL_SITE_NAME, "count": count}
        ),
        template="comments/email/escalated",
        context={"rows": rows, "total": count, "now": now},
        link=reverse("comments:index") + "?" + urlencode({"state": "pending", ESCALATED: "yes"}),
    )
