"""The writer's private receipt link: no login, signed, expiring.

`receipt_token(comment)` signs the comment's id with a short digest of its
writer's email address (so that erasing the writer's details, or the
retention period removing the address, ends the link too) under a salt of
its own, with a timestamp. `comment_for_token(token)` returns the comment
or raises `ForgedReceipt` / `ExpiredReceipt`; links expire after Comment
settings' `receipt_days`. `receipt_url(comment)` is the link (in the active
language) that the "held for moderation" message and the
commenter's email carry.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse

from .models import Comment, CommentSettings

RECEIPT_SALT = "comments.receipt"


class ForgedReceipt(Exception):
    """The link was not made by this site, was altered, or names a comment
    (or a writer) that is no longer there."""


class ExpiredReceipt(Exception):
    """The link was genuine but is older than the receipt period."""


def _email_digest(email):
    return hashlib.sha256((email or "").strip().lower().encode()).hexdigest()[:12]


def receipt_token(comment):
    """Returns the signed token for `comment`'s receipt."""
    return signing.dumps({"c": comment.pk, "e": _email_digest(comment.email)}, salt=RECEIPT_SALT)


def receipt_max_age():
    """Returns how long a receipt link works (Comment settings)."""
    return timedelta(days=CommentSettings.load().receipt_days)


def comment_for_token(token):
    """Returns the comment `token` was made for. Raises ExpiredReceipt for a
    genuine link past its period, ForgedReceipt for anything else."""
    try:
        data = signing.loads(token, salt=RECEIPT_SALT, max_age=receipt_max_age())
    except signing.SignatureExpired as expired:
        raise ExpiredReceipt from expired
    except (signing.BadSignature, ValueError) as bad:
        raise ForgedReceipt from bad
    if not isinstance(data, dict) or not isinstance(data.get("c"), int):
        raise ForgedReceipt
    comment = Comment.objects.select_related("page", "appeal").filter(pk=data["c"]).first()
    if comment is None or not comment.email or data.get("e") != _email_digest(comment.email):
        raise ForgedReceipt
    return comment


def receipt_path(comment):
    """Returns the receipt's path under the active language's prefix (the
    views and emails activate the writer's language first)."""
    return reverse("public_comments:receipt", args=[receipt_token(comment)])


def receipt_url(comment):
    """Returns the receipt's absolute link, for an email."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + receipt_path(comment)
