"""Demo consultations: the index at /consultations/ (in place of the
placeholder page older versions of the home loader made), and per network one open
consultation and one closed with results, answers and its three-part
outcome. The Food Partnership's open one is its co-operative consultation,
answered in several languages. Digital Practitioners also have one upcoming;
Health & Wellbeing one closed and overdue for its outcome. Dates are set
relative to the moment of loading. The languages loader (after this one)
translates everything under the Food Partnership into Polish and Urdu; the
texts are in `languages.demo_texts`."""

import datetime

from django.utils import timezone

from home.demo import ensure_page, home_page
from home.demo import rich as p
from home.models import StandardPage
from networks.models import NetworkPage

from .models import (
    ConsultationDecision,
    ConsultationFormField,
    ConsultationIndexPage,
    ConsultationPage,
)
from .responses import ConsultationResponse, Publication

DAY = datetime.timedelta(days=1)

WHY_NOT = "Why should we not become a co-operative?"
WORRY = "What worries you most about becoming a co-operative?"
MEMBERSHIP = "Which membership types should we offer?"
AGM = "Would you come to an annual general meeting (AGM)?"

COOP_QUESTIONS = [
    (
        WHY_NOT,
        "multiline",
        "",
        "Tell us honestly: we want to hear from people who think this is a waste of time, or a "
        "bad idea, and why.",
    ),
    (
        WORRY,
        "radio",
        "The cost of membership, More meetings and paperwork, Losing our informal way of "
        "working, Legal responsibility, Nothing worries me",
        "",
    ),
    (
        MEMBERSHIP,
        "checkboxes",
        "Residents, Growers and producers, Workers, Community organisations",
        "Choose as many as you like.",
    ),
    (AGM, "radio", "Yes, Maybe, No", ""),
]

COOP_ANSWERS = [
    (
        "en",
        "It will take up the time we now spend growing food.",
        "More meetings and paperwork",
        ["Residents", "Growers and producers"],
        "Maybe",
        True,
    ),
    (
        "en",
        "A co-op is only worth it if members really run it. I doubt we have the people.",
        "Legal responsibility",
        ["Residents", "Workers"],
        "No",
        True,
    ),
    (
        "pl",
        "Boję się, że składki odstraszą rodziny z mniejszymi dochodami.",
        "The cost of membership",
        ["Residents", "Community organisations"],
        "Yes",
        True,
    ),
    (
        "bn",
        "আমরা এখন যেভাবে কাজ করি সেটাই ভালো, নিয়মকানুন বাড়লে স্বেচ্ছাসেবীরা চলে যাবে।",
        "Losing our informal way of working",
        ["Residents"],
        "Maybe",
        False,
    ),
    (
        "ur",
        "کوآپریٹو اچھا خیال ہے، لیکن پہلے یہ بتائیں کہ فیصلے کون کرے گا۔",
        "Nothing worries me",
        ["Residents", "Growers and producers", "Workers"],
        "Yes",
        True,
    ),
]

CLOSED_QUESTIONS = [
    (
        "What should we do first?",
        "radio",
        "Run more events, Write a shared guide, Meet more often online",
        "",
    ),
    ("Which days suit you?", "checkboxes", "Weekdays, Evenings, Weekends", ""),
    ("Anything else?", "multiline", "", ""),
]

CLOSED_ANSWERS = [
    ("Run more events", ["Evenings"], "Please keep things short and near the bus routes."),
    ("Run more events", ["Weekends", "Evenings"], "Events for families, please."),
    ("Write a shared guide", ["Weekdays"], ""),
    ("Meet more often online", ["Evenings"], "Online works for carers like me."),
    ("Run more events", ["Weekends"], ""),
    ("Write a shared guide", ["Weekdays", "Weekends"], "A guide we can print would help."),
]

NETWORK_TOPICS = {
    "food-partnership": (
        "Our growing season plans",
        "Tell us what the partnership should do first this year.",
    ),
    "digital-practitioners": (
        "How we share what we learn",
        "Help us choose how practitioners share their work.",
    ),
    "health-wellbeing": (
        "Walking groups across the borough",
        "Where and when should the walking groups meet?",
    ),
    "young-people": (
        "What the youth forum does next",
        "Young people choose the forum's next steps.",
    ),
}


def replace_placeholder(home):
    """Removes the placeholder "Consultations" page older versions of the
    home loader made (a database loaded before the consultations existed)."""
    placeholder = home.get_children().filter(slug="consultations").first()
    if placeholder is not None and isinstance(placeholder.specific, StandardPage):
        placeholder.delete()


def ensure_index(home):
    replace_placeholder(home)
    return ensure_page(
        home,
        ConsultationIndexPage,
        "consultations",
        title="Consultations",
        show_in_menus=True,
        intro="Have your say on what the networks and the council plan next.",
        before="about",
    )


def questions(spec):
    return [
        ConsultationFormField(
            label=label,
            field_type=kind,
            choices=choices,
            help_text=help_text,
            required=kind != "checkboxes",
        )
        for label, kind, choices, help_text in spec
    ]


