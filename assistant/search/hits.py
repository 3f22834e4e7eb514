"""What a search returns: the ranked chunks, with the rank each leg gave them."""
from __future__ import annotations

from dataclasses import dataclass

from assistant.question.analyse import Query
from ingest.models import Chunk


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    bm25_rank: int | None
    dense_rank: int | None


@dataclass(frozen=True)
class Hits:
    query: Query
    hits: tuple[Hit, ...]
    allowed_docs: tuple[str, ...]  # documents the filters left in play
    dense_error: str = ""  # why the dense leg was skipped (its store unreachable); '' when it ran
