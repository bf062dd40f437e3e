from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Feedback"

    def ready(self) -> None:
        from cms.demo import demo_loaded

        from .demo import on_demo_loaded

        demo_loaded.connect(on_demo_loaded, dispatch_uid="feedback-demo-survey")
