"""Site-wide views: search, a health check, and the error pages."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from languages.listings import in_reader_language

SEARCH_RESULTS_PER_PAGE = 10


def search(request):
    """Site search over live, public pages: one version of each, in the
    reader's language where it has been translated, else in the site's
    default language (see languages.listings)."""
    query = request.GET.get("q", "").strip()[:200]
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public()
        locale = Locale.objects.filter(language_code=get_language()).first()
        if locale:
            # Search backends filter on plain fields only: narrow by id.
            readable = in_reader_language(pages, locale.pk)
            pages = Page.objects.filter(pk__in=readable.values("pk"))
        results = pages.specific().search(query)
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


def server_error(request):
    """The 500 page: rendered without context processors that might fail again."""
    from django.template import loader

    template = loader.get_template("500.html")
    return HttpResponse(template.render({}), status=500)
