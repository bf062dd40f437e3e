"""Insight pages for staff (mounted at /insight/, behind TOTP for staff)."""

from django.urls import path

from . import views

app_name = "insight"
urlpatterns = [
    path("", views.index, name="index"),
    path("easy-read/", views.easy_index, name="easy_index"),
    path("representation/", views.representation, name="representation"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="token_revoke"),
    path("exports/<slug:kind>/", views.export, name="export"),
    path("exports/job/<int:job_id>/", views.export_job, name="export_job"),
    path("exports/job/<int:job_id>/download/", views.export_download, name="export_download"),
    path("<slug:code>/", views.detail, name="detail"),
    path("<slug:code>/easy-read/", views.easy_detail, name="easy_detail"),
    path("<slug:code>/responses/", views.raw_responses, name="raw_responses"),
]
