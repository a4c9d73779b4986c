"""Keeps each comment's stored network right: a page moved into, out of or
between networks takes its comments (and its descendants' comments) along,
so the moderation queues never work the network out again. It keeps each
page's rendered comment thread (a fragment, `home.fragments`) exact: every
change to what the thread shows gives it a new version. And a decision on a
comment drops its page from the page cache (home.page_cache)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import post_page_move

from home import page_cache
from home.fragments import bump

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
    cache and the CDN; with the page cache off, the listing fragments still."""
    if page_cache.invalidation_needed():
        page_cache.invalidate_page(comment.page)
    else:
        page_cache.listings_changed()


def thread_scope(page):
    """Returns the fragment scope of `page`'s comment thread: one for the page
    and all its translations, since one conversation spans them."""
    return f"comments:{page.translation_key}"


def _bump_thread(comment):
    page = Page.objects.filter(pk=comment.page_id).only("translation_key").first()
    if page is not None:
        bump(thread_scope(page))


@receiver(comment_status_changed, dispatch_uid="comments.thread_after_transition")
def refresh_thread_after_transition(sender, comment, **kwargs):
    """A comment was approved, rejected, hidden, restored...: its page's
    thread (in every language) is rendered again for the next reader."""
    _bump_thread(comment)


@receiver(post_save, sender=Comment, dispatch_uid="comments.thread_after_save")
def refresh_thread_after_save(sender, instance, created, **kwargs):
    """A comment created already approved, or a change to a stored one (an
    erasure rewrites name and text): the thread is rendered again. A new
    pending comment shows to no one but its writer, so changes nothing."""
    if not created or instance.status == Comment.Status.APPROVED:
        _bump_thread(instance)


@receiver(post_delete, sender=Comment, dispatch_uid="comments.thread_after_delete")
def refresh_thread_after_delete(sender, instance, **kwargs):
    """A purged comment leaves its page's thread."""
    _bump_thread(instance)
