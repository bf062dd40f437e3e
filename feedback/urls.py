"""Participant-facing URLs (surveys, reference codes). Staff screens live in the Wagtail admin."""

app_name = "feedback"
urlpatterns: list = []
