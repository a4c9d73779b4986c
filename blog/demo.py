"""Demo blog: the blog index, the people who write, several posts per network
(one first published on a member's own blog) and two site-wide posts.

Idempotent: people are found by name and posts by slug, so a second run
changes nothing."""

import datetime

from django.utils import timezone

from home.demo import ensure_page, home_page
from home.demo import rich as p
from networks.models import NetworkPage

from .models import BlogIndexPage, BlogPostAuthor, BlogPostPage, Person

PEOPLE = {
    "Amira Khan": ("Co-ordinator", "food-partnership"),
    "Tom Okafor": ("Chair of the steering group", "food-partnership"),
    "Sunita Mehta": ("Service designer", "digital-practitioners"),
    "Kwame Asante": ("Digital lead, Northside Advice Centre", "digital-practitioners"),
    "Joanna Kowalska": ("Volunteer and accessibility tester", "digital-practitioners"),
    "Rahim Uddin": ("Community development worker", "health-wellbeing"),
    "Bronwen Pryce": ("Resident panel member", "health-wellbeing"),
    "Maya Thompson": ("Young leader", "young-people"),
    "Dev Patel": ("Youth worker, Eastfield Youth Club", "young-people"),
    "Lily Chen": ("Young leader", "young-people"),
    "Grace Adeyemi": ("Editor, Commons", None),
}


def h(text):
    return [{"type": "heading", "value": {"text": text, "level": "h2"}}]


def quote(text, who=""):
    return [{"type": "quote", "value": {"quote": text, "attribution": who}}]


def table(caption, rows):
    return [
        {
            "type": "table",
            "value": {
                "data": rows,
                "table_caption": caption,
                "table_header_choice": "row",
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "cell": [],
                "mergedCells": [],
            },
        }
    ]


# Each network's first post keeps the slug the project's first demo gave it:
# other apps' tests and the translated demo pages refer to it.
FIRST_POST = "first-post"

