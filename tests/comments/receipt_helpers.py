"""Helpers for the receipt and appeal tests: a rejected comment with a
reason, its receipt link, and an appeal sent the way a browser would."""

from django.utils import translation

from comments.receipts import receipt_path
from tests.comments.moderation_fixtures import FOOD, make_comment, post_in, user

REASON = "Please do not name private individuals."


def rejected_comment(*, by="food-partnership-moderator", language="en", **fields):
    """Returns a comment on the food partnership's post rejected by `by` with REASON."""
    fields = {
        "name": "Ruth",
        "email": "ruth@example.org",
        "body": "The landlord at no. 4...",
        **fields,
    }
    comment = make_comment(post_in(FOOD), language=language, **fields)
    return comment.reject(by=user(by), note=REASON)


def receipt_of(comment, language="en"):
    """Returns the comment's receipt path, in `language`."""
    with translation.override(language):
        return receipt_path(comment)


def send_appeal(client, comment, note="I named nobody: no. 4 is the council's office."):
    return client.post(receipt_of(comment), {"note": note, "contact_me_by_fax_only": ""})
