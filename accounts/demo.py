"""Demo accounts of the public contract: `admin` (superuser) and `moderator`
(site moderator). Network accounts come with the networks' demo content."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

SITE_MODERATORS = "Site moderators"


def demo_password():
    """Returns the password every demo account shares (DEMO_PASSWORD)."""
    return os.environ.get("DEMO_PASSWORD") or "commons-demo"


def ensure_user(username, *, first_name="", last_name="", superuser=False, groups=()):
    """Returns the demo user `username`, creating it with the demo password if
    it is missing and adding it to `groups`; an existing user is left as it is
    apart from its group membership."""
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(
            username=username,
            email=f"{username}@commons.localhost",
            first_name=first_name,
            last_name=last_name,
            is_staff=superuser,
            is_superuser=superuser,
        )
        user.set_password(demo_password())
        user.save()
    for group in groups:
        user.groups.add(group)
    return user


def site_moderators_group():
    """Returns the "Site moderators" group, which may use the admin."""
    group, _ = Group.objects.get_or_create(name=SITE_MODERATORS)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def load(out):
    ensure_user("admin", first_name="Ada", last_name="Admin", superuser=True)
    ensure_user("moderator", first_name="Mo", last_name="Derator", groups=[site_moderators_group()])
    out.write("  accounts: admin, moderator")


#: Demo accounts, and only they, have an address at this made-up domain.
DEMO_EMAIL_DOMAIN = "@commons.localhost"


def demo_accounts():
    """Returns the demo accounts (every one has a known password)."""
    return get_user_model().objects.filter(email__endswith=DEMO_EMAIL_DOMAIN)


def remove(out):
    """Deletes the demo accounts; `manage.py remove_demo` calls it last."""
    usernames = sorted(demo_accounts().values_list("username", flat=True))
    demo_accounts().delete()
    out.write(f"  accounts: {len(usernames)} demo accounts ({', '.join(usernames)})")
