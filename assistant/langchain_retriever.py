"""The zhiqa index as a LangChain retriever, for use in a user's own chains.

    retriever = ZhiqaRetriever(index=Index(Settings()), k=4, regions=("甘肃",))
    docs = retriever.invoke("甘肃省质量发展的牵头单位")

Each ``Document`` quotes the original text (original script) and carries the citation fields:
``page_content == original[start:end]`` of document ``doc_id``.
"""
from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from assistant.assistant import Assistant
from assistant.config import Settings
from assistant.cross_rerank import CrossEncoderReranker
from assistant.index import Index
from assistant.records import Snapshot
from assistant.retrieve import Hit, HybridRetriever
from assistant.understand import analyse


class ZhiqaRetriever(BaseRetriever):
    """Hybrid BM25 + dense search over a zhiqa index, optionally restricted like ``Filters``."""

    model_config = ConfigDict(arbitrary_types_allowed=True)  # Index, Settings and the reranker are plain classes

    index: Index
    settings: Settings | None = None  # None: the index's own settings
    use_dense: bool = True
    k: int = Field(default=5, ge=1)
    regions: tuple[str, ...] = ()  # as in assistant.Filters: only documents of these regions
    doc_ids: tuple[str, ...] = ()  # only these documents
    reranker: CrossEncoderReranker | None = None  # reorders the fused candidates before the top k

    @classmethod
    def from_assistant(cls, assistant: Assistant, **fields) -> "ZhiqaRetriever":
        """Search the index an ``Assistant`` answers from, with its settings and dense leg."""
        return cls(index=assistant.index, settings=assistant.settings, use_dense=assistant.retriever.use_dense, **fields)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        parsed = analyse(query, self.regions, self.doc_ids)
        snap = self.index.snapshot()
        # give the reranker its whole candidate window, then keep the best k of its order
        pool = max(self.k, self.reranker.max_candidates) if self.reranker else self.k
        hits = HybridRetriever(self.index, self.settings, use_dense=self.use_dense).search(parsed, pool)
        if self.reranker:
            hits = self.reranker.rerank(hits, snap)
        return [_document(hit, snap) for hit in hits.hits[: self.k]]


def _document(hit: Hit, snap: Snapshot) -> Document:
    chunk = hit.chunk
    meta = snap.docs[chunk.doc_id].meta
    return Document(
        id=chunk.chunk_id,
        page_content=chunk.text,
        metadata={
            "doc_id": chunk.doc_id,
            "chunk_id": chunk.chunk_id,
            "title": meta.title,
            "issuer": meta.issuer,
            "date": meta.date,
            "year": meta.year,
            "doc_number": meta.doc_number,
            "level": meta.level,
            "region": meta.region,
            "script": meta.script,
            "source": meta.source,
            "section_path": chunk.section_path,
            "start": chunk.start,
            "end": chunk.end,
            "page": chunk.page,
            "score": float(hit.score),
            "bm25_rank": hit.bm25_rank,
            "dense_rank": hit.dense_rank,
        },
    )
