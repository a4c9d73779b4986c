"""Loading the demo leaves the task worker nothing that fails: every search
index and reference index update it queues is for an object that still
exists when the worker runs it (with the database task backend, as `make
run` and `make setup` use)."""

import io

from django.core.management import call_command

from wagtail.models import Page, Site

import pytest
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def fresh_wagtail_site():
    """Leaves the database as Wagtail's migrations make it: the tree's root
    with Wagtail's "Welcome" page, the default site's root, and no content."""
    for page in Page.objects.filter(depth=2):
        page.delete()
    root = Page.get_first_root_node()
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)


def test_loading_the_demo_leaves_no_failed_task(transactional_db, demo, settings):
    """Transactional: the worker closes its connection between tasks, as it
    would in production, which a test inside one transaction cannot survive
    on PostgreSQL."""
    fresh_wagtail_site()
    settings.TASKS = DATABASE_TASKS
    call_command("load_demo", stdout=io.StringIO())
    assert DBTaskResult.objects.ready().exists()  # the worker has work: the test tests something

    call_command("db_worker", queue_name="*", batch=True, verbosity=0, stdout=io.StringIO())

    failed = [
        (result.task_path, result.args_kwargs["args"]) for result in DBTaskResult.objects.failed()
    ]
    assert failed == []
    assert not DBTaskResult.objects.ready().exists()


def test_the_main_navigation_reads_networks_blog_consultations_events(demo):
    """Each section's loader places its index before "About" as it comes."""
    sections = demo.get_children().live().in_menu().order_by("path")
    assert [page.title for page in sections] == ["Networks", "Blog", "Consultations", "Events"]
