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
    dense_similarity: float | None = None  # cosine of question and chunk in the dense leg, when it found it


# why the dense leg was skipped, as the answer's note says it (BM25 still answers)
CHROMA_DOWN = "无法连接 Chroma 服务器"
CHROMA_DAMAGED = "向量库 (chroma/) 无法打开,可能已损坏;运行 zhiqa ingest --rebuild 可修复"
EMBEDDER_DOWN = "向量模型服务无法连接或超时"


@dataclass(frozen=True)
class Hits:
    query: Query
    hits: tuple[Hit, ...]
    allowed_docs: tuple[str, ...]  # documents the filters left in play
    dense_error: str = ""  # why the dense leg was skipped (CHROMA_DOWN, EMBEDDER_DOWN); '' when it ran
    # the actor whose duties the question asks, as the documents name it (search.duties), found
    # once by the search for the composer too; None when the hits came from elsewhere
    actor_forms: tuple[str, ...] | None = None
