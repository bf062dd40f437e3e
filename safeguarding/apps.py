from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    name = "safeguarding"
    verbose_name = "Safeguarding"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connect to the seams the lower apps offer (tasks' screening signal, the sweep,
        # retention) and register the Celery jobs in every process.
        from . import receivers, tasks  # noqa: F401

        receivers.connect()
