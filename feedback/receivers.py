"""Receivers for other apps' signals (wired in ``FeedbackConfig.ready``)."""

from . import selectors, services


def claim_answers_on_sign_in(sender, request, user, **kwargs) -> None:
    """allauth's ``user_logged_in`` (also sent when a new account is confirmed): answers given
    in this browser before signing in join the person's account."""
    services.responses_claim(
        user=user, response_ids=selectors.session_response_ids(session=request.session)
    )
