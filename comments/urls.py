"""The residents' endpoints, inside the language prefix (config/urls.py)."""

from django.urls import path

from . import views

# Not "comments": that namespace is the admin queue's (its viewset).
app_name = "public_comments"

urlpatterns = [
    path("comments/<int:page_id>/", views.post_comment, name="post"),
    path("comments/<int:page_id>/reply/<int:parent_id>/", views.post_reply, name="reply"),
    path("comments/report/<int:comment_id>/", views.report_comment, name="report"),
    path("comments/receipt/<str:token>/", views.receipt, name="receipt"),
]
