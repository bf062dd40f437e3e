from django.urls import path

from . import views

app_name = "panel"

urlpatterns = [
    path("", views.check_list, name="list"),
    path("done/", views.check_done, name="done"),
    path("<int:task_state_id>/", views.check_page, name="check"),
    path("answers/<int:answer_id>/audio/", views.answer_audio, name="audio"),
]
