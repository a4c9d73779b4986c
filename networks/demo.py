"""Demo networks: four networks of the borough with their values, members,
join requests, and editor and moderator accounts (`<network-slug>-editor`,
`<network-slug>-moderator`). The Health and Wellbeing Collective requires
approval of its editors' pages."""

from accounts.demo import ensure_user, site_moderators_group
from home.demo import ensure_page, home_page, rich

from .groups import grant_site_moderation, sync_network_groups
from .models import JoinRequest, MemberOrganisation, NetworkIndexPage, NetworkPage

NETWORKS = [
    {
        "slug": "food-partnership",
        "title": "Borough Food Partnership",
        "summary": "Growers, food banks, cafés and kitchens working for good food for everyone.",
        "body": [
            "We connect the people who grow, cook, share and sell food across the borough.",
            "We are deciding together whether to become a co-operative, and we are asking "
            "members why that might be a bad idea before we ask why it might be a good one.",
        ],
    },
    {
        "slug": "digital-practitioners",
        "title": "Digital Practitioners Network",
        "summary": "People who build and run digital services for the borough's charities.",
        "body": [
            "We share what works, and what doesn't, in digital services for local charities "
            "and council teams.",
            "Coproduction cannot be rushed: we design with the people who use a service, "
            "at their pace.",
        ],
    },
    {
        "slug": "health-wellbeing",
        "title": "Health and Wellbeing Collective",
        "summary": "Community groups, GPs and residents improving health where people live.",
        "body": [
            "We bring together community groups, practitioners and residents to improve "
            "health and wellbeing in every neighbourhood.",
            "We shift power to the people most affected: residents sit on every panel "
            "that decides how our shared money is spent.",
        ],
    },
    {
        "slug": "young-people",
        "title": "Young People's Network",
        "summary": "Youth clubs, young leaders and the adults who back them.",
        "body": [
            "Young people run this network. Adults are welcome as allies.",
            "We meet monthly in a different youth club each time, so every neighbourhood "
            "gets a turn to host.",
        ],
    },
]


DETAILS = {
    "food-partnership": {
        "themes": ["Food", "Environment"],
        "status": "active",
        "meetings": "Second Thursday of the month, 6.30pm, at the Community Kitchen.",
        "website": "https://food.example.org/",
        "members": ["Community Kitchen", "Northside Food Bank", "Allotment Society"],
        "values": [("Good food for everyone", "Nobody in the borough goes hungry.")],
        "behaviours": [("We share what we grow", "Surplus goes to the food banks first.")],
        "outcomes": [("Fewer people need food banks", "Measured every year with the council.")],
    },
    "digital-practitioners": {
        "themes": ["Digital", "Charities"],
        "status": "active",
        "meetings": "Online, every other Wednesday at noon.",
        "members": ["Borough CVS", "Council Digital Team"],
        "values": [("Coproduction", "We design with the people who use a service.")],
        "behaviours": [("Work in the open", "We publish what we learn, mistakes included.")],
        "outcomes": [("Services people can use", "Tested with residents before launch.")],
    },
    "health-wellbeing": {
        "themes": ["Health", "Wellbeing"],
        "status": "active",
        "requires_approval": True,
        "meetings": "Quarterly assemblies, open to every resident.",
        "members": ["Riverside GP Practice", "Wellbeing Walks"],
        "values": [
            ("Connect", "Each network connects people who would not otherwise meet."),
            ("Build trust", "We keep our promises and say when we cannot."),
        ],
        "behaviours": [("Share accountability", "Decisions and their reasons are public.")],
        "outcomes": [("Shift power", "Residents decide how shared money is spent.")],
    },
    "young-people": {
        "themes": ["Young people"],
        "status": "forming",
        "area": "Northside",
        "meetings": "Monthly, in a different youth club each time.",
        "members": ["Northside Youth Club"],
        "values": [("Young people lead", "Adults are welcome as allies.")],
        "behaviours": [("Everyone hosts", "Every neighbourhood gets a turn.")],
        "outcomes": [("A youth voice in every decision", "")],
    },
}

