"""Template tags through which other pages show consultations (the
network page and the home page, through the `hook_sections` hooks
registered in wagtail_hooks), and a consultation's JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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


@register.inclusion_tag("consultations/includes/answer_form.html", takes_context=True)
def answer_form(context, form):
    """The answer form, its error summary and the honeypot."""
    return {
        "form": form,
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
