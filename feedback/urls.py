"""Participant-facing URLs (surveys, reference codes). Staff screens live in the Wagtail admin
(see wagtail_hooks.py)."""

from django.urls import path

from . import views

app_name = "feedback"
urlpatterns = [
    path("survey/<int:survey_id>/start/", views.start, name="start"),
    path("survey/<int:survey_id>/continue/", views.carry_on, name="carry_on"),
    path("survey/<int:survey_id>/who/", views.who, name="who"),
    path("survey/<int:survey_id>/question/<slug:question_id>/", views.question, name="question"),
    path("bsl-answer/<int:survey_id>/<slug:question_id>/", views.bsl_answer, name="bsl_answer"),
    path("survey/<int:survey_id>/about-you/<slug:step>/", views.about, name="about"),
    path("survey/<int:survey_id>/check/", views.check, name="check"),
    path("survey/<int:survey_id>/sent/", views.done, name="done"),
    path("survey/resume/", views.resume, name="resume"),
    path("survey/withdraw/", views.withdraw, name="withdraw"),
    path("my-answers/", views.my_answers, name="my_answers"),
]
