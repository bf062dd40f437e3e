"""Whether a participant's words may be a disclosure of harm, so the survey shows "help now".

The person should see help exactly when the background screen will flag their words for the
safeguarding lead (the message says a person will read them). That screen, phrase rules plus
the tagger's model, lives in ``tasks.safeguarding``, which feedback must not import
(dependencies point one way), so it is offered here through a Wagtail hook, as
``cms_you_said_we_did_sections`` is: ``tasks/wagtail_hooks.py`` registers it. With no hook
registered the phrase rules alone decide. Called only when a free-text answer is saved.
"""

from wagtail import hooks

from .safeguarding_rules import screen

DISCLOSURE_SCREEN_HOOK = "feedback_disclosure_screen"


def may_be_disclosure(text: str) -> bool:
    """True when any registered screen (else the phrase rules) finds a possible disclosure."""
    if not text.strip():
        return False
    screens = hooks.get_hooks(DISCLOSURE_SCREEN_HOOK)
    if not screens:
        return bool(screen(text))
    return any(fn(text) for fn in screens)
