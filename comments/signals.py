"""Keeps each comment's stored network right: a page moved into, out of or
between networks takes its comments (and its descendants' comments) along,
so the moderation queues never work the network out again. And a decision
on a comment drops its page from the page cache (home.page_cache)."""

from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import post_page_move

from home import page_cache

from .models import Comment, comment_status_changed


@receiver(post_page_move, dispatch_uid="comments.networks_after_move")
def keep_networks_after_move(sender, instance, **kwargs):
    """After a page moves, stores again the network of every comment on it
    and on the pages below it."""
    moved = Page.objects.descendant_of(instance, inclusive=True)
    Comment.objects.filter(page__in=moved).refresh_networks()


@receiver(comment_status_changed, dispatch_uid="comments.page_cache_on_decision")
def drop_cached_page_after_decision(sender, comment, **kwargs):
    """A comment approved, rejected, hidden or restored changes its page (and
    the comment counts where the page is listed): drop them from the page
    cache and the CDN."""
    if page_cache.invalidation_needed():
        page_cache.invalidate_page(comment.page)
