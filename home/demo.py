"""Demo content for the site frame: languages, the home page, about, house
rules and privacy, and placeholder sections for what later issues add.

`ensure_page` and `home_page` are the helpers other apps' demo modules use.
"""

from django.conf import settings

from wagtail.models import Locale, Page, Site

from .models import HomePage, SiteSettings, StandardPage


def rich(*paragraphs):
    """Returns StreamField data of paragraph blocks, one per string."""
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]


def ensure_page(parent, model, slug, *, before=None, **fields):
    """Returns the child of `parent` with `slug`, creating and publishing it
    from `fields` if it does not exist yet. With `before` (a sibling slug) a
    new page is placed before that sibling, so menus keep a sensible order."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    if before:
        sibling = parent.get_children().filter(slug=before).first()
        if sibling is not None:
            page.move(sibling, pos="left")
            page.refresh_from_db()
    return page


def home_page():
    """Returns the English home page (the default site's root)."""
    return HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE, depth=2)


HOME_INTRO = (
    "Commons is where the borough's networks publish together: food partnerships, "
    "practitioners, health and wellbeing groups, young people and the neighbourhoods "
    "they live in. Read what they are doing, join in the conversation, answer "
    "consultations and come along to events."
)

HOUSE_RULES = [
    "Comments are held for moderation. A volunteer or member of staff from the "
    "network reads every comment before it appears, usually within two working days.",
    "Be kind and assume good faith. Disagree with ideas, not with people.",
    "No personal attacks, hate, harassment or discrimination of any kind.",
    "Keep other people's personal details private, and your own too: your email "
    "address is never published.",
    "Stay on the topic of the page. Advertising and spam are removed.",
    "If you see something that breaks these rules, use “Report” under the comment.",
]

PRIVACY = [
    "When you comment, answer a consultation or register for an event we keep your "
    "name, your email address and what you wrote. Your email address is never shown "
    "on the site.",
    "We use your email address only to tell you about what you asked for: that your "
    "comment is published or answered, or details of an event.",
    "You can ask us to send you, or to erase, everything submitted with your email "
    "address. Write to the contact address at the foot of every page.",
]

ABOUT = [
    "Commons is a network of networks. Borough-wide collectives, practitioner "
    "networks and local groups each run their own section of one site.",
    "We share values: we connect people, we build trust, we share accountability and "
    "we shift power to the people most affected by decisions. Coproduction takes the "
    "time it takes.",
]


def load(out):
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)

    root = Page.get_first_root_node()
    if root is None:
        # A flushed database (as after a transactional test) lacks the tree's
        # root, which Wagtail's migrations normally create.
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    home = HomePage.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        # Wagtail's own "Welcome" placeholder holds the slug "home": retire it.
        # Renamed in the database only: the page is deleted below, and a save
        # would queue search and reference index updates (background tasks)
        # for a page that no longer exists when the worker runs them.
        root.get_children().filter(slug="home").update(slug="welcome-placeholder")
        home = HomePage(
            title="Commons: the borough's networks, together",
            slug="home",
            intro=HOME_INTRO,
            locale=Locale.get_default(),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.site_name = "Commons"
        site.save()
        # Wagtail's placeholder "Welcome" page has served its purpose.
        if old_root is not None and old_root.pk != home.pk and old_root.depth == 2:
            old_root.delete()

    ensure_page(
        home,
        StandardPage,
        "about",
        title="About Commons",
        show_in_menus=False,
        intro="Who runs this site, and why.",
        body=rich(*ABOUT),
    )
    house_rules = ensure_page(
        home,
        StandardPage,
        "house-rules",
        title="House rules",
        intro="Comments are held for moderation. These are the rules moderators apply.",
        body=rich(*HOUSE_RULES),
    )
    privacy = ensure_page(
        home,
        StandardPage,
        "privacy",
        title="Privacy",
        intro="What we keep about you, and why.",
        body=rich(*PRIVACY),
    )
    about = home.get_children().get(slug="about")

    site_settings = SiteSettings.load()
    site_settings.tagline = site_settings.tagline or "The borough's networks, publishing together"
    site_settings.house_rules_page = site_settings.house_rules_page or house_rules
    site_settings.privacy_page = site_settings.privacy_page or privacy
    site_settings.about_page = site_settings.about_page or about
    site_settings.contact_email = site_settings.contact_email or "hello@commons.localhost"
    site_settings.save()
    out.write("  home: home page, about, house rules, privacy")
