"""Signals feedback offers to apps above it (which it must not import).

``responses_changed`` is sent after a *bulk* write (``QuerySet.update``, ``bulk_create``)
changed something counted about submitted responses: their tags, status or "about you".
Single saves and deletes already send Django's own model signals. Insight listens, to keep
its pre-aggregated counts fresh (``insight/counts.py``).
"""

from django.dispatch import Signal

# kwargs: response_ids (an iterable of Response ids; may be a lazy queryset)
responses_changed = Signal()
