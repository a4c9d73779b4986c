"""Template tags through which pages show the blog: the latest posts (home
page, network pages), feed discovery links, and a post's JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from blog.models import BlogIndexPage, latest_posts_for

register = template.Library()

LATEST_COUNT = 3

# The characters that could end a <script> element or open a comment in it,
# written as JSON escapes (as Django's json_script does).
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _locale_id(context, network):
    """Returns the locale to show posts in: the network's, else the page's."""
    if network is not None:
        return network.locale_id
    page = context.get("page")
    return getattr(page, "locale_id", None)


@register.inclusion_tag("blog/includes/latest_posts.html", takes_context=True)
def latest_posts(context, network=None, count=LATEST_COUNT):
    """The newest live posts, from every network or from `network` alone, with
    a link to all of them. A fixed number of queries, whatever is shown."""
    locale_id = _locale_id(context, network)
    index = BlogIndexPage.for_locale(locale_id)
    return {
        "request": context.get("request"),
        "posts": latest_posts_for(locale_id=locale_id, network=network, count=count),
        "network": network,
        "blog_index": index,
        "all_posts_url": index.posts_url(network=network) if index else None,
    }


@register.inclusion_tag("blog/includes/feed_links.html", takes_context=True)
def blog_feed_links(context, network=None, tag=None):
    """`<link rel="alternate">` tags for the RSS and Atom feeds of every post,
    or of `network`'s posts, or of `tag`'s posts."""
    locale_id = _locale_id(context, network)
    index = context.get("blog_index")  # a post's page already knows it
    if callable(index):  # a post's context gives it lazily
        index = index()
    if index is None or index.locale_id != locale_id:
        index = BlogIndexPage.for_locale(locale_id)
    if index is None:
        return {}
    return {
        "request": context.get("request"),
        "network": network,
        "tag": tag,
        "rss_url": index.feed_url("rss", network=network, tag=tag),
        "atom_url": index.feed_url("atom", network=network, tag=tag),
    }


@register.simple_tag
def json_ld(data):
    """Renders `data` as a JSON-LD script element, escaped so that no text in
    it (a title, a name) can close the element or inject markup."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 (escaped above)
    )


@register.filter
def network_posts_url(blog_index, network):
    """Returns the path of `network`'s post list on `blog_index`."""
    return blog_index.posts_url(network=network)


@register.filter
def tag_posts_url(blog_index, tag):
    """Returns the path of `tag`'s post list on `blog_index`."""
    return blog_index.posts_url(tag=tag)
