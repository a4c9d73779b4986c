"""`{% cached_fragment "name" scope vary... %}…{% endcached_fragment %}`:
Django's `{% cache %}` with the fragment's scope version in its key, so
that it is refreshed exactly when what it shows changes (see
`home.fragments`), and never cached for a preview.

The site's frame uses the scope "frame" and varies on the page's absolute
address: `{% cached_fragment "nav" "frame" request.build_absolute_uri %}`;
a request with query parameters other than the listings' own renders it
uncached (`home.fragments.frame_cacheable`).
Keep out of it anything personal: the CSRF token, the userbar, forms,
messages.

`{% cached_listing "name" [timed] %}…{% endcached_listing %}`: a listing
(an index's items, the directory, the sections of the home and network
pages), rendered once per version of `home.fragments.LISTINGS` for each
host, path with its listing parameters (page, filters) and language. With
`timed`, for what the clock changes (a consultation opening or closing, an
event starting or ending, today's date), it also varies on the next clock
boundary that the page cache knows (`home.page_cache.next_change`) and on
the date, so it is never shown past either.
"""

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from home import page_cache
from home.fragments import (
    FRAME,
    LISTINGS,
    cached_fragment,
    frame_cacheable,
    listing_cacheable,
    scopes_of,
)

register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, scope, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.scope = scope
        self.vary_on = vary_on

    def render(self, context):
        scope = self.scope.resolve(context)
        if FRAME in scopes_of(scope) and not frame_cacheable(context.get("request")):
            return self.nodelist.render(context)
        return mark_safe(  # noqa: S308 - the cached HTML is this nodelist's own output
            cached_fragment(
                self.name.resolve(context),
                scope,
                lambda: self.nodelist.render(context),
                vary_on=[var.resolve(context) for var in self.vary_on],
                request=context.get("request"),
            )
        )


@register.tag("cached_fragment")
def do_cached_fragment(parser, token):
    """Caches its contents under a name, a scope (whose version is part of
    the key) and any values it varies on, in the active language."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} takes a name and a scope")
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    name, scope, *vary_on = (parser.compile_filter(bit) for bit in bits[1:])
    return CachedFragmentNode(nodelist, name, scope, vary_on)


class CachedListingNode(template.Node):
    def __init__(self, nodelist, name, timed):
        self.nodelist = nodelist
        self.name = name
        self.timed = timed

    def render(self, context):
        request = context.get("request")
        if not listing_cacheable(request):
            return self.nodelist.render(context)
        vary_on = [request.get_host(), request.get_full_path()]
        if self.timed:
            boundary = page_cache.next_change()
            vary_on += [boundary.isoformat() if boundary else "", timezone.localdate().isoformat()]
        return mark_safe(  # noqa: S308 - the cached HTML is this nodelist's own output
            cached_fragment(
                self.name.resolve(context),
                LISTINGS,
                lambda: self.nodelist.render(context),
                vary_on=vary_on,
                request=request,
            )
        )


@register.tag("cached_listing")
def do_cached_listing(parser, token):
    """Caches a listing under a name, for the request's host, path and
    language, until anything listed changes (and, with `timed`, until the
    clock changes it)."""
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and bits[2] != "timed"):
        raise template.TemplateSyntaxError(f'{bits[0]} takes a name and, optionally, "timed"')
    nodelist = parser.parse(("endcached_listing",))
    parser.delete_first_token()
    return CachedListingNode(nodelist, parser.compile_filter(bits[1]), len(bits) == 3)
