from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "insight"
    verbose_name = "Insight and 'you said, we did'"

    def ready(self) -> None:
        # Register the insight jobs (exports, outcome emails) in every process, web and
        # worker alike, so services can queue them by name (cms.jobs.enqueue_on_commit).
        # Signals keep the pre-aggregated insight counts fresh (insight/counts.py).
        from cms.demo import demo_loaded, demo_pages_ready

        from . import receivers, signals, sweepers, tasks  # noqa: F401 - sweepers register themselves
        from .demo import on_demo_loaded, on_demo_pages_ready

        demo_loaded.connect(on_demo_loaded, dispatch_uid="insight-demo-outcomes")
        demo_pages_ready.connect(on_demo_pages_ready, dispatch_uid="insight-demo-translations")
