"""Optional second stage: a sentence-transformers cross-encoder reorders the fused candidates.

Off by default. ``ZHIQA_RERANKER=cross:<model name or local path>`` (e.g. a local copy of
``BAAI/bge-reranker-base``) turns it on (assistant.search.rerankers); it needs the ``st`` extra.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from assistant.errors import ConfigError, MissingExtra, RerankerUnavailable
from assistant.index.embedders import sentence_transformers_source
from assistant.index.snapshot import Snapshot
from assistant.index.tokens import index_text
from assistant.search.hits import Hits
from ingest.normalize import normalize


class CrossEncoderReranker:
    """Scores (question, passage) pairs for the top ``window`` hits; the model loads on first use."""

    def __init__(self, model: str, batch_size: int = 16, window: int = 20) -> None:
        if not model:
            raise ConfigError("CrossEncoderReranker needs a model name or a local path")
        if batch_size < 1 or window < 1:
            raise ConfigError("batch_size and window must be >= 1")
        self.model = model
        self.batch_size = batch_size
        self.window = window
        self._encoder = None

    def _load(self):
        if self._encoder is None:
            try:  # the optional extra "st" (sentence-transformers and torch, 11 s to import)
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
        """The same hits, the first ``window`` reordered by cross-encoder score (which replaces
        their fused score); the rest follow in their fused order."""
        head, tail = hits.hits[: self.window], hits.hits[self.window :]
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
        return replace(hits, hits=reranked + tail)

