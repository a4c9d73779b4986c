"""Production is not the demo: `load_demo` refuses with DEBUG off unless
forced, and `remove_demo` takes the demo out of a database that has it."""

import io

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

from accounts.demo import demo_accounts
from blog.models import BlogPostPage, Person
from comments.models import Comment
from home.models import HomePage, StandardPage
from networks.models import JoinRequest, NetworkPage


def test_load_demo_refuses_with_debug_off(demo, settings):
    settings.DEBUG, settings.TESTING = False, False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo", stdout=io.StringIO())


def test_load_demo_loads_with_debug_off_when_forced(demo, settings):
    settings.DEBUG, settings.TESTING = False, False
    out = io.StringIO()
    call_command("load_demo", "--force", stdout=out)
    assert "Demo content loaded." in out.getvalue()


def test_remove_demo_refuses_while_only_demo_admins_exist(demo):
    with pytest.raises(CommandError, match="createsuperuser"):
        call_command("remove_demo", "--yes", stdout=io.StringIO())
    assert demo_accounts().exists()


def test_remove_demo_takes_out_accounts_networks_posts_and_comments(demo):
    owner = get_user_model().objects.create_superuser(
        "owner", "owner@example.org", "a-long-passphrase-for-the-owner"
    )
    assert NetworkPage.objects.exists() and Comment.objects.exists()
    out = io.StringIO()
    call_command("remove_demo", "--yes", stdout=out)
    assert "Demo removed." in out.getvalue()
    assert not demo_accounts().exists()
    assert list(get_user_model().objects.all()) == [owner]
    assert not NetworkPage.objects.exists()
    assert not BlogPostPage.objects.exists()
    assert not Comment.objects.exists()
    assert not JoinRequest.objects.exists()
    assert not Person.objects.exists()
    # The frame stays, to be edited: home, About, House rules, Privacy.
    assert HomePage.objects.exists()
    assert StandardPage.objects.filter(slug="house-rules").exists()
    assert not Page.objects.filter(title__icontains="food partnership").exists()


def test_remove_demo_asks_first(demo, monkeypatch):
    get_user_model().objects.create_superuser("owner", "owner@example.org", "pass-phrase-123")
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    with pytest.raises(CommandError, match="Nothing removed"):
        call_command("remove_demo", stdout=io.StringIO())
    assert demo_accounts().exists()
