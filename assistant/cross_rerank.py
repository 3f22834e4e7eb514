"""Optional second stage: a sentence-transformers cross-encoder reorders the fused candidates.

Off by default. ``ZHIQA_RERANKER=cross:<model name or local path>`` (e.g. a local copy of
``BAAI/bge-reranker-base``) turns it on; it needs the ``st`` extra.
"""
from __future__ import annotations

import os
from dataclasses import replace

import numpy as np

from assistant.embedders import sentence_transformers_source
from assistant.errors import MissingExtra, RerankerUnavailable
from assistant.index import index_text
from assistant.records import Snapshot
from assistant.retrieve import Hits
from ingest.normalize import normalize

ENV_VAR = "ZHIQA_RERANKER"


class CrossEncoderReranker:
    """Scores (question, passage) pairs for the top ``max_candidates`` hits; the model loads on first use."""

    def __init__(self, model: str, batch_size: int = 16, max_candidates: int = 20) -> None:
        if not model:
            raise ValueError("CrossEncoderReranker needs a model name or a local path")
        if batch_size < 1 or max_candidates < 1:
            raise ValueError("batch_size and max_candidates must be >= 1")
        self.model = model
        self.batch_size = batch_size
        self.max_candidates = max_candidates
        self._encoder = None

    def _load(self):
        if self._encoder is None:
            try:
                from sentence_transformers import CrossEncoder
            except ImportError as exc:
                raise MissingExtra("sentence-transformers", "st") from exc
            source, offline = sentence_transformers_source(self.model)
            try:
                self._encoder = CrossEncoder(source, local_files_only=offline)
            except (OSError, ValueError) as exc:
                raise RerankerUnavailable(self.model, exc) from exc
        return self._encoder

    def rerank(self, hits: Hits, snap: Snapshot) -> Hits:
        """The same hits, the first ``max_candidates`` reordered by cross-encoder score (which
        replaces their fused score); the rest follow in their fused order."""
        head, tail = hits.hits[: self.max_candidates], hits.hits[self.max_candidates :]
        if not head:
            return hits
        # the passage as BM25 and the embedder saw it: title and section path give a bare
        # "(二)…" item the context that says which document and topic it belongs to
        pairs = [
            (hits.query.normalized, normalize(index_text(snap.docs[h.chunk.doc_id].meta.title, h.chunk.section_path, h.chunk.text)))
            for h in head
        ]
        scores = np.asarray(self._load().predict(pairs, batch_size=self.batch_size, show_progress_bar=False))
        if scores.shape != (len(pairs),):
            raise RerankerUnavailable(self.model, f"it gives scores of shape {scores.shape}, not one relevance score per pair")
        order = sorted(range(len(head)), key=lambda i: -scores[i])  # stable: ties keep the fused order
        reranked = tuple(replace(head[i], score=float(scores[i])) for i in order)
        return Hits(hits.query, reranked + tail, hits.allowed_docs)


def reranker_from_spec(spec: str | None) -> CrossEncoderReranker | None:
    """``None``, ``""`` or ``none``: no reranking; ``cross:<model name or local path>``: a cross-encoder."""
    value = (spec or "").strip()
    if value.lower() in ("", "none"):
        return None
    if value.startswith("cross:") and value[len("cross:") :].strip():
        return CrossEncoderReranker(value[len("cross:") :].strip())
    raise ValueError(f"Unknown reranker {spec!r}: use none or cross:<model name or local path> (e.g. cross:/models/bge-reranker-base)")


def reranker_from_env() -> CrossEncoderReranker | None:
    """The reranker ``ZHIQA_RERANKER`` asks for (none when unset)."""
    try:
        return reranker_from_spec(os.environ.get(ENV_VAR))
    except ValueError as exc:
        raise ValueError(f"{ENV_VAR}: {exc}") from exc