POSTS = {
    "food-partnership": [
        {
            "slug": FIRST_POST,
            "title": "Should we become a co-operative? Tell us why not",
            "intro": "Before members vote in the spring, we want to hear every reason this "
            "could go wrong. Not the reasons it might work: we have heard plenty of those.",
            "days_ago": 26,
            "authors": ["Amira Khan", "Tom Okafor"],
            "tags": ["co-operatives", "governance", "members"],
            "body": p(
                "For three years the Food Partnership has been a loose network: forty-odd "
                "growers, food banks, community cafés and kitchens who meet every other month, "
                "share a WhatsApp group and, when a grant comes in, share the work. It has "
                "served us well. It has also meant that a handful of us end up holding the "
                "money, the contracts and the worry.",
                "At the last members' meeting someone asked the obvious question: should we "
                "become a co-operative, owned and run by the members? The room was keen. "
                "That is exactly why the steering group wants to slow down.",
            )
            + h("Why we are asking for the case against")
            + p(
                "When everyone in a room agrees, the people with doubts tend to stay quiet. "
                "Those doubts are usually the most useful thing in the room. A co-operative "
                "would change who is responsible when things go wrong, how decisions get "
                "made and how much of your time a meeting takes. Those are real costs, and "
                "they land hardest on the smallest members.",
                "So before we draft anything, we are asking one question: <b>why might "
                "becoming a co-operative be a bad idea for you?</b>",
            )
            + quote(
                "I love the idea. I'm just not sure my café can afford to be a director of "
                "anything.",
                "A member, at the September meeting",
            )
            + h("How to tell us")
            + p(
                "Comment below, email Amira, or come to one of the drop-ins at the Eastfield "
                "community kitchen on the first Tuesday of the month. You can tell us "
                "anonymously if you would rather. We will publish everything we hear, grouped "
                "by theme, before anyone is asked to vote.",
            ),
        },
        {
            "slug": "five-reasons-not-to-become-a-co-operative",
            "title": "Five reasons members gave us for not becoming a co-operative",
            "intro": "Sixty-three of you answered. Here is what you said, in your words, and "
            "what the steering group thinks we should do next.",
            "days_ago": 5,
            "authors": ["Tom Okafor"],
            "tags": ["co-operatives", "governance", "members"],
            "body": p(
                "Thank you to everyone who told us why becoming a co-operative might be a bad "
                "idea. Sixty-three members replied: by email, in the comments, on paper at "
                "the drop-ins and, in two cases, on the back of a delivery note.",
            )
            + table(
                "What members worried about most",
                [
                    ["Worry", "Members who raised it"],
                    ["Directors' legal responsibilities", "27"],
                    ["More meetings, less growing and cooking", "22"],
                    ["Big members outvoting small ones", "15"],
                    ["Losing the informality that makes it friendly", "12"],
                    ["The cost of setting up and annual accounts", "9"],
                ],
            )
            + p(
                "The first two came up again and again. Several of you pointed out that the "
                "people with the least spare time (single parents running a breakfast club, "
                "a grower with two jobs) are the ones a co-operative most needs to hear "
                "from and the ones it is most likely to lose.",
                "The steering group is not recommending a vote yet. Instead we will try six "
                "months of working as if we were a co-operative, with rotating chairs and "
                "decisions by members' vote, and see how it feels before anyone signs a "
                "legal document.",
            ),
        },
        {
            "slug": "a-year-of-the-community-fridge",
            "title": "A year of the community fridge",
            "intro": "No forms, no questions, no referral. What happened when we trusted "
            "people to take what they need.",
            "days_ago": 118,
            "authors": ["Amira Khan"],
            "tags": ["trust", "food"],
            "body": p(
                "When the fridge outside St Anne's hall opened last autumn, the worry we heard "
                "most was that one or two people would empty it every morning. It has not "
                "happened. On an average day 140 items go in and 135 come out.",
                "What did happen was slower and better. Neighbours started leaving notes. A "
                "bakery on the high street now drops off its unsold bread at six. Three of the "
                "people who first came to take food are now the volunteers who clean it.",
            )
            + quote(
                "Nobody asked me why I needed it. That's why I came back to help.",
                "A volunteer",
            )
            + p(
                "Trust is not a policy. It is what you get when you stop asking people to "
                "prove they deserve help.",
            ),
        },
    ],
    "digital-practitioners": [
        {
            "slug": FIRST_POST,
            "title": "Coproduction cannot be rushed",
            "intro": "What we learned from a year of designing a referral service with the "
            "people who use it, and why the project plan was wrong from week two.",
            "days_ago": 47,
            "authors": ["Sunita Mehta"],
            "tags": ["coproduction", "service design"],
            "body": p(
                "Our plan said twelve weeks: four of research, four of design, four of "
                "testing. We took fifty-one. Nothing went wrong. The plan was simply written "
                "for a project that was done <i>to</i> people, and we had promised to do it "
                "<i>with</i> them.",
            )
            + h("What took the time")
            + p(
                "Meetings had to happen when people could come, which meant evenings, school "
                "holidays off, and childcare paid for. Trust had to be earned before anyone "
                "told us what the old referral form had cost them. Twice, the group asked us "
                "to throw away a design we were proud of. Both times they were right.",
                "None of that fits in a Gantt chart. All of it is the work.",
            )
            + quote(
                "You kept coming back. That's when I started telling you the real story.",
                "A member of the design group",
            )
            + h("What we would tell a funder")
            + p(
                "Budget for time, not for outputs. Pay people for their expertise. Expect the "
                "brief to change, and treat that as the project working, not failing.",
            ),
        },
        {
            "slug": "who-is-accountable-when-a-shared-service-fails",
            "title": "Who is accountable when a shared service fails?",
            "intro": "Four charities, one booking system, and the Tuesday it stopped working. "
            "Shared accountability sounds fine until something breaks.",
            "days_ago": 96,
            "authors": ["Kwame Asante"],
            "tags": ["shared accountability", "digital services"],
            "body": p(
                "On a Tuesday in spring the booking system that four advice centres share "
                "stopped sending confirmation texts. For six hours nobody noticed, and when "
                "we did, each of us assumed one of the others was already on it.",
                "We fixed the bug by lunchtime. The harder work was agreeing what shared "
                "accountability means in practice: who watches, who tells residents, who "
                "apologises, and who pays.",
            )
            + h("What we agreed")
            + p(
                "One named person each week is on call for the whole partnership, on a rota. "
                "Residents hear from whichever centre they booked with, never from a system. "
                "And every incident gets a short, blameless write-up that all four boards "
                "read.",
            ),
        },
        {
            "slug": "the-form-nobody-could-finish",
            "title": "The form nobody could finish",
            "intro": "I tested a council form with a screen reader, a cracked phone and a "
            "data allowance of 500 MB. None of us got to the end.",
            "days_ago": 152,
            "authors": ["Joanna Kowalska"],
            "tags": ["accessibility", "coproduction"],
            "original": (
                "https://notebook.example.org/2026/the-form-nobody-could-finish",
                "Joanna's notebook",
            ),
            "body": p(
                "I volunteer as a tester for the Digital Practitioners Network. Last month I "
                "tried a hardship fund application three ways: with a screen reader, on a "
                "borrowed phone with a cracked screen, and on a pay-as-you-go data plan.",
                "The screen reader announced the first question as “edit text, blank”. The "
                "phone could not reach the submit button because a cookie banner covered it. "
                "The data plan ran out on the third page, which loaded a video nobody needed.",
                "The people the fund is for are exactly the people who use the site this way. "
                "The fix was not clever technology. It was testing with them, early.",
            ),
        },
    ],
    "health-wellbeing": [
        {
            "slug": FIRST_POST,
            "title": "Residents now hold the purse strings",
            "intro": "How our small grants panel shifted power to the people most affected, "
            "and what the professionals on it had to unlearn.",
            "days_ago": 33,
            "authors": ["Rahim Uddin", "Bronwen Pryce"],
            "tags": ["shifting power", "grants", "residents"],
            "body": p(
                "Until this year our small grants were decided by a panel of six: four "
                "professionals and two residents. This year it is eight residents and two "
                "professionals, and the professionals do not vote.",
                "It was not a gesture. The residents on the panel live with the problems the "
                "grants are meant to solve, so they know which ideas will work on their "
                "estates and which will not.",
            )
            + quote(
                "The first meeting, I waited to be told what the right answer was. By the "
                "third, I was the one asking the questions.",
                "Bronwen Pryce, resident panel member",
            )
            + h("What changed")
            + p(
                "Grants went to groups we had never funded: a walking group for Bangladeshi "
                "women, a men's cooking club, a bereavement café. Applications got shorter, "
                "because the panel asked for a conversation instead of a twelve-page form.",
                "The professionals had to learn to be useful without being in charge. That "
                "took longer than anyone expected, and it is the part we are proudest of.",
            ),
        },
        {
            "slug": "why-we-pay-residents-for-their-time",
            "title": "Why we pay residents for their time",
            "intro": "Everyone else in the room is paid to be there. Residents should be too.",
            "days_ago": 84,
            "authors": ["Rahim Uddin"],
            "tags": ["shifting power", "coproduction"],
            "body": p(
                "At a typical partnership meeting there are GPs, council officers and charity "
                "staff, all on work time, and a couple of residents giving up an evening. We "
                "used to thank them with tea and biscuits.",
                "From this month we pay residents £20 an hour for meetings, preparation and "
                "travel, in cash or vouchers, whichever suits them, and we check first that "
                "it will not affect anyone's benefits.",
                "It costs the collective about £3,000 a year. It is the cheapest way we know "
                "to make sure the people most affected are in the room.",
            ),
        },
        {
            "slug": "trust-takes-longer-than-a-funding-cycle",
            "title": "Trust takes longer than a funding cycle",
            "intro": "Our best work began in year three of a two-year grant. A plea to "
            "funders for patience.",
            "days_ago": 141,
            "authors": ["Bronwen Pryce"],
            "tags": ["trust", "funding"],
            "body": p(
                "The first year of our mental health outreach was mostly turning up: at the "
                "mosque, the bingo, the school gate, the launderette. The second was being "
                "told, politely, what we had got wrong. By the third, people were bringing "
                "their neighbours.",
                "Every project we admire in the borough has the same story. Trust builds "
                "slowly and is lost overnight when a service closes because its grant ran "
                "out. We are asking our funders for five-year commitments, and offering "
                "honest yearly reports in return.",
            ),
        },
    ],
    "young-people": [
        {
            "slug": FIRST_POST,
            "title": "Ten clubs, ten hosts, one network",
            "intro": "Why we move our meeting to a different youth club every month.",
            "days_ago": 19,
            "authors": ["Maya Thompson"],
            "tags": ["youth voice", "places"],
            "body": p(
                "When the network started, every meeting was in the town hall. It is easy to "
                "get to if you live in the centre and have a bus pass. Most of us don't.",
                "So now the meeting moves. Each month a different club hosts, chooses the "
                "food and sets the first item on the agenda. Young people from the host club "
                "chair it. This month it was Eastfield, and the first item was the broken "
                "floodlights on their pitch.",
            )
            + quote(
                "It's our club, so it's our meeting. The adults sat at the back for once.",
                "Maya Thompson, young leader",
            ),
        },
        {
            "slug": "we-asked-the-council-to-come-to-us",
            "title": "We asked the council to come to us",
            "intro": "Instead of a consultation event in the civic centre, the youth services "
            "review came to five youth clubs. Here is what happened.",
            "days_ago": 63,
            "authors": ["Dev Patel", "Maya Thompson"],
            "tags": ["shifting power", "youth voice"],
            "body": p(
                "The council is reviewing youth services. The original plan was a "
                "consultation evening at the civic centre, weekday, 6pm, booking required. "
                "Last time they did that, four young people came.",
                "We asked them to come to us instead. Five clubs, five evenings, with the "
                "young people setting the questions. Two hundred and twelve young people "
                "took part.",
                "The most common answer to “what would make the biggest difference?” was not "
                "more activities. It was safe, lit routes home after dark.",
            ),
        },
        {
            "slug": "what-trust-looks-like-at-fifteen",
            "title": "What trust looks like at fifteen",
            "intro": "Adults talk about building trust with young people. We asked young "
            "people what it actually looks like.",
            "days_ago": 171,
            "authors": ["Lily Chen"],
            "tags": ["trust", "youth voice"],
            "body": p(
                "We asked forty young people in the network one question: how do you know "
                "you can trust an adult who works with you?",
                "Almost nobody mentioned qualifications or DBS checks. They said: they "
                "remember my name. They do what they said they would. They tell me when they "
                "can't keep something secret, before I tell them. They still turn up when "
                "I've been difficult.",
                "We have turned the answers into a one-page guide for new volunteers, "
                "written by young people, which every club in the network now uses.",
            ),
        },
    ],
    None: [
        {
            "slug": "why-the-networks-publish-together",
            "title": "Why the borough's networks now publish together",
            "intro": "Four networks, one site. What Commons is for, and what it is not.",
            "days_ago": 190,
            "authors": ["Grace Adeyemi"],
            "tags": ["shared accountability"],
            "body": p(
                "Until now, finding out what the borough's networks were doing meant "
                "following a dozen newsletters, Facebook groups and mailing lists. Commons "
                "brings them together: each network runs its own section, writes its own "
                "posts and runs its own consultations and events.",
                "It is not a council website, and nobody edits another network's words. "
                "What we share is the values we all signed up to: connect people, build "
                "trust, share accountability and shift power to the people most affected.",
            ),
        },
        {
            "slug": "what-shared-accountability-means-here",
            "title": "What shared accountability means on this site",
            "intro": "Every network answers for its own words, and all of us answer for the "
            "conversation. How comments and moderation will work.",
            "days_ago": 54,
            "authors": ["Grace Adeyemi"],
            "tags": ["shared accountability", "trust"],
            "body": p(
                "Each network moderates the comments on its own posts, consultations and "
                "events, using the same house rules. A volunteer or member of staff reads "
                "every comment before it appears, usually within two working days.",
                "If you think we have got a decision wrong, say so: reply to the post, or "
                "write to the address at the foot of every page. We would rather hear it "
                "than have you leave quietly.",
            ),
        },
    ],
}