JOIN_REQUESTS = [
    # (network slug, name, organisation, status, listed)
    ("food-partnership", "Priya Shah", "Southside Community Fridge", "pending", True),
    ("food-partnership", "Tom Okafor", "Okafor's Bakery", "accepted", True),
    ("food-partnership", "Jan Kowalski", "", "declined", False),
    ("digital-practitioners", "Aisha Rahman", "Carers Connect", "pending", False),
    ("digital-practitioners", "Sam Lee", "Open Data Borough", "accepted", True),
    ("health-wellbeing", "Grace Mensah", "Sunday Runners", "accepted", True),
    ("health-wellbeing", "Ruth Evans", "", "pending", True),
    ("young-people", "Leo Martins", "Skate Park Crew", "pending", True),
]


def items(pairs):
    """Returns StreamField data for a list of principles."""
    return [{"type": "item", "value": {"title": t, "description": d}} for t, d in pairs]


def network_fields(data):
    details = DETAILS[data["slug"]]
    return {
        "title": data["title"],
        "summary": data["summary"],
        "body": rich(*data["body"]),
        "status": details["status"],
        "area": details.get("area", ""),
        "meetings": details["meetings"],
        "website": details.get("website", ""),
        "contact_email": f"{data['slug']}@commons.localhost",
        "requires_approval": details.get("requires_approval", False),
        "values": items(details["values"]),
        "behaviours": items(details["behaviours"]),
        "outcomes": items(details["outcomes"]),
        "member_organisations": [MemberOrganisation(name=name) for name in details["members"]],
    }


def load(out):
    home = home_page()
    index = ensure_page(
        home,
        NetworkIndexPage,
        "networks",
        title="Networks",
        show_in_menus=True,
        intro="Networks big and small, thematic or geographic, short or longer term.",
        before=home.get_children().order_by("path").values_list("slug", flat=True).first(),
    )
    for data in NETWORKS:
        network = ensure_page(index, NetworkPage, data["slug"], **network_fields(data))
        if not network.themes.exists():
            network.themes.add(*DETAILS[data["slug"]]["themes"])
            network.save_revision().publish()
        # Groups come with the page; this only repairs a database made before they did.
        sync_network_groups(network)
        ensure_user(f"{network.slug}-editor", groups=[network.editors_group])
        ensure_user(f"{network.slug}-moderator", groups=[network.moderators_group])
    grant_site_moderation(site_moderators_group())

    networks = {n.slug: n for n in NetworkPage.objects.child_of(index)}
    for slug, name, organisation, status, listed in JOIN_REQUESTS:
        email = name.lower().replace(" ", ".") + "@example.org"
        JoinRequest.objects.get_or_create(
            network=networks[slug],
            email=email,
            defaults={
                "name": name,
                "organisation": organisation,
                "status": status,
                "list_publicly": listed,
                "message": "I would like to take part and help where I can.",
            },
        )
    out.write(
        f"  networks: {len(NETWORKS)} networks with their editor and moderator accounts, "
        f"members and join requests"
    )


def remove(out):
    """Deletes the demo networks in every language, with everything inside
    them (posts, comments, join requests) and their groups (see
    networks.signals); `manage.py remove_demo` calls it."""
    slugs = [data["slug"] for data in NETWORKS]
    keys = NetworkPage.objects.filter(slug__in=slugs).values_list("translation_key", flat=True)
    networks = NetworkPage.objects.filter(translation_key__in=list(keys))
    # Translations first: the original's subtree holds no other copy.
    count = 0
    for network in networks.order_by("-locale_id", "-depth"):
        network.refresh_from_db()
        network.delete()
        count += 1
    out.write(f"  networks: {count} demo network pages (every language) with their content")
