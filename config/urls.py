"""URL routes: the Wagtail admin, documents, sitemap and language switching
outside the language prefix; every page inside it (English has no prefix)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path
from django.views.i18n import set_language

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from home import page_cache
from home import views as home_views
from languages import sitemap
from networks import guards
from networks import views as network_views


def page_view(name, *page_kwargs):
    """Wagtail's page view `name`, refused for another network's pages."""
    view = page_viewset_registry.as_view(name, page_id_kwarg=page_kwargs[0])
    return guards.for_visible_pages(view, *page_kwargs)


# Wagtail admin views that would show one network's pages to another's staff,
# answered first at the same addresses by guarded versions (networks.views,
# networks.guards).
guarded_admin_views = [
    path("bulk/<str:app_label>/<str:model_name>/<str:action>/", guards.bulk_action),
    path(
        "pages/<int:parent_page_id>/",
        guards.for_visible_pages(
            page_viewset_registry.as_view("index", parent_page_id_kwarg="parent_page_id"),
            "parent_page_id",
        ),
    ),
    path(
        "pages/<int:parent_page_id>/results/",
        guards.for_visible_pages(
            page_viewset_registry.as_view("index_results", parent_page_id_kwarg="parent_page_id"),
            "parent_page_id",
        ),
    ),
    path(
        "pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/",
        guards.for_visible_pages(
            page_viewset_registry.as_view("move_confirm", page_id_kwarg="page_to_move_id"),
            "page_to_move_id",
            "destination_id",
        ),
    ),
    path(
        "pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        page_view("workflow_action", "page_id"),
    ),
    path(
        "pages/workflow/collect_action_data/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        page_view("collect_workflow_action_data", "page_id"),
    ),
    path(
        "pages/workflow/confirm_cancellation/<int:page_id>/",
        page_view("confirm_workflow_cancellation", "page_id"),
    ),
    path(
        "pages/workflow/preview/<int:page_id>/<int:task_id>/",
        page_view("workflow_preview", "page_id"),
    ),
    path("choose-page/", network_views.NetworkPageBrowseView.as_view()),
    path("choose-page/<int:parent_page_id>/", network_views.NetworkPageBrowseView.as_view()),
    path("choose-page/chosen-multiple/", network_views.NetworkPageChosenMultipleView.as_view()),
    path("reports/page-types-usage/", network_views.SiteAdminsOnlyPageTypesUsageView.as_view()),
    path(
        "reports/page-types-usage/results/",
        network_views.SiteAdminsOnlyPageTypesUsageView.as_view(results_only=True),
    ),
]

urlpatterns = [
    # Network editors' explorer opens at their network (see explore_root).
    path("admin/pages/", network_views.explore_root),
    path("admin/", include(decorate_urlpatterns(guarded_admin_views, require_admin_access))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", page_cache.cache_public(sitemap.sitemap), name="sitemap"),
    path(
        "sitemap-<section>.xml",
        page_cache.cache_public(sitemap.sitemap_section, depends_on="sitemap"),
        name="sitemap-section",
    ),
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", home_views.healthz, name="healthz"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("", include("comments.urls")),
    path("", include("events.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "home.views.bad_request"
handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
