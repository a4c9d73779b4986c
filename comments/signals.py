"""Keeps each comment's stored network right: a page moved into, out of or
between networks takes its comments (and its descendants' comments) along,
so the moderation queues never work the network out again."""

from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import post_page_move

from .models import Comment


@receiver(post_page_move, dispatch_uid="comments.networks_after_move")
def keep_networks_after_move(sender, instance, **kwargs):
    """After a page moves, stores again the network of every comment on it
    and on the pages below it."""
    moved = Page.objects.descendant_of(instance, inclusive=True)
    Comment.objects.filter(page__in=moved).refresh_networks()
