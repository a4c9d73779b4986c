"""Staff accounts. A custom user model from the very first migration, so that
fields can be added later without a painful swap."""

from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """A member of staff: editor, moderator or administrator. Residents do not
    need accounts; they comment and respond with a name and an email address."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
