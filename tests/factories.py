"""factory-boy factories for test data."""

from django.contrib.auth import get_user_model

import factory


class UserFactory(factory.django.DjangoModelFactory):
    """A member of staff with the password "password"."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("password")


def user(username):
    """Returns the account `username` (a demo account, or one a test made)."""
    return get_user_model().objects.get(username=username)
