"""The safeguarding screen: phrase rules (``rules.py`` reading ``data/rules.toml``) and the
classifier (``model.py``, trained on ``data/examples/``), combined in ``screening.py``; the
bulk CSV contract in ``bulk.py``. A text is flagged when **either** fires (false negatives
matter more than false positives), and either can make it urgent.

Pure Python: no Django. ``screen_text``/``screen_texts`` are what the app's services, the bulk
screen and the survey's "help now" callout all call, so they always agree.
"""

from __future__ import annotations

from .bulk import OUTPUT_COLUMNS, BulkScreenError, screen_csv
from .model import Decision, Example, ScreenModel, default_model, train_model
from .rules import CATEGORIES, CONCERN, URGENT, Concern, normalise, screen
from .screening import BOTH, MODEL, RULES, Screening, screen_text, screen_texts

__all__ = [
    "BOTH",
    "CATEGORIES",
    "CONCERN",
    "MODEL",
    "OUTPUT_COLUMNS",
    "RULES",
    "URGENT",
    "BulkScreenError",
    "Concern",
    "Decision",
    "Example",
    "ScreenModel",
    "Screening",
    "default_model",
    "normalise",
    "screen",
    "screen_csv",
    "screen_text",
    "screen_texts",
    "train_model",
]
