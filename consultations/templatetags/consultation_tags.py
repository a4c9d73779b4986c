"""Template tags through which other pages show consultations (the
network page and the home page, through the `hook_sections` hooks
registered in wagtail_hooks), and a consultation's JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from home import page_cache
from home.fragments import FRAME

register = template.Library()

# Characters that could end a <script> element, as JSON escapes.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def consultation_json_ld(data):
    """Renders `data` as a JSON-LD script element, escaped so that no text
    in it can close the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 (escaped above)
    )


@register.simple_tag(takes_context=True)
def answer_form(context, form):
    """The answer form, its error summary and the honeypot. An empty form
    (not sent, no errors) is a fragment: rendered once per change to the
    frame (a publish, a question saved) in each language, with holes for
    each reader's own CSRF token and fill-in clock (home.page_cache)."""
    request = context.get("request")
    page = context.get("page")

    def render():
        return render_to_string(
            "consultations/includes/answer_form.html", {"form": form}, request=request
        )

    if form.is_bound or form.errors or request is None or page is None:
        return render()

    return page_cache.form_fragment(
        request, "consultation-answer-form", FRAME, render, vary_on=[page.pk, request.get_host()]
    )
