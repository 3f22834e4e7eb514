"""BM25 (bm25s) over jieba tokens of the normalised chunk text."""
from __future__ import annotations

from pathlib import Path

import numpy as np


class Bm25Index:
    def __init__(self, model, size: int) -> None:
        self._model = model
        self.size = size

    @classmethod
    def build(cls, corpus_tokens: list[list[str]]) -> "Bm25Index":
        import bm25s  # 0.5 s: not in the ingest workers, which import this package but only tokenise

        model = bm25s.BM25(k1=1.2, b=0.75)
        # an empty document still needs a row so that row i is chunk i
        model.index([toks or ["\u2205"] for toks in corpus_tokens], show_progress=False)
        return cls(model, len(corpus_tokens))

    def save(self, folder: Path) -> None:
        self._model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path, size: int) -> "Bm25Index":
        import bm25s  # as in build

        return cls(bm25s.BM25.load(str(folder), mmap=False, show_progress=False), size)

    @property
    def stored_size(self) -> int:
        """How many chunks the stored model was built on (``size``: how many it should hold)."""
        return int(self._model.scores["num_docs"])

    def scores(self, query_tokens: list[str], mask: np.ndarray | None = None) -> np.ndarray:
        vocab = self._model.vocab_dict
        known = [t for t in query_tokens if t in vocab]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        scores = np.asarray(self._model.get_scores(known), dtype=np.float32)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        return scores

    def idf(self, token: str) -> float | None:
        """Inverse document frequency of a token, None when the corpus never uses it."""
        vocab = self._model.vocab_dict
        if token not in vocab:
            return None
        df = self.doc_freq(token)
        n = self.size
        return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))

    def doc_freq(self, token: str) -> int:
        j = self._model.vocab_dict[token]
        indptr = self._model.scores["indptr"]
        return int(indptr[j + 1] - indptr[j])
