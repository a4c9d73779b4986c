"""Pieces every app's page querysets share.

`CachedPrivacyMixin` answers Wagtail's `public()` / `private_q()` from the
list of private sections kept in the frame's fragment scope
(`home.fragments`: a view restriction saved or deleted, or a page moved,
refreshes it), instead of one query for every `public()` on a page.
"""

from django.db.models import Q

from wagtail.models import PageViewRestriction

from .fragments import FRAME, cached_value


def private_sections():
    """Returns (path, depth) of every page with a view restriction: the tops
    of the site's private sections (one query per change to them)."""
    return cached_value(
        "private-sections",
        FRAME,
        lambda: sorted(
            PageViewRestriction.objects.values_list("page__path", "page__depth").distinct()
        ),
    )


class CachedPrivacyMixin:
    """For a PageQuerySet: `private_q()` (so `public()`, `private()` and
    `not_public()`) from `private_sections()`. Put it before PageQuerySet."""

    def private_q(self):
        q = Q()
        for path, depth in private_sections():
            q |= Q(path__startswith=path, depth__gte=depth)
        # Match no page when there is no private section.
        return q if q else Q(pk__in=[])