def add_consultation(parent, slug, **fields):
    """Creates and publishes a consultation under `parent` unless it exists."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return None
    page = ConsultationPage(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def respond(page, answers, language="en", name="", email="", may_publish=None, when=None):
    response = ConsultationResponse.objects.create(
        page=page,
        form_data=answers,
        name=name,
        email=email,
        may_publish=may_publish,
        language=language,
        publication=Publication.PENDING if may_publish else Publication.PRIVATE,
    )
    if when is not None:
        ConsultationResponse.objects.filter(pk=response.pk).update(submit_time=when)
    return response


def names_of(page):
    return [field.clean_name for field in page.form_fields.all()]


def load_coop(network, now):
    page = add_consultation(
        network,
        "should-we-become-a-co-operative",
        title="Should we become a co-operative? Tell us why not",
        summary=(
            "We are thinking of becoming a community co-operative owned by its members. Before we "
            "decide, we want to hear the case against."
        ),
        proposal=p(
            "The partnership would become a community co-operative: members would own it, elect "
            "its board at an annual general meeting and decide how any surplus is spent.",
            "We are keen to hear from people who think this is a waste of time or a bad idea, and "
            "importantly why.",
        ),
        opens_at=now - 7 * DAY,
        closes_at=now + 21 * DAY,
        results_due=(now + 49 * DAY).date(),
        audience="Everyone who grows, cooks, buys or volunteers with the Food Partnership.",
        use_of_answers=(
            "The steering group reads every answer before it decides. We publish the figures and "
            "what we decided; we never publish names."
        ),
        contact_name="Amira Khan",
        contact_email="food@commons.localhost",
        thank_you_text=(
            "The steering group meets after the consultation closes to read every answer."
        ),
        form_fields=questions(COOP_QUESTIONS),
    )
    if page is None:
        return 0
    page.tags.add("co-operative", "governance")
    page.save_revision().publish()
    why, worry, membership, agm = names_of(page)
    for i, (language, text, worry_answer, types, agm_answer, publish) in enumerate(COOP_ANSWERS):
        respond(
            page,
            {why: text, worry: worry_answer, membership: types, agm: agm_answer},
            language=language,
            email=f"resident{i}@example.org",
            may_publish=publish,
            when=now - (5 - i) * DAY,
        )
    return 1


def load_closed(network, now, topic, summary, *, with_outcome=True, slug_suffix=""):
    page = add_consultation(
        network,
        f"{network.slug}-priorities{slug_suffix}",
        title=topic,
        summary=summary,
        # A heading per idea: each decision of "We did" links to its own.
        proposal=[
            *p("We put forward three ideas and asked which should come first."),
            {"type": "heading", "value": {"text": "Run more events", "level": "h3"}},
            *p("An event every month, somewhere different each time."),
            {"type": "heading", "value": {"text": "Write a shared guide", "level": "h3"}},
            *p("One guide to what each member organisation offers."),
            {"type": "heading", "value": {"text": "Meet more often online", "level": "h3"}},
            *p("A short online meeting between the monthly ones."),
        ],
        opens_at=now - 70 * DAY,
        closes_at=now - 40 * DAY,
        results_due=(now - 12 * DAY).date(),
        audience="Members and friends of the network.",
        use_of_answers="We count the answers and publish what we decided.",
        ask_email="not_asked",
        form_fields=questions(CLOSED_QUESTIONS),
        we_asked="Which of three ideas should come first, and when people can come."
        if with_outcome
        else "",
        you_said="Most of you asked for more events, in the evenings." if with_outcome else "",
        outcome_published_at=(now - 10 * DAY) if with_outcome else None,
        decisions=[
            ConsultationDecision(
                proposal_point="Run more events",
                decision="We will run an event every month, in the evening.",
                status="accepted",
                reason="It was the first choice of most people who answered.",
            ),
            ConsultationDecision(
                proposal_point="Meet more often online",
                decision="We will not add online meetings this year.",
                status="not_taken_forward",
                reason="Few people chose it, and we do not have the volunteers.",
            ),
        ]
        if with_outcome
        else [],
    )
    if page is None:
        return 0
    first, days, anything = names_of(page)
    for i, (choice, chosen, text) in enumerate(CLOSED_ANSWERS):
        response = respond(
            page,
            {first: choice, days: chosen, anything: text},
            may_publish=bool(text),
            when=now - (60 - i) * DAY,
        )
        if with_outcome and text and i != 1:
            response.approve(note="Demo")
    return 1


def load_upcoming(network, now):
    return bool(
        add_consultation(
            network,
            "open-source-tools-survey",
            title="Which open source tools should we train people in?",
            summary="A short survey before our training plan for next year.",
            opens_at=now + 10 * DAY,
            closes_at=now + 40 * DAY,
            form_fields=questions([("Which tools do you use?", "multiline", "", "")]),
        )
    )


def load_open(network, now, topic):
    return bool(
        add_consultation(
            network,
            f"{network.slug}-ideas",
            title=f"Your ideas: {topic.lower()}",
            summary="Tell us your ideas for the year ahead.",
            opens_at=now - 3 * DAY,
            closes_at=now + 3 * DAY + datetime.timedelta(hours=6),
            form_fields=questions(
                [
                    (
                        "How often should we meet?",
                        "radio",
                        "Every week, Every month, Every season",
                        "",
                    ),
                    ("Your idea", "multiline", "", ""),
                ]
            ),
        )
    )


def load(out):
    home = home_page()
    ensure_index(home)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    count = 0
    for slug, (topic, summary) in NETWORK_TOPICS.items():
        network = NetworkPage.objects.filter(slug=slug, locale=home.locale).first()
        if network is None:
            continue
        count += load_closed(network, now, topic, summary)
        if slug == "food-partnership":
            count += load_coop(network, now)
        else:
            count += load_open(network, now, topic)
        if slug == "digital-practitioners":
            count += load_upcoming(network, now)
        if slug == "health-wellbeing":
            count += load_closed(
                network,
                now,
                "Opening hours of the wellbeing hub",
                summary,
                with_outcome=False,
                slug_suffix="-overdue",
            )
    out.write(f"  consultations: consultation index and {count} consultations")
