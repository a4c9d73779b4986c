"""Demo networks: four networks of the borough, with their editor and
moderator accounts (`<network-slug>-editor`, `<network-slug>-moderator`)."""

from django.contrib.auth.models import Group, Permission

from accounts.demo import ensure_user
from home.demo import ensure_page, home_page, rich

from .models import NetworkIndexPage, NetworkPage

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


def network_group(name):
    """Returns the group `name`, allowed into the Wagtail admin."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


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
        network = ensure_page(
            index,
            NetworkPage,
            data["slug"],
            title=data["title"],
            summary=data["summary"],
            body=rich(*data["body"]),
        )
        editors = network_group(f"{network.title} editors")
        moderators = network_group(f"{network.title} moderators")
        ensure_user(f"{network.slug}-editor", groups=[editors])
        ensure_user(f"{network.slug}-moderator", groups=[moderators])
    out.write(f"  networks: {len(NETWORKS)} networks with their editor and moderator accounts")
