"""The consent wording people agree to, in easy read, with its version.

Each response stores the version it was given under. Change the wording? Change the version
too (the date you changed it), and keep the old wording in git history.
"""

from django.utils.translation import gettext_noop

CONSENT_VERSION = "2026-11-23"

# Marked for the message catalogues and translated where shown (survey_start.html); the
# response records the language the person read them in (its ``language``).
CONSENT_POINTS = (
    gettext_noop("Answering is your choice. You can stop at any time."),
    gettext_noop("You can skip any question you do not want to answer."),
    gettext_noop("The NHS engagement team will read your answers to help make services better."),
    gettext_noop("We will not put your name in anything we share."),
    gettext_noop(
        "If you tell us someone is at risk of harm, we may need to tell someone who can help."
    ),
    gettext_noop("We keep your answers safe, and delete them when we no longer need them."),
    gettext_noop(
        "You can take back your answers later. Use the reference code we give you at the end."
    ),
)
