"""`{% comments_section page %}` shows a page's approved comments and the form
under any page that opts in with `CommentableMixin`; `|comment_text` turns a
comment's plain text into safe HTML (the moderation queue and emails may use
it too).

The thread is rendered once per change to the page's comments, in each
language (a fragment cache, see `home.fragments` and `comments.signals`);
the empty form is a fragment too, with holes for each reader's CSRF token
and fill-in clock; a form with errors, notices and the poster's own held
comments are rendered for each request. Rendering the thread runs one
query for every approved comment and reply on the page and its
translations, whatever their number.
"""

import re

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from home import page_cache
from home.fragments import FRAME, cached_fragment
from home.models import SiteSettings

from ..escalation import waiting_label
from ..forms import CommentForm
from ..models import REPORTED_SESSION_KEY, Comment, CommentableMixin, CommentSettings
from ..receipts import receipt_path
from ..signals import thread_scope
from ..spam import URL_RE, URL_TRAILING, flags_in_words

register = template.Library()

LINK = '<a href="{}" rel="nofollow ugc noopener">{}</a>'


def _linkify_line(line):
    """Returns one line of plain text as HTML: everything escaped, bare
    http(s) links made into links."""
    parts = []
    last = 0
    for match in URL_RE.finditer(line):
        url = match.group(0).rstrip(URL_TRAILING)
        if len(url) <= len("https://"):
            continue
        start, end = match.start(), match.start() + len(url)
        parts.append(escape(line[last:start]))
        parts.append(format_html(LINK, url, url))
        last = end
    parts.append(escape(line[last:]))
    return "".join(parts)


@register.filter
def comment_text(text):
    """Returns a comment's plain text as safe HTML: escaped, paragraphs at
    blank lines, <br> at line breaks, bare links clickable with
    rel="nofollow ugc noopener". Nothing the writer typed becomes markup."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not text.strip():
        return ""
    paragraphs = re.split(r"\n\s*\n", text)
    html = "".join(
        "<p>{}</p>".format("<br>".join(_linkify_line(line) for line in para.split("\n")))
        for para in paragraphs
        if para.strip()
    )
    return mark_safe(html)  # noqa: S308 - every piece was escaped above


@register.filter
def language_name(code):
    """Returns a language's own name for itself ("Polski"), as the language
    switcher spells it, or the code."""
    names = dict(settings.LANGUAGES)
    if code in names:
        return names[code]
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


def thread(comments):
    """Returns (top-level comments, each with `thread_replies`, and the number
    shown). A reply shows only under a shown parent."""
    top = [c for c in comments if c.parent_id is None]
    by_parent = {c.pk: c for c in top}
    for c in top:
        c.thread_replies = []
    for c in comments:
        if c.parent_id in by_parent:
            by_parent[c.parent_id].thread_replies.append(c)
    return top, len(top) + sum(len(c.thread_replies) for c in top)


PUBLIC_FIELDS = ("id", "parent_id", "page_id", "name", "body", "language", "created_at")


def rendered_thread(request, page, closed_reason):
    """Returns (the number of approved comments shown, the HTML of the
    thread) for `page`, rendered once per change to its comments in each
    language (a fragment in `thread_scope(page)`): what every reader sees
    alike, never the form or anyone's own held comments."""

    def render():
        page_language = page.locale.language_code
        # Emails never leave the database for a public page: not even fetched.
        comments = list(
            Comment.objects.public()
            .for_page(page)
            .only(*PUBLIC_FIELDS)
            .order_by("created_at", "pk")
        )
        for c in comments:
            c.language_name = (
                language_name(c.language) if c.language not in ("", page_language) else ""
            )
        threads, count = thread(comments)
        html = render_to_string(
            "comments/comment_thread.html",
            {
                "threads": threads,
                "closed_reason": closed_reason,
                "page_url": page.get_url(request),
                "report_query": f"?on={page.pk}",
            },
        )
        return count, html

    return cached_fragment(
        "comment-thread",
        thread_scope(page),
        render,
        vary_on=[page.pk, bool(closed_reason), request.get_host()],
        request=request,
    )