def ensure_person(name):
    """Returns the Person `name`, creating them (with their role and network)
    if missing."""
    role, network_slug = PEOPLE[name]
    person = Person.objects.filter(name=name).first()
    if person is None:
        network = (
            NetworkPage.objects.filter(slug=network_slug, locale__language_code="en").first()
            if network_slug
            else None
        )
        person = Person.objects.create(name=name, role=role, network=network)
    return person


def ensure_post(parent, data):
    """Returns the post `data["slug"]` under `parent`, creating and publishing
    it, with its authors and tags, if it does not exist yet."""
    existing = parent.get_children().filter(slug=data["slug"]).first()
    if existing is not None:
        return existing.specific
    date = timezone.localdate() - datetime.timedelta(days=data["days_ago"])
    original_url, original_source = data.get("original", ("", ""))
    post = BlogPostPage(
        slug=data["slug"],
        title=data["title"],
        intro=data["intro"],
        body=data["body"],
        date=date,
        locale=parent.locale,
        original_url=original_url,
        original_source=original_source,
        first_published_at=timezone.make_aware(
            datetime.datetime.combine(date, datetime.time(10, 30))
        ),
        post_authors=[BlogPostAuthor(person=ensure_person(name)) for name in data["authors"]],
    )
    post.tags.add(*data["tags"])
    parent.add_child(instance=post)
    post.save_revision().publish()
    return post


