"""The involvement report for collaboratives (mounted at /involvement/, behind TOTP for staff)."""

from django.urls import path

from . import views

app_name = "involvement"
urlpatterns = [
    path("", views.report, name="report"),
    path("easy-read/", views.easy_report, name="easy_report"),
    path("pathways/<int:page_id>/", views.pathway_insight, name="pathway_insight"),
]
