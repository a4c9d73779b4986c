"""After "Send report" the reader is taken to the comments and thanked there,
where they are, not in the site's messages at the top of the page."""

from django.test import Client
from django.urls import reverse

import pytest

from .public_helpers import approved_comment, demo_post, html

pytestmark = pytest.mark.django_db

THANKS = "Thank you for telling us. A moderator will look at this comment."


def test_the_thanks_is_in_the_comments_section_where_the_reader_lands(demo):
    comment = approved_comment(demo_post())
    client = Client(REMOTE_ADDR="192.0.2.1")
    response = client.post(
        reverse("public_comments:report", args=[comment.pk]), {"reason": "off_topic"}
    )
    assert response["Location"].endswith("#comments")
    page = html(client.get(response["Location"]))
    section = page.split('id="comments"', 1)[1]
    assert THANKS in section
    assert THANKS not in page.split('id="comments"', 1)[0]
    assert '<p class="message message--success comments__reported" role="status"' in section
    # Said once: not again on the next visit.
    assert THANKS not in html(client.get(response["Location"]))
