"""'Follow your words' for participants (mounted at /follow/; no account needed)."""

from django.urls import path

from . import views

app_name = "insight_follow"
urlpatterns = [path("", views.follow, name="follow")]
