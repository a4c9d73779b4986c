"""Admin wiring for the blog: the People snippet that editors pick authors from."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Person


class PersonViewSet(SnippetViewSet):
    """People who write for the blog, listed with their role and network."""

    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "role", "network"]
    list_filter = ["network"]
    ordering = ["name"]


register_snippet(PersonViewSet)
