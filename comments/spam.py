"""The spam and abuse defences that are about comments only.

The order in which a comment meets every defence, and what each does:

1. Honeypot and minimum fill-in time (`home.defences.HumanCheckFormMixin`,
   as on every public form): refused, nothing stored, the form comes back
   with what was typed.
2. Rate limits per IP address and per email address
   (`home.defences.rate_limited(request, "comments", email=...)`, under the
   site settings' limits): refused, nothing stored.
3. Blocklist of words, email addresses (``@example.com`` blocks a domain) and
   IP addresses or networks (``203.0.113.0/24``) (`blocklist_reason`): the
   comment IS stored, then marked as spam through `Comment.mark_spam`, so the
   decision is in the audit log and a moderator can restore a false positive.
   The poster sees the same "held for moderation" as anyone else: a spammer
   learns nothing about the list.
4. More links than the site allows (`link_flags`): stored as pending like any
   comment, with a flag that the moderation queue shows; never approved
   automatically, even for a trusted commenter.

Steps 3 and 4 and trusted commenters are this module's.
"""

import contextlib
import ipaddress
import re

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from networks.models import CommentPolicy

from .models import Comment

__all__ = ["blocklist_reason", "find_links", "flags_in_words", "is_trusted_commenter", "link_flags"]

URL_RE = re.compile(r"https?://[^\s<>\"'`\x00-\x1f\x7f]+", re.IGNORECASE)
# Punctuation that ends a sentence rather than a link: "see https://x.org."
URL_TRAILING = ".,;:!?)]}»’”"


def find_links(text):
    """Returns the bare http(s) links in `text`, without trailing punctuation."""
    links = []
    for match in URL_RE.finditer(text or ""):
        url = match.group(0).rstrip(URL_TRAILING)
        if len(url) > len("https://"):
            links.append(url)
    return links


def link_flags(text, max_links):
    """Returns the flag to store on a comment with more than `max_links`
    links ("links:N"), or ""."""
    count = len(find_links(text))
    return f"links:{count}" if count > max_links else ""


def flags_in_words(flags, max_links):
    """Returns, for a moderator, why the spam checks held a comment, one
    sentence per flag ("Held: 3 links, more than the 2 allowed"); `max_links`
    is the site's limit."""
    words = []
    for flag in filter(None, (flags or "").split(",")):
        kind, _sep, value = flag.strip().partition(":")
        if kind == "links" and value.isdigit():
            count = int(value)
            words.append(
                ngettext(
                    "Held: %(count)s link, more than the %(allowed)s allowed",
                    "Held: %(count)s links, more than the %(allowed)s allowed",
                    count,
                )
                % {"count": count, "allowed": max_links}
            )
        else:
            words.append(_("Held by the spam checks: %(flag)s") % {"flag": flag})
    return words


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def blocklist_reason(comment_settings, *, name, email, body, ip):
    """Returns why the blocklists catch this comment (for the audit note), or ""."""
    email = (email or "").strip().lower()
    for entry in _lines(comment_settings.blocked_emails):
        entry = entry.lower()
        if email == entry or (entry.startswith("@") and email.endswith(entry)):
            return f"Blocked email address ({entry})"
    if ip:
        address = ipaddress.ip_address(ip)
        for entry in _lines(comment_settings.blocked_ips):
            with contextlib.suppress(ValueError):
                if address in ipaddress.ip_network(entry, strict=False):
                    return f"Blocked IP address ({entry})"
    text = f"{name}\n{body}".casefold()
    for entry in _lines(comment_settings.blocked_words):
        word = entry.casefold()
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            return f"Blocked word ({entry})"
    return ""


def is_trusted_commenter(page, email, comment_settings):
    """Returns True if the page's network approves trusted commenters
    automatically and `email` has at least N approved comments in that network
    and none rejected or marked as spam. N comes from the network, else the
    site; it is at least 1, so a stranger is never trusted."""
    source = page.get_comment_policy_source()
    if source is None or source.comment_policy != CommentPolicy.TRUST_REGULARS:
        return False
    needed = source.trusted_after
    if needed is None:
        needed = comment_settings.trusted_after
    needed = max(needed, 1)
    # The network in every language: each translation is its own subtree.
    history = (
        Comment.objects.by_email(email)
        .in_networks([source])
        .aggregate(
            approved=Count("pk", filter=Q(status=Comment.Status.APPROVED)),
            refused=Count(
                "pk", filter=Q(status__in=[Comment.Status.REJECTED, Comment.Status.SPAM])
            ),
        )
    )
    return history["refused"] == 0 and history["approved"] >= needed