def load(out):
    index = ensure_page(
        home_page(),
        BlogIndexPage,
        "blog",
        title="Blog",
        show_in_menus=True,
        intro="Posts from every network: what they are doing, learning and deciding.",
        before="about",
    )
    count = 0
    for network_slug, posts in POSTS.items():
        parent = (
            index
            if network_slug is None
            else NetworkPage.objects.filter(slug=network_slug, locale=index.locale).first()
        )
        if parent is None:
            continue
        for data in posts:
            ensure_post(parent, data)
            count += 1
    out.write(f"  blog: blog index, {len(PEOPLE)} people and {count} posts")


def remove(out):
    """Deletes the demo's site-wide posts (a network's posts go with their
    network) in every language, and its people; `manage.py remove_demo`
    calls it."""
    slugs = [data["slug"] for data in POSTS[None]]
    posts = BlogPostPage.objects.filter(slug__in=slugs, depth=4)
    keys = list(posts.values_list("translation_key", flat=True))
    count = 0
    for post in BlogPostPage.objects.filter(translation_key__in=keys).order_by("-locale_id"):
        post.delete()
        count += 1
    people = Person.objects.filter(name__in=list(PEOPLE))
    people_count = people.count()
    people.delete()
    out.write(f"  blog: {count} site-wide demo posts and {people_count} people")
