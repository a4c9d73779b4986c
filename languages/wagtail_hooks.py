"""Admin wiring: the permission checks in front of wagtail-localize's
translate and sync views, for pages and snippets (this app's hooks run
before wagtail-localize's, so these URLs answer first at the same addresses)."""

from django.urls import path

from wagtail import hooks

from .views import (
    GuardedSubmitPageTranslationView,
    GuardedSubmitSnippetTranslationView,
    GuardedUpdateTranslationsView,
)


@hooks.register("register_admin_urls")
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
    ]
