from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Feedback"

    def ready(self) -> None:
        from cms.demo import demo_loaded

        from .demo import on_demo_loaded

        demo_loaded.connect(on_demo_loaded, dispatch_uid="feedback-demo-survey")

        from allauth.account.signals import user_logged_in

        from .receivers import claim_answers_on_sign_in

        user_logged_in.connect(claim_answers_on_sign_in, dispatch_uid="feedback-claim-answers")
