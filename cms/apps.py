from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Every Voice site"

    def ready(self) -> None:
        from . import page_cache

        page_cache.connect()
