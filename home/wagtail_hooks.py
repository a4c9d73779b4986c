"""Admin wiring for the site-wide pieces: the Privacy requests page (Settings
menu, site admins only), the audit-log actions of `home.privacy`, and the
page cache's mark on every page served to an anonymous reader."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import page_cache
from .admin_views import PrivacyRequestView


@hooks.register("on_serve_page")
def cache_pages_for_anonymous_readers(next_serve):
    """Marks each page served to an anonymous reader for the page cache
    (home.page_cache), after Wagtail's view restrictions have answered."""

    def serve(page, request, args, kwargs):
        page_cache.mark_page(request, page)
        return next_serve(page, request, args, kwargs)

    return serve


@hooks.register("register_admin_urls")
def register_privacy_requests_url():
    return [path("privacy/", PrivacyRequestView.as_view(), name="privacy_requests")]


class SiteAdminsMenuItem(MenuItem):
    """A menu item only site admins see."""

    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_privacy_requests_menu_item():
    return SiteAdminsMenuItem(
        _("Privacy requests"), reverse("privacy_requests"), icon_name="user", order=900
    )


@hooks.register("register_log_actions")
def register_privacy_log_actions(actions):
    actions.register_action(
        "privacy.export", _("Export personal data"), _("Personal data exported")
    )
    actions.register_action("privacy.erase", _("Erase personal data"), _("Personal data erased"))
