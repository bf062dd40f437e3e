from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "tasks"
    verbose_name = "Background jobs"

    def ready(self) -> None:
        # Register the jobs in every process (web included), not only in workers, so
        # services can queue them by name.
        from cms.demo import demo_loaded

        from . import sweepers, tasks  # noqa: F401 - sweepers register themselves
        from .services import on_demo_loaded

        demo_loaded.connect(on_demo_loaded, dispatch_uid="tasks-demo-tagger")
