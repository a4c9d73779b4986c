"""Template tags through which other pages show blog posts: the home page's
latest posts and a network page's latest posts and feed links."""

from django import template

register = template.Library()

LATEST_COUNT = 3


@register.inclusion_tag("blog/includes/latest_posts.html", takes_context=True)
def latest_posts(context, network=None, count=LATEST_COUNT):
    """The newest live posts, from every network or from `network` alone."""
    from blog.models import BlogPostPage

    posts = BlogPostPage.objects.live().public().defer_streamfields()
    if network is not None:
        posts = posts.descendant_of(network)
    return {
        "request": context.get("request"),
        "posts": posts.order_by("-date", "-pk")[:count],
        "network": network,
    }


@register.inclusion_tag("blog/includes/feed_links.html", takes_context=True)
def blog_feed_links(context, network=None):
    """`<link rel="alternate">` tags for the blog's feeds (a network's own when
    `network` is given). Filled in by the blog issue."""
    return {"request": context.get("request"), "network": network}
