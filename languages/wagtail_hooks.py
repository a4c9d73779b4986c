"""Admin wiring: the permission checks in front of wagtail-localize's
translate and sync views, for pages and snippets (registered ahead of
wagtail-localize's URLs, so these answer first at the same addresses),
and its page buttons "Translate this page" and "Sync translated pages" shown
only to people those views let in. (Its snippet buttons need no guard: the
People listing shows an editor only the people they may change.) Its
"Publish in <language>" is stopped once while fields are untranslated
(`languages.publishing`).
"""

import functools

from django.urls import path, reverse
from django.utils.functional import cached_property

from wagtail import hooks
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.widgets.button import ButtonWithDropdownFromHook
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

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


def is_translation_button(button):
    """Returns True if `button` is one of wagtail-localize's page buttons
    ("Translate this page", "Sync translated pages"), told apart by where
    it leads."""
    url = getattr(button, "url", None) or ""
    return url.startswith(translation_url_prefixes())


@functools.cache
def translation_url_prefixes():
    """Returns where wagtail-localize's page buttons lead: the addresses of
    its submit and sync views, without the page's or source's id."""
    return tuple(
        reverse(name, args=[0]).removesuffix("0/")
        for name in (
            "wagtail_localize:submit_page_translation",
            "wagtail_localize:update_translations",
        )
    )


def without_translation_buttons(buttons, page, user):
    """Returns `buttons` without wagtail-localize's translate and sync buttons
    when `user` may not edit `page`: the guarded views would refuse them, so
    the buttons would only lead to an error."""
    if page.permissions_for_user(user).can_edit():
        return list(buttons)
    return [button for button in buttons if not is_translation_button(button)]


@hooks.register("construct_page_listing_buttons")
def guard_listing_translation_buttons(buttons, page, user, context=None):
    """The explorer's rows: wagtail-localize puts its buttons in each row's
    "More" dropdown (Wagtail's ButtonWithDropdownFromHook), so they are taken
    out of that dropdown's buttons, through Wagtail's documented hook for
    changing a row's buttons."""
    for button in buttons:
        if isinstance(button, ButtonWithDropdownFromHook):
            button.dropdown_buttons = without_translation_buttons(
                button.dropdown_buttons, page, user
            )


class GuardedExplorableIndexView(ExplorableIndexView):
    """The page explorer, whose header "More" menu (built from the
    `register_page_header_buttons` hook, which has no construct hook) offers
    translate and sync only on a page the user may edit. The edit view needs
    no guard: only people who may edit a page reach it."""

    @cached_property
    def header_more_buttons(self):
        return without_translation_buttons(
            super().header_more_buttons, self.parent_page, self.request.user
        )


class GuardedPageViewSet(PageViewSet):
    """Wagtail's default page viewset (the one for `Page`, which every page
    type without its own viewset uses) with the guarded explorer."""

    index_view_class = GuardedExplorableIndexView


# Wagtail registers its base page viewset for `Page` at order -1 so that a
# project's own viewset for `Page`, registered after it, takes its place in the
# page viewset registry (tests/i18n/test_translation_permissions.py fails if
# it does not).
@hooks.register("register_admin_viewset")
def register_guarded_page_viewset():
    return GuardedPageViewSet("languages_pages", model=Page)


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
