"""RSS and Atom feeds of new events (the newest published first)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from . import listings

FEED_ITEMS = 30


class EventRssFeed(Feed):
    """New events from every network, as RSS."""

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return _("Events on Commons")

    def link(self, index):
        return index.url

    def description(self, index):
        return _("New events from every network.")

    def items(self, index):
        return listings.events_for(index.locale_id).order_by("-first_published_at")[:FEED_ITEMS]

    def item_title(self, event):
        if event.status != event.Status.SCHEDULED:
            return f"{event.get_status_display()}: {event.title}"
        return event.title

    def item_description(self, event):
        when = event.local_start.strftime("%Y-%m-%d %H:%M")
        return f"{when} · {event.location_text()}\n\n{event.summary}"

    def item_link(self, event):
        return event.get_url(self.request)

    def item_pubdate(self, event):
        return event.first_published_at

    def item_guid(self, event):
        return event.calendar_uid

    item_guid_is_permalink = False


class EventAtomFeed(EventRssFeed):
    feed_type = Atom1Feed
    subtitle = EventRssFeed.description
