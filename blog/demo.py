"""Demo blog: the blog index and a first post per network."""

from home.demo import ensure_page, home_page, rich
from networks.models import NetworkPage

from .models import BlogIndexPage, BlogPostPage

POSTS = {
    "food-partnership": (
        "Should we become a co-operative? Tell us why not",
        "Before we vote, we want to hear every reason this could go wrong.",
    ),
    "digital-practitioners": (
        "Coproduction cannot be rushed",
        "What we learned from a year of designing a referral service with the people who use it.",
    ),
    "health-wellbeing": (
        "Residents now hold the purse strings",
        "How our small grants panel shifted power to the people most affected.",
    ),
    "young-people": (
        "Ten clubs, ten hosts, one network",
        "Why we move our meeting to a different youth club every month.",
    ),
}


def load(out):
    home = home_page()
    ensure_page(
        home,
        BlogIndexPage,
        "blog",
        title="Blog",
        show_in_menus=True,
        intro="Posts from every network: what they are doing, learning and deciding.",
        before="consultations",
    )
    for network in NetworkPage.objects.filter(slug__in=POSTS):
        title, intro = POSTS[network.slug]
        ensure_page(network, BlogPostPage, "first-post", title=title, intro=intro, body=rich(intro))
    out.write("  blog: blog index and a post per network")
