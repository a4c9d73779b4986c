"""Admin wiring for the blog: the People snippet that editors pick authors from."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import BlogIndexPage, BlogPostPage, Person
from .permissions import PersonPermissionPolicy
from .views import (
    PersonDeleteView,
    PersonEditView,
    PersonHistoryView,
    PersonIndexView,
    PersonUsageView,
)

# Registered before any view asks for Person's policy (Wagtail 8 refuses a
# late registration, and deprecates setting it on the viewset).
register_permission_policy(Person, PersonPermissionPolicy(Person), exact_class=True)


class PersonViewSet(SnippetViewSet):
    """People who write for the blog, listed with their role and network.

    Site admins manage everyone, site-wide authors included. A network
    editor adds people and changes or deletes the people of the networks
    they edit, in any language (blog.permissions decides; the form offers
    only those networks and requires one). Their listing shows only those
    people, with a note that anyone else can still be chosen as a post's
    author: listing other networks' people read-only would invite edits the
    editor cannot make. Another network's person is refused by URL too
    (edit, delete, copy, history, usage). Choosing people in the post
    editor's chooser is open to every editor, so networks can co-author.
    Wagtail's snippet views write the create/edit/delete audit entries.
    """

    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "role", "network"]
    list_filter = ["network"]
    ordering = ["name"]
    index_template_name = "blog/admin/people_index.html"
    index_view_class = PersonIndexView
    edit_view_class = PersonEditView
    delete_view_class = PersonDeleteView
    history_view_class = PersonHistoryView
    usage_view_class = PersonUsageView


register_snippet(PersonViewSet)


@hooks.register("page_cache_listings")
def blog_index_lists_posts(page):
    """Every blog index (in every language) lists the posts (home.page_cache)."""
    if isinstance(page, BlogPostPage):
        return BlogIndexPage.objects.live()
    return ()


@hooks.register("page_cache_variants")
def blog_index_variants_of_a_post(page):
    """The blog indexes' numbered pages, network and tag listings and their
    feeds that show a post, in every language, for the CDN (home.page_cache).
    The counts are worked out once: every language lists each post once."""
    if not isinstance(page, BlogPostPage):
        return ()
    indexes = list(BlogIndexPage.objects.live())
    if not indexes:
        return ()
    paths = indexes[0].get_variant_paths(page)
    return [(index, path) for index in indexes for path in paths]
