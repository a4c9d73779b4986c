"""Admin wiring: the permission checks in front of wagtail-localize's
translate and sync views, for pages and snippets (registered ahead of
wagtail-localize's URLs, so these answer first at the same addresses),
and its page buttons "Translate this page" and "Sync translated pages" shown
only to people those views let in. (Its snippet buttons need no guard: the
People listing shows an editor only the people they may change.) Its
"Publish in <language>" is stopped once while fields are untranslated
(`languages.publishing`).
"""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize import wagtail_hooks as localize_hooks

from .publishing import refuse_incomplete_publish
from .views import (
    GuardedSubmitPageTranslationView,
    GuardedSubmitSnippetTranslationView,
    GuardedTranslationsReportView,
    GuardedUpdateTranslationsView,
)


# order=-1: Wagtail adds the admin URLs of every `register_admin_urls` hook
# in the order of their `order`, so these come ahead of wagtail-localize's
# (order 0) at the same addresses and answer first
# (tests/i18n/test_guarded_urls.py).
@hooks.register("register_admin_urls", order=-1)
def register_guarded_translation_views():
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            GuardedSubmitPageTranslationView.as_view(),
            name="languages_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            GuardedSubmitSnippetTranslationView.as_view(),
            name="languages_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            GuardedUpdateTranslationsView.as_view(),
            name="languages_update_translations",
        ),
        path(
            "localize/reports/translations/",
            GuardedTranslationsReportView.as_view(),
            name="languages_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            GuardedTranslationsReportView.as_view(results_only=True),
            name="languages_translations_report_results",
        ),
    ]


def translation_buttons_for_editors(page, user, **kwargs):
    """wagtail-localize's "Translate this page" and "Sync translated pages",
    only on pages the user may edit: anyone else would be refused by the
    guarded views, so the buttons would only lead to an error."""
    if not page.permissions_for_user(user).can_edit():
        return []
    return localize_hooks.page_listing_more_buttons(page, user, **kwargs)


# Wagtail has no hook to change the page header's buttons or the listing's
# "More" menu once they are made, so wagtail-localize's button hook is swapped
# for the guarded one where it is registered. Importing its hooks module above
# registered them already; Wagtail's own search for hooks will not import it
# twice. tests/i18n/test_translation_permissions.py fails if the swap misses.
for _hook_name in ("register_page_header_buttons", "register_page_listing_more_buttons"):
    hooks._hooks[_hook_name] = [
        (translation_buttons_for_editors, order)
        if fn is localize_hooks.page_listing_more_buttons
        else (fn, order)
        for fn, order in hooks._hooks.get(_hook_name, [])
    ]


@hooks.register("construct_reports_menu")
def hide_translations_report_from_non_editors(request, menu_items):
    """wagtail-localize shows its "Translations" report to everyone; it lists
    only what a user may change (GuardedTranslationsReportView), so it is
    offered to those who may change some page."""
    user = request.user
    if user.is_superuser or PagePermissionPolicy().user_has_any_permission(
        user, ["add", "change", "publish"]
    ):
        return
    url = reverse("wagtail_localize:translations_report")
    menu_items[:] = [item for item in menu_items if item.url != url]


# order=-1: ahead of wagtail-localize's own before_edit_page, which publishes.
hooks.register("before_edit_page", refuse_incomplete_publish, order=-1)
