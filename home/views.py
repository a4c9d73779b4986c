"""Site-wide views: search, a health check, and the error pages."""

from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from languages.listings import in_reader_language

SEARCH_RESULTS_PER_PAGE = 10
# Matches beyond this many are not shown: nobody pages through 50 pages of results.
SEARCH_MATCHES_LIMIT = 500


def search_terms(query):
    """Returns what to look for in `query`, as the search backend can take it:
    without control characters, without words that are only punctuation (a
    lone "&" or "—" would match nothing and so leave no result at all), and
    without double quotes unless they pair up into phrases (an odd one breaks
    the database's full-text query)."""
    query = "".join(char for char in query if char.isprintable())
    if query.count('"') % 2:
        query = query.replace('"', " ")
    words = [word for word in query.split() if any(char.isalnum() for char in word)]
    return " ".join(words)


def ranked_matches(pages, terms):
    """Returns up to SEARCH_MATCHES_LIMIT pages of the queryset `pages` that
    match `terms`, best first: by relevance where the database ranks in the
    same query as it matches (PostgreSQL's full text), newest first on SQLite,
    where Wagtail's database backend ranks each match with a full-text query
    of its own (a minute for 3,000 matches among 10,000 posts; see
    bench/search.py)."""
    if connection.vendor == "postgresql":
        return pages.search(terms)[:SEARCH_MATCHES_LIMIT]
    newest_first = pages.order_by("-first_published_at", "-id")
    return newest_first.search(terms, order_by_relevance=False)[:SEARCH_MATCHES_LIMIT]


def matching_keys(pages, terms):
    """Returns the translation keys of the pages of queryset `pages` that
    match `terms` (at most SEARCH_MATCHES_LIMIT), in the order of
    `ranked_matches`; a page and its translations share one. Reads only the
    keys: the database search backends give the SQL behind their results
    (`get_queryset`), so the matches are never loaded as pages."""
    results = ranked_matches(pages, terms)
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is None:  # a search server (Elasticsearch): its hits are pages
        return [page.translation_key for page in results]
    return list(get_queryset().values_list("translation_key", flat=True))


def search(request):
    """Site search over live, public pages, in every language: a resident
    reading in Urdu may well type an English word. Each page found is shown
    once, in the reader's language where it has been translated, else in the
    site's default language (see languages.listings), in the order of
    `ranked_matches`. The matches are read as keys and ids only (at most
    SEARCH_MATCHES_LIMIT of them, which is also what the count says: "more
    than 500"), and only the page of results shown is loaded in full, so the
    time does not grow with the number of matches.
    """
    query = request.GET.get("q", "").strip()[:200]
    found, more_than_shown = [], False
    if query:
        pages = Page.objects.live().public()
        # The database search backend filters on plain fields only, so the
        # search runs over every language and the versions come after.
        terms = search_terms(query)
        if terms:
            hits = matching_keys(pages, terms)
            more_than_shown = len(hits) >= SEARCH_MATCHES_LIMIT
            keys = list(dict.fromkeys(hits))
            locale = Locale.objects.filter(language_code=get_language()).first()
            versions = in_reader_language(
                pages.filter(translation_key__in=keys), locale.pk if locale else None
            )
            version_of = dict(versions.values_list("translation_key", "pk"))
            found = [version_of[key] for key in keys if key in version_of]
    paginator = Paginator(found, SEARCH_RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    shown = Page.objects.filter(pk__in=page_obj.object_list).defer_streamfields().specific()
    by_pk = {page.pk: page for page in shown}
    page_obj.object_list = [by_pk[pk] for pk in page_obj.object_list if pk in by_pk]
    return render(
        request,
        "home/search.html",
        {
            "query": query,
            "page_obj": page_obj,
            "results": page_obj.object_list,
            "more_than_shown": more_than_shown,
        },
    )


def healthz(request):
    """A cheap liveness check for load balancers: no database, no templates."""
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    """The 404 page in the site's look."""
    return render(request, "404.html", status=404)


def _error_page(template_name, status):
    """An error page in the site's look and the reader's language, rendered
    without the request: for a 400 the request itself is what is wrong (a
    host name not ours, too many fields), and touching it would fail again."""
    return HttpResponse(loader.get_template(template_name).render({}), status=status)


def bad_request(request, exception=None):
    """The 400 page: what went wrong and where to go next."""
    return _error_page("400.html", 400)


def permission_denied(request, exception=None):
    """The 403 page: what went wrong and where to go next."""
    return _error_page("403.html", 403)


def server_error(request):
    """The 500 page: rendered without context processors that might fail again."""
    template = loader.get_template("500.html")
    return HttpResponse(template.render({}), status=500)