@register.inclusion_tag("comments/comments_section.html", takes_context=True)
def comments_section(context, page):
    """The approved comments under `page` (on it and on every translation of
    it), oldest first with one level of replies, and the form to join in.
    The thread comes from its fragment (`rendered_thread`); the form, the
    reader's own held comments and notices are rendered for each request."""
    request = context.get("request")
    if not isinstance(page, CommentableMixin) or request is None:
        return {"show": False}
    closed_reason = page.get_comments_closed_reason()
    count, thread_html = rendered_thread(request, page, closed_reason)

    state = getattr(request, "comments_state", None)
    if state is not None and state.page_key != page.translation_key:
        state = None

    parent = state.parent if state else None
    if state is None and not closed_reason:
        reply_to = request.GET.get("reply_to", "")
        if reply_to.isdigit():
            # Only a shown top-level comment can be answered.
            parent = (
                Comment.objects.public()
                .for_page(page)
                .top_level()
                .only(*PUBLIC_FIELDS)
                .filter(pk=int(reply_to))
                .first()
            )
    form = state.form if state and state.form else None
    if parent is not None:
        action = reverse("public_comments:reply", args=[page.pk, parent.pk])
    else:
        action = reverse("public_comments:post", args=[page.pk])
    form_html = ""
    if form is None and parent is None and state is None and not closed_reason:
        form_html = blank_form_html(request, page, action)
    elif form is None:
        form = CommentForm()

    mine, posted = own_comments(request, page)
    session = getattr(request, "session", None)
    reported = session.pop(REPORTED_SESSION_KEY, None) if session is not None else None
    return {
        "show": True,
        "page": page,
        # Links to the page itself, never relative: after a refused comment
        # the form's own address (a POST-only view) is in the address bar.
        "page_url": page.get_url(request),
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "thread_html": thread_html,
        "count": count,
        "closed_reason": closed_reason,
        "form": form,
        "form_html": form_html,
        "action": action,
        "parent": parent,
        "notice": state.notice if state else "",
        "kept_text": state.kept_text if state else "",
        "mine": mine,
        "posted": posted,
        "reported": reported,
        "house_rules_url": house_rules_url(request),
        "report_query": f"?on={page.pk}",
    }


def blank_form_html(request, page, action):
    """Returns the HTML of the empty comment form under `page`, rendered once
    per change to the frame in each language (`home.page_cache.form_fragment`:
    kept cut at the CSRF token and the fill-in clock, filled for this reader
    with their own token and a fresh clock). A form with errors, a notice,
    kept words or a reply is never this one."""

    def render():
        return render_to_string(
            "comments/comment_form.html",
            {
                "form": CommentForm(),
                "action": action,
                "parent": None,
                "house_rules_url": house_rules_url(request),
            },
            request=request,
        )

    return page_cache.form_fragment(
        request, "comment-form", FRAME, render, vary_on=[page.pk, request.get_host()]
    )


def house_rules_url(request):
    """Returns the house rules page's URL in the reader's language (or ""),
    worked out once per change to the frame (the settings or a publish)."""

    def find():
        house_rules = SiteSettings.load(request_or_site=request).house_rules_page
        return house_rules.localized.get_url(request) if house_rules else ""

    return cached_fragment(
        "house-rules-url", FRAME, find, vary_on=[request.get_host()], request=request
    )


def own_comments(request, page):
    """Returns (the poster's own comments on this page that still wait for a
    moderator, the one they just posted or None), each with its private
    `receipt_url`. Read from their session only: nobody else ever sees a
    comment that is not approved."""
    session = getattr(request, "session", None)
    if session is None:
        return [], None
    ids = session.get("comments_mine") or []
    if not ids:
        return [], None
    comments = list(
        Comment.objects.filter(pk__in=ids)
        .for_page(page)
        # The email only signs each one's receipt link; it is never shown.
        .only(*PUBLIC_FIELDS, "status", "email")
        .order_by("created_at", "pk")
    )
    for comment in comments:
        comment.receipt_url = receipt_path(comment)
    posted_id = session.get("comments_posted")
    posted = next((c for c in comments if c.pk == posted_id), None)
    if posted is not None:
        del session["comments_posted"]
    # A comment the blocklist marked as spam looks held like any other to its
    # writer: spammers learn nothing.
    held = [c for c in comments if c.status in (Comment.Status.PENDING, Comment.Status.SPAM)]
    return held, posted


@register.simple_tag(takes_context=True)
def held_because(context, comment):
    """Returns why the spam checks held `comment`, in words, one sentence per
    flag, for the moderation queue (the site's current link limit read once
    per request)."""
    request = context.get("request")
    max_links = CommentSettings.load(request_or_site=request).max_links
    return flags_in_words(comment.flags, max_links)


@register.simple_tag
def waiting_since(since, now=None):
    """Returns how long a comment posted at `since` has waited, in words
    ("waiting 3 h"), for the queue and the escalation email."""
    return waiting_label(since, now)


@register.simple_tag
def waiting_time(comment, now=None):
    """Returns `comment`'s waiting time as a `<time>` element: the words
    ("waiting 3 h") with the exact posting time in `datetime` and `title`."""
    posted = timezone.localtime(comment.created_at)
    return format_html(
        '<time datetime="{}" title="{}">{}</time>',
        posted.isoformat(),
        date_format(posted, "DATETIME_FORMAT"),
        waiting_label(comment.created_at, now),
    )
