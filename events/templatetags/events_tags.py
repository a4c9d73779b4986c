"""Template tags through which pages show events: an event's JSON-LD and
the upcoming-events sections that network pages and the home page include
through the `page_sections` hook (see `events.wagtail_hooks`)."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import listings
from ..models import EventIndexPage

register = template.Library()

# The characters that could end a <script> element, as JSON escapes.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def event_json_ld(data):
    """Renders `data` as a JSON-LD script element that no text in it can
    close or break out of."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 (escaped above)
    )


def upcoming_section(request, page, *, network=None, days=None, count=5, heading=""):
    """Returns the HTML of a list of upcoming events (a network's, or the
    week's across networks), with links to the index and its iCal feed."""
    locale_id = getattr(page, "locale_id", None)
    index = EventIndexPage.for_locale(locale_id)
    occurrences = listings.upcoming_for(locale_id, network=network, days=days, count=count)
    return render_to_string(
        "events/includes/upcoming_section.html",
        {
            "occurrences": occurrences,
            "network": network,
            "event_index": index,
            "heading": heading,
            "calendar_feed_url": index.calendar_url(network=network) if index else "",
        },
        request=request,
    )
