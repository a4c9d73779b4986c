"""What a change to a blog author (a People snippet) drops from the caches.

A person's name, role and photo are printed on every post that credits them
and, by name, wherever those posts are listed (the blog indexes, the home and
network pages' latest posts, the feeds). Editing or deleting the person
changes none of those pages' own rows, so no publish signal says so: these
receivers drop them from the page cache and the CDN (home.page_cache). The
fragments that show people follow by themselves (`Person` is registered with
`home.fragments.shown_on_pages` in `BlogConfig.ready`)."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from home import page_cache

from .models import BlogPostPage, Person


def posts_crediting(person):
    """Returns the live posts that name `person` among their authors, in any
    language (one query)."""
    return list(BlogPostPage.objects.live().filter(post_authors__person=person).distinct())


def drop_posts_crediting(person):
    """Drops every cached page that shows a post crediting `person`."""
    posts = posts_crediting(person)
    if posts:
        page_cache.invalidate_pages(posts)


@receiver(post_save, sender=Person, dispatch_uid="blog.person_saved")
def person_saved(sender, instance, created, raw=False, **kwargs):
    """A person's name, role or photo changed: the posts crediting them, and
    the listings of those posts, are rendered again. A new person is
    credited nowhere yet."""
    if not created and not raw:
        drop_posts_crediting(instance)


@receiver(pre_delete, sender=Person, dispatch_uid="blog.person_deleted")
def person_about_to_be_deleted(sender, instance, **kwargs):
    """A person is deleted, and with them their credits on posts (found
    now, before the credits go)."""
    drop_posts_crediting(instance)
