from django.apps import AppConfig


class InsightConfig(AppConfig):
    name = "insight"
    verbose_name = "Insight and 'you said, we did'"

    def ready(self) -> None:
        # Register the insight jobs (exports, outcome emails) in every process, web and
        # worker alike, so services can queue them by name (cms.jobs.enqueue_on_commit).
        from . import sweepers, tasks  # noqa: F401 - sweepers register themselves
