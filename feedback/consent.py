"""The consent wording people agree to, in easy read, with its version.

Each response stores the version it was given under. Change the wording? Change the version
too (the date you changed it), and keep the old wording in git history.
"""

CONSENT_VERSION = "2026-11-23"

CONSENT_POINTS = (
    "Answering is your choice. You can stop at any time.",
    "You can skip any question you do not want to answer.",
    "The NHS engagement team will read your answers to help make services better.",
    "We will not put your name in anything we share.",
    "If you tell us someone is at risk of harm, we may need to tell someone who can help.",
    "We keep your answers safe, and delete them when we no longer need them.",
    "You can take back your answers later. Use the reference code we give you at the end.",
)
