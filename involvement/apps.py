from django.apps import AppConfig


class InvolvementConfig(AppConfig):
    name = "involvement"
    verbose_name = "Involvement and co-production"

    def ready(self) -> None:
        # Demo meetings and a draft pathway for `make run`, without cms importing us.
        from cms.demo import demo_loaded

        from . import receivers  # noqa: F401 - connects itself
        from .demo import on_demo_loaded

        demo_loaded.connect(on_demo_loaded, dispatch_uid="involvement-demo")
