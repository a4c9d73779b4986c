from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo loader, on top of every other app: `manage.py load_demo`
    fills an empty site with believable content, app by app from the bottom
    layer up, and `manage.py list_demo_accounts` prints who can log in."""

    name = "demo"
    label = "demo"
