"""RSS 2.0 and Atom feeds of consultations (every one, or one network's),
served by ConsultationIndexPage's `feed` route. Each item says the
consultation's status and dates in its description."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from .schedule import LONDON

FEED_LENGTH = 20


@dataclass
class FeedSubject:
    """What a feed is about: the index, maybe narrowed to a network, and its items."""

    index: object
    network: object
    items: list
    request: object


class ConsultationRssFeed(Feed):
    """The RSS 2.0 feed of consultations."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, index, network=None, items=()):
        return FeedSubject(index=index, network=network, items=list(items), request=request)

    def title(self, subject):
        if subject.network is not None:
            return _("%(network)s: consultations on %(site)s") % {
                "network": subject.network.title,
                "site": settings.WAGTAIL_SITE_NAME,
            }
        return _("Consultations on %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}

    def link(self, subject):
        return subject.index.get_full_url(subject.request)

    def description(self, subject):
        return subject.index.intro or self.title(subject)

    def items(self, subject):
        return subject.items

    def item_title(self, item):
        return f"{item.title} ({item.status.label})"

    def item_description(self, item):
        return _("%(summary)s Open from %(opens)s to %(closes)s.") % {
            "summary": item.summary,
            "opens": item.opens_at.astimezone(LONDON).strftime("%Y-%m-%d %H:%M"),
            "closes": item.closes_at.astimezone(LONDON).strftime("%Y-%m-%d %H:%M"),
        }

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at or item.opens_at

    def item_categories(self, item):
        network = item.__dict__.get("network")
        return ([network.title] if network else []) + [tag.name for tag in item.tags.all()]


class ConsultationAtomFeed(ConsultationRssFeed):
    """The Atom feed of consultations."""

    feed_type = Atom1Feed
    subtitle = ConsultationRssFeed.description


def serve_feed(request, kind, *, index, network, items):
    """Returns the RSS (`kind="rss"`) or Atom response for `items`."""
    feed_class = ConsultationAtomFeed if kind == "atom" else ConsultationRssFeed
    return feed_class()(request, index=index, network=network, items=items)
