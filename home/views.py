"""Site-wide views: search, a health check, and the error pages."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from languages.listings import reader_versions

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


def search(request):
    """Site search over live, public pages, in every language: a resident
    reading in Urdu may well type an English word. Each page found is shown
    once, in the reader's language where it has been translated, else in the
    site's default language (see languages.listings), in order of relevance.
    """
    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        pages = Page.objects.live().public()
        # The database search backend filters on plain fields only, so the
        # search runs over every language and the versions come after.
        terms = search_terms(query)
        matches = pages.search(terms)[:SEARCH_MATCHES_LIMIT] if terms else []
        locale = Locale.objects.filter(language_code=get_language()).first()
        results = reader_versions(matches, pages, locale.pk if locale else None)
    paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "home/search.html",
        {"query": query, "page_obj": page_obj, "results": page_obj.object_list},
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
