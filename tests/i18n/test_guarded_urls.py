"""wagtail-localize's translate and sync addresses are answered by the
guarded views (languages.views), not by wagtail-localize's own, whatever
order the apps' admin URLs are registered in."""

from django.urls import resolve

import pytest

from languages import views

GUARDED = {
    "/admin/localize/submit/page/3/": views.GuardedSubmitPageTranslationView,
    "/admin/localize/submit/snippet/blog/person/3/": views.GuardedSubmitSnippetTranslationView,
    "/admin/localize/update/3/": views.GuardedUpdateTranslationsView,
    "/admin/localize/reports/translations/": views.GuardedTranslationsReportView,
    "/admin/localize/reports/translations/results/": views.GuardedTranslationsReportView,
}


@pytest.mark.parametrize("url", GUARDED)
def test_the_guarded_view_answers_at_wagtail_localizes_address(url):
    assert resolve(url).func.view_class is GUARDED[url]
