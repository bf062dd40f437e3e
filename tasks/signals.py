"""Signals tasks offers to apps above it (which it must not import).

``texts_to_screen`` is sent by the tagging jobs *before* they tag, with ``kind``
("response" or "contribution") and ``ids``: the safeguarding app screens those texts for
disclosures (``safeguarding/receivers.py``). Screening rides on the tagging job so the one
sweep of untagged work covers it too; a receiver's error fails the job, which is retried.
"""

from django.dispatch import Signal

# kwargs: kind ("response" | "contribution"), ids (list of ints)
texts_to_screen = Signal()
