"""Addresses outside the page tree: the personal cancel link."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("registrations/cancel/<str:token>/", views.cancel_registration, name="cancel"),
]
