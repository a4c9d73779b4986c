"""Publishing a translation made with wagtail-localize only once it is
translated, or once its editor has seen what is not.

"Translate this page" makes a draft (settings:
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False). wagtail-localize's
"Publish in <language>" would then publish whatever is there, English text
in place of every string not yet translated, and only say afterwards that
some were missing. `refuse_incomplete_publish` (a `before_edit_page` hook,
ahead of wagtail-localize's) stops the first such publish and names the
fields still missing, with the tab each is on ("Slug (Promote tab)"). A
second "Publish" of the same page with the same fields missing goes ahead:
the editor has chosen to publish them in the source language for now.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

SESSION_KEY = "_commons_incomplete_publish"


def _tab_of_each_field(page):
    """Returns {field name: tab heading} from the page type's edit form."""
    tabs = {}
    for tab in page.specific_class.get_edit_handler().children:
        for name in tab.get_form_options().get("fields", []):
            tabs.setdefault(name, str(tab.heading))
    return tabs


def _field_label(page, name, tabs):
    """Returns how the editor knows field `name`: its label, and the tab it is
    on where that is not the first."""
    model = page.specific_class
    try:
        label = capfirst(model._meta.get_field(name).verbose_name)
    except Exception:  # a path that is not a model field
        label = capfirst(name.replace("_", " "))
    first_tab = next(iter(tabs.values()), None)
    tab = tabs.get(name)
    if tab and tab != first_tab:
        return _("%(field)s (%(tab)s tab)") % {"field": label, "tab": tab}
    return str(label)


def missing_fields(translation, page):
    """Returns the labels of the fields of `page` (the target of
    `translation`) with a string not yet translated, in the order of the
    source page, each once."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .select_related("context")
        .order_by("order")
    )
    names = list(dict.fromkeys(segment.context.path.split(".")[0] for segment in segments))
    if not names:
        return []
    tabs = _tab_of_each_field(page)
    return [_field_label(page, name, tabs) for name in names]


def refuse_incomplete_publish(request, page):
    """Refuses wagtail-localize's "Publish in <language>" once while fields are
    still untranslated, naming them; returns None to let it publish."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    if not isinstance(page, Page) or not page.permissions_for_user(request.user).can_publish():
        return None  # wagtail-localize refuses it
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        return None
    missing = missing_fields(translation, page)
    warned = request.session.get(SESSION_KEY, {})
    if not missing or warned.get(str(page.pk)) == missing:
        warned.pop(str(page.pk), None)
        request.session[SESSION_KEY] = warned
        return None
    warned[str(page.pk)] = missing
    request.session[SESSION_KEY] = warned
    messages.error(
        request,
        _(
            "Not published: these fields are not translated into %(language)s yet: "
            "%(fields)s. Translate them, or publish again to publish them in the "
            "original language for now."
        )
        % {
            "language": translation.target_locale.get_display_name(),
            "fields": ", ".join(missing),
        },
    )
    return redirect(request.path)
