"""Every kind of audit-log entry the project writes, on the demo site: comment
decisions (each transition), privacy requests (export, erase), a purge, join
requests and network proposals (accepted and declined). Used by the Site
history tests and the admin crawl."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from comments import privacy
from comments.models import Comment, CommentReport
from networks.models import JoinRequest, NetworkPage, NetworkProposal

FOOD = "food-partnership"
DIGITAL = "digital-practitioners"


def user(username):
    return get_user_model().objects.get(username=username)


def network(slug):
    return NetworkPage.objects.get(slug=slug, locale__language_code="en")


def post_in(slug):
    from wagtail.models import Page

    return Page.objects.child_of(network(slug)).live().first().specific


def comment_on(page, name, status=Comment.Status.PENDING):
    return Comment.objects.create(
        page=page,
        name=name,
        email=f"{name.lower().replace(' ', '.')}@example.org",
        body=f"{name} says something thoughtful.",
        status=status,
    )


def make_every_kind_of_log_entry():
    """Writes one log entry of every kind; returns the comments by network
    ({"food": comment, "digital": comment})."""
    admin = user("admin")
    food = comment_on(post_in(FOOD), "Food Commenter")
    food.approve(by=user(f"{FOOD}-moderator"), note="Fine")
    food.hide(by=admin)
    food.restore(by=admin)
    food.reject(by=admin)
    food.mark_spam(by=admin)
    food.approve(by=admin)
    CommentReport.objects.create(comment=food, reason=CommentReport.Reason.OFF_TOPIC)
    digital = comment_on(post_in(DIGITAL), "Digital Commenter")
    digital.approve(by=user(f"{DIGITAL}-moderator"))
    privacy.export_comments(digital.email, by=admin)
    erased = comment_on(post_in(DIGITAL), "Erased Commenter")
    privacy.erase_comments(erased.email, by=admin)
    purged = comment_on(post_in(FOOD), "Purged Commenter")
    purged.reject(by=admin)
    Comment.objects.filter(pk=purged.pk).update(decided_at=timezone.now() - timedelta(days=400))
    privacy.purge_declined(days=180, by=admin)

    for name, decide in (("Joiner Accepted", "accept"), ("Joiner Declined", "decline")):
        request = JoinRequest.objects.create(
            network=network(FOOD), name=name, email="joiner@example.org"
        )
        getattr(request, decide)(by=user(f"{FOOD}-editor"))
    for name, decide in (("Proposed Accepted", "accept"), ("Proposed Declined", "decline")):
        proposal = NetworkProposal.objects.create(
            name=name,
            purpose="Bring people together.",
            members="Neighbours",
            contact_name="Proposer",
            contact_email="proposer@example.org",
        )
        getattr(proposal, decide)(by=admin)
    return {"food": food, "digital": digital}
