"""Whether a participant's words may be a disclosure of harm, so the survey shows "help now".

The person should see help exactly when the background screen will flag their words for the
safeguarding lead (the message says a person will read them). That screen lives in the
``safeguarding`` app, which feedback must not import (dependencies point one way), so it is
offered here through a Wagtail hook, as ``cms_you_said_we_did_sections`` is:
``safeguarding/wagtail_hooks.py`` registers it. Called only when a free-text answer is saved.
"""

import logging

from wagtail import hooks

DISCLOSURE_SCREEN_HOOK = "feedback_disclosure_screen"

logger = logging.getLogger(__name__)


def may_be_disclosure(text: str) -> bool:
    """True when any registered screen finds a possible disclosure."""
    if not text.strip():
        return False
    screens = hooks.get_hooks(DISCLOSURE_SCREEN_HOOK)
    if not screens:  # the safeguarding app is always installed; say so loudly if not
        logger.error("no %s hook registered: help now cannot show", DISCLOSURE_SCREEN_HOOK)
        return False
    return any(fn(text) for fn in screens)
