"""Demo comments: residents' conversations under the demo pages they are
about (a conversation names its page), in every moderation state (pending,
approved, rejected, spam, hidden after reports, reported but still up),
with replies, a few in Polish and Urdu, and some flagged for links.
Transitions go through the model's methods, so the audit log reads like a
real moderator's week. The comment settings get ready-made reasons for
rejecting a comment.

Idempotent: a page that already has comments is left alone.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page, get_page_models

from .models import Comment, CommentableMixin, CommentReport, CommentSettings
from .spam import link_flags
from .views import hide_if_reported_enough

# (name, email, language, body, state, replies); state is one of pending,
# approved, rejected:<note>, spam, hidden (after reports), reported.
CONVERSATIONS = [
    [
        (
            "Marcia Thompson",
            "marcia.thompson@example.org",
            "en",
            "I've volunteered at the Tuesday food bank for six years. My worry with a "
            "co-op is the paperwork: who does the accounts when the treasurer moves away?"
            "\n\nNot against it. I just want a plan for that before we vote.",
            "approved",
            [
                (
                    "Tomasz Nowak",
                    "tomasz.nowak@example.org",
                    "pl",
                    "Zgadzam się. W naszej spółdzielni mieszkaniowej księgowość prowadzi mała "
                    "firma za niewielką opłatą. Może warto zapytać?",
                    "approved",
                ),
                (
                    "Amira (Food Partnership)",
                    "amira@example.org",
                    "en",
                    "Good question, Marcia. We have asked Co-operatives UK about shared "
                    "bookkeeping; their guide is at https://www.uk.coop/resources and we'll "
                    "bring a costed plan to the members' meeting.",
                    "approved",
                ),
                (
                    "Grace Osei",
                    "grace.osei@example.org",
                    "en",
                    "Could the accounts be shared between two people so nobody is stuck with it?",
                    "pending",
                ),
            ],
        ),
        (
            "Dev Patel",
            "dev.patel@example.org",
            "en",
            "Cafés already pay for surplus collection. Would members pay a fee on top? "
            "Some of the smaller growers can't afford another subscription.",
            "approved",
            [],
        ),
        (
            "شازیہ خان",
            "shazia.khan@example.org",
            "ur",
            "ہماری مسجد کا کمیونٹی کچن ہر جمعہ کو کھانا بانٹتا ہے۔ کیا ہم بھی رکن بن سکتے ہیں؟",
            "approved",
            [],
        ),
        (
            "Grace Osei",
            "grace.osei@example.org",
            "en",
            "Will the vote be online? Not everyone at the allotments uses email.",
            "pending",
            [],
        ),
        (
            "Anon",
            "anon1987@example.net",
            "en",
            "Waste of time. The council will do what it wants anyway and you lot are naive "
            "if you think otherwise.",
            "rejected:A personal attack on another person (house rule 3).",
            [],
        ),
        (
            "Best Loans UK",
            "offers@loans.example",
            "en",
            "Fast cash loans, no credit check! http://loans.example/ http://loans.example/apply "
            "http://loans.example/now",
            "spam",
            [],
        ),
    ],
    [
        (
            "Sam Reid",
            "sam.reid@example.org",
            "en",
            "Coproduction cannot be rushed: yes. But funders want outputs every quarter. "
            "How did you explain the slower pace to yours?",
            "approved",
            [
                (
                    "Priya (Digital Practitioners)",
                    "priya@example.org",
                    "en",
                    "We reported what we learned rather than what we shipped, and invited the "
                    "funder to one of the design sessions. Seeing it helped more than any report.",
                    "approved",
                ),
            ],
        ),
        (
            "Kev",
            "kev.m@example.net",
            "en",
            "Six months of workshops to make a web form. My nephew could knock it up in a "
            "weekend. Pathetic, the lot of you.",
            "hidden",
            [],
        ),
        (
            "Jordan Blake",
            "jordan.blake@example.org",
            "en",
            "Accessibility audits should be done by disabled people who are paid for it, "
            "not ticked off by an agency. Our rates are public: https://example.org/rates",
            "reported",
            [],
        ),
        (
            "Ola Wiśniewska",
            "ola.w@example.org",
            "en",
            "Three write-ups that helped us explain co-design to funders:\n"
            "https://example.org/a\nhttps://example.org/b\nhttps://example.org/c",
            "pending",
            [],
        ),
    ],
    [
        (
            "Bernadette Kelly",
            "bernadette.kelly@example.org",
            "en",
            "I sat on the grants panel last spring. It was the first time anyone asked me how "
            "money should be spent on my own estate. Please keep doing this.",
            "approved",
            [],
        ),
        (
            "Yusuf Ali",
            "yusuf.ali@example.org",
            "en",
            "How were the panel members chosen? I'd like to put myself forward next round.",
            "approved",
            [
                (
                    "Chris Morgan",
                    "chris.morgan@example.org",
                    "en",
                    "Same question here. And is there childcare during panel meetings?",
                    "pending",
                ),
            ],
        ),
        (
            "Mark",
            "mark.j@example.net",
            "en",
            "The fly-tipping on our road is all down to the man at number 14, everyone "
            "knows his name.",
            "rejected:Shares someone's personal details (house rule 4).",
            [],
        ),
    ],
    [
        (
            "Leah, 16",
            "leah.youthclub@example.org",
            "en",
            "Can we host at the Northside club in March? We've got the new kitchen now so we "
            "could do food for everyone.",
            "approved",
            [],
        ),
        (
            "Mr Okafor (youth worker)",
            "d.okafor@example.org",
            "en",
            "Love the idea of moving around. Is there a budget for bus fares so young people "
            "from the east side can get there?",
            "pending",
            [],
        ),
        (
            "Followers Fast",
            "seo@followers.example",
            "en",
            "GROW YOUR FOLLOWERS FAST!!! http://followers.example/buy",
            "spam",
            [],
        ),
    ],
]

#: The page each conversation above answers, by the end of its path: each
#: network's first post, so a conversation is only ever under the post it
#: is about. Polish and Urdu comments are on the food partnership's post,
#: which is translated into both.
CONVERSATION_PAGES = [
    "/food-partnership/first-post/",  # Should we become a co-operative? Tell us why not
    "/digital-practitioners/first-post/",  # Coproduction cannot be rushed
    "/health-wellbeing/first-post/",  # Residents now hold the purse strings
    "/young-people/first-post/",  # Ten clubs, ten hosts, one network
]

#: Ready-made reasons for rejecting a comment (Settings → Comment settings).
REJECTION_REASONS = [
    "Off topic: it is not about this page.",
    "A personal attack on another person (house rule 3).",
    "Shares someone's personal details (house rule 4).",
    "Advertising or spam.",
    "Abusive or hateful language (house rule 2).",
]

REPORT_IPS = ["198.51.100.7", "198.51.100.23", "203.0.113.45"]


def commentable_pages():
    """Returns the live pages that take comments, in tree order, whatever
    their type (this app knows no page model by name)."""
    models = [m for m in get_page_models() if issubclass(m, CommentableMixin)]
    return Page.objects.live().type(*models).filter(locale__language_code="en").order_by("path")


def moderator_for(page):
    """Returns the network moderator demo account for `page`, or the site one."""
    User = get_user_model()
    for ancestor in page.get_ancestors(inclusive=True).reverse():
        user = User.objects.filter(username=f"{ancestor.slug}-moderator").first()
        if user:
            return user
    return User.objects.filter(username="moderator").first()


def add_comment(page, parent, data, when, moderator, settings):
    name, email, language, body, state = data[:5]
    comment = Comment.objects.create(
        page=page,
        parent=parent,
        name=name,
        email=email,
        language=language,
        body=body,
        notify=len(name) % 2 == 0,
        flags=link_flags(body, settings.max_links),
        ip_address="192.0.2.10",
        created_at=when,
    )
    if state in ("approved", "hidden", "reported"):
        comment.approve(by=moderator)
    elif state.startswith("rejected"):
        note = state.partition(":")[2]
        comment.reject(by=moderator, note=note, reason=note if note in REJECTION_REASONS else "")
    elif state == "spam":
        comment.mark_spam(by=moderator, note="Advertising or spam.")
    if state in ("hidden", "reported"):
        reasons = [CommentReport.Reason.ABUSIVE, CommentReport.Reason.ABUSIVE]
        reasons += [CommentReport.Reason.OTHER] if state == "hidden" else []
        if state == "reported":
            reasons = [CommentReport.Reason.OFF_TOPIC]
        for ip, reason in zip(REPORT_IPS, reasons, strict=False):
            CommentReport.objects.create(comment=comment, reason=reason, ip_address=ip)
        hide_if_reported_enough(comment, settings)
    return comment


TOP_LEVEL_GAP = timedelta(hours=3, minutes=17)
REPLY_GAP = timedelta(minutes=41)


def conversation_start(page, conversation):
    """Returns when a conversation on `page` starts, so that its last comment
    comes before the page's comments closed (and before now), never before
    the page was published."""
    span = sum(
        (TOP_LEVEL_GAP + REPLY_GAP * len(replies) for *_data, replies in conversation),
        timedelta(),
    )
    end = timezone.now() - timedelta(hours=12)
    close_at = page.get_comments_close_at()
    if close_at is not None:
        end = min(end, close_at - timedelta(hours=1))
    start = end - span
    published = page.first_published_at
    if published is not None and start < published:
        start = published
    return start


def load_rejection_reasons():
    """Gives the comment settings the demo's ready-made rejection reasons,
    unless the site admins wrote their own."""
    settings = CommentSettings.load()
    if not settings.rejection_reasons.strip():
        settings.rejection_reasons = "\n".join(REJECTION_REASONS)
        settings.save(update_fields=["rejection_reasons"])


def load(out):
    load_rejection_reasons()
    if Comment.objects.exists():
        # Loaded already: pages that take comments have come since (events,
        # consultations), so the first pages in tree order are not the same.
        out.write("  comments: already there")
        return
    settings = CommentSettings.load()
    candidates = commentable_pages()
    pages = []
    added = 0
    for path, conversation in zip(CONVERSATION_PAGES, CONVERSATIONS, strict=True):
        page = candidates.filter(url_path__endswith=path).first()
        if page is None or Comment.objects.filter(page=page).exists():
            continue
        page = page.specific
        pages.append(page)
        moderator = moderator_for(page)
        when = conversation_start(page, conversation)
        for *data, replies in conversation:
            when += TOP_LEVEL_GAP
            comment = add_comment(page, None, data, when, moderator, settings)
            added += 1
            for reply in replies:
                when += REPLY_GAP
                add_comment(page, comment, reply, when, moderator, settings)
                added += 1
    out.write(f"  comments: {added} comments in every moderation state on {len(pages)} pages")
