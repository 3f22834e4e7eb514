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
from assistant.index.index import Index
from assistant.index.snapshot import Snapshot
from assistant.question.analyse import analyse
from assistant.search.hits import Hit
from assistant.search.rerankers import Reranker, choose_reranker
from assistant.search.retrieve import HybridRetriever


class ZhiqaRetriever(BaseRetriever):
    """Hybrid BM25 + dense search over a zhiqa index, optionally restricted like ``Filters``."""

    model_config = ConfigDict(arbitrary_types_allowed=True)  # Index, Settings and the reranker are plain classes

    index: Index
    settings: Settings | None = None  # None: the index's own settings
    use_dense: bool = True
    k: int = Field(default=5, ge=1)
    regions: tuple[str, ...] = ()  # as in assistant.Filters: only documents of these regions
    doc_ids: tuple[str, ...] = ()  # only these documents
    # the second stage; None: the one the settings choose (readable features unless turned off,
    # or ZHIQA_RERANKER=cross:<model>)
    reranker: Reranker | None = None

    @classmethod
    def from_assistant(cls, assistant: Assistant, **fields) -> "ZhiqaRetriever":
        """Search the index an ``Assistant`` answers from, with its settings and dense leg."""
        return cls(index=assistant.index, settings=assistant.settings, use_dense=assistant.retriever.use_dense, **fields)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        parsed = analyse(query, self.regions, self.doc_ids)
        # one snapshot for the search and for the documents made from its hits: a fresh one per
        # step could be a newer generation (an ingest switched in between)
        snap = self.index.snapshot()
        settings = self.settings or self.index.settings
        reranker = self.reranker if self.reranker is not None else choose_reranker(settings)
        retriever = HybridRetriever(self.index, settings, use_dense=self.use_dense, reranker=reranker)
        hits = retriever.search(parsed, self.k, snap=snap)
        return [_document(hit, snap) for hit in hits.hits]


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
