"""The site's public address, from the `SITE_URL` environment variable.

Wagtail builds every absolute URL (the sitemap, feeds, canonical links,
JSON-LD, links in emails) from the default Site record's hostname and port,
so the address is written there after every `migrate` (which `make run` and
the production steps both run). Without SITE_URL the record is left as it is.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from wagtail.models import Site


def parse_site_url(url):
    """Returns (hostname, port) for `url` ("https://commons.example.org"),
    the port from the scheme when the URL names none. Wagtail reads port 443
    as https and any other as http, so https must use 443 (behind a proxy
    that terminates TLS, as it usually is)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ImproperlyConfigured(f"SITE_URL must look like https://host[:port], not {url!r}.")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured("SITE_URL with https must use port 443.")
    return parts.hostname, port


def apply_site_url(url=None):
    """Writes SITE_URL (or `url`) into the default Site record; returns the
    Site, or None when there is no address to write or no default site."""
    url = url if url is not None else settings.SITE_URL
    if not url:
        return None
    hostname, port = parse_site_url(url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site


def apply_site_url_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver (see HomeConfig.ready)."""
    if using == "default":
        apply_site_url()


def public_root(request):
    """Returns the address absolute links should start with, without a
    trailing slash: SITE_URL when it is set, else the address the request
    came to (a feed reader on a development server)."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    return request.build_absolute_uri("/").rstrip("/")
