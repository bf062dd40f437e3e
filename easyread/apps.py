from django.apps import AppConfig


class EasyReadConfig(AppConfig):
    name = "easyread"
    verbose_name = "Easy read"
