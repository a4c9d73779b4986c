"""RSS 2.0 and Atom feeds of the blog (Django's syndication framework): every
post, one network's posts, or one tag's posts. Each item carries the post's
full content, its network and tags as categories, and its authors' names
(never an email address). BlogIndexPage's routes serve them."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html
from django.utils.translation import gettext as _

from home.site_url import public_root
from networks.permissions import attach_networks

FEED_LENGTH = 20
RELATIVE_URL = re.compile(r'(\s(?:href|src))="/(?!/)')


class RssWithContent(Rss201rev2Feed):
    """RSS 2.0 with each item's full HTML in `<content:encoded>`."""

    def rss_attributes(self):
        attributes = super().rss_attributes()
        attributes["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        return attributes

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])


class AtomWithContent(Atom1Feed):
    """Atom with each entry's full HTML in `<content type="html">`."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


@dataclass
class FeedSubject:
    """What a feed is about: a blog index, narrowed to a network or a tag."""

    index: object
    network: object
    tag: object
    request: object


def absolute_urls(html, root):
    """Returns `html` with its site-relative links and images made absolute,
    as feed readers show content away from the site."""
    return RELATIVE_URL.sub(lambda match: f'{match.group(1)}="{root}/', html)


class BlogRssFeed(Feed):
    """The RSS 2.0 feed of a blog index's posts (optionally a network's or a tag's)."""

    feed_type = RssWithContent

    def get_object(self, request, index, network=None, tag=None):
        return FeedSubject(index=index, network=network, tag=tag, request=request)

    def title(self, subject):
        if subject.network is not None:
            return _("%(network)s: posts on %(site)s") % {
                "network": subject.network.title,
                "site": settings.WAGTAIL_SITE_NAME,
            }
        if subject.tag is not None:
            return _("Posts tagged “%(tag)s” on %(site)s") % {
                "tag": subject.tag.name,
                "site": settings.WAGTAIL_SITE_NAME,
            }
        return _("%(site)s blog") % {"site": settings.WAGTAIL_SITE_NAME}

    def description(self, subject):
        if subject.network is not None:
            return subject.network.summary or self.title(subject)
        return subject.index.intro or self.title(subject)

    # Links are absolute here, at the public address (SITE_URL), so Django
    # does not prefix them with whatever host the request named.
    def link(self, subject):
        return self.request_root + subject.index.posts_url(network=subject.network, tag=subject.tag)

    def feed_url(self, subject):
        kind = "atom" if self.feed_type is AtomWithContent else "rss"
        return self.request_root + subject.index.feed_url(
            kind, network=subject.network, tag=subject.tag
        )

    def items(self, subject):
        posts = (
            subject.index.filter_posts(network=subject.network, tag=subject.tag)
            .newest_first()
            .with_authors_and_tags()
            .select_related("locale")
        )
        return attach_networks(list(posts[:FEED_LENGTH]))

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.search_description or post.intro

    def item_link(self, post):
        return self.request_root + post.url

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.last_published_at

    def item_author_name(self, post):
        return ", ".join(person.name for person in post.authors) or None

    def item_categories(self, post):
        categories = [post.network.title] if post.network else []
        return categories + [tag.name for tag in post.tags.all()]

    def item_extra_kwargs(self, post):
        root = self.request_root
        content = str(post.body)
        if post.original_url:
            content += format_html(
                '<p><a href="{}">{}</a></p>',
                post.original_url,
                _("First published on %(source)s")
                % {"source": post.original_source or post.original_url},
            )
        return {"content": absolute_urls(content, root)}

    def __call__(self, request, *args, **kwargs):
        self.request_root = public_root(request)
        return super().__call__(request, *args, **kwargs)


class BlogAtomFeed(BlogRssFeed):
    """The same posts as an Atom feed."""

    feed_type = AtomWithContent
    subtitle = BlogRssFeed.description
