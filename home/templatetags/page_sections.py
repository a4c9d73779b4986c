"""`{% page_sections "hook-name" … %}`: the places where content apps add a
section to a page that lives below them (the home page, a network's page)
without that page's app knowing them. Each function registered for the
Wagtail hook `hook-name` is called with the template context and the tag's
keyword arguments, and returns HTML (or ""); the sections appear in the
order the hooks were registered.

Hooks in use: ``home_page_sections`` (the home page's body),
``network_page_sections`` (a network page's main column, with
``network=page``) and ``network_page_head`` (its <head>, for feed links)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, hook_name, **kwargs):
    """Renders the sections every `hook_name` hook returns, one after another."""
    return mark_safe(  # noqa: S308 (each part is escaped or already safe HTML)
        "".join(
            conditional_escape(section(context, **kwargs) or "")
            for section in hooks.get_hooks(hook_name)
        )
    )
