"""Each decision of "We did" links to the part of the proposal it answers:
every block of the proposal carries an anchor, and a decision whose point
reads as one of the proposal's headings links to it."""

import re

import pytest

from consultations.models import ConsultationPage

pytestmark = pytest.mark.django_db


def test_each_decision_links_to_the_heading_of_its_point(client, demo):
    page = ConsultationPage.objects.get(
        slug="food-partnership-priorities", locale__language_code="en"
    )
    html = client.get(page.url).content.decode()
    links = dict(re.findall(r'<h3><a href="#(proposal-[^"]+)">([^<]+)</a></h3>', html))
    assert sorted(links.values()) == ["Meet more often online", "Run more events"]
    for anchor, point in links.items():
        # The anchor is the proposal's part headed with the decision's point.
        part = re.search(rf'id="{anchor}">(.*?)</div>', html, re.S).group(1)
        assert point in part


def test_a_point_no_heading_reads_as_stays_plain_text(client, demo):
    page = ConsultationPage.objects.get(
        slug="food-partnership-priorities", locale__language_code="en"
    )
    decision = page.decisions.first()
    decision.proposal_point = "Something the proposal never said"
    decision.save()
    html = client.get(page.url).content.decode()
    assert "<h3>Something the proposal never said</h3>" in html
