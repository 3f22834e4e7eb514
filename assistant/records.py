"""What one index generation stores about a document, and a loaded, read-only snapshot."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ingest.extract.bundle import EXTRACTOR_VERSION, DocumentRecords
from ingest.models import Chunk, DocumentMetadata, IngestedDocument, Section, deepest_section, page_of

RECORDS_FILE = "records.jsonl"  # one generation's domain records, a line per document


def read_records(path: Path, docs: dict) -> dict[str, DocumentRecords]:
    """Stored records of the generation's documents; records of an older extractor version, or
    of a generation written before records were stored, are left out (extracted on use)."""
    out: dict[str, DocumentRecords] = {}
    if not path.exists():
        return out
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("extractor") == EXTRACTOR_VERSION and d["doc_id"] in docs:
                out[d["doc_id"]] = DocumentRecords.from_dict(d)
    return out


@dataclass(frozen=True)
class DocRecord:
    meta: DocumentMetadata
    sections: tuple[Section, ...]
    page_starts: tuple[int, ...] | None
    content_key: str  # sha256 of the file plus its manifest entry: unchanged key = nothing to do
    chunk_count: int

    @property
    def doc_id(self) -> str:
        return self.meta.doc_id

    def to_dict(self) -> dict:
        return {
            "meta": self.meta.to_dict(),
            "sections": [dict(vars(s)) for s in self.sections],
            "page_starts": list(self.page_starts) if self.page_starts else None,
            "content_key": self.content_key,
            "chunk_count": self.chunk_count,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "DocRecord":
        return cls(
            meta=DocumentMetadata.from_dict(d["meta"]),
            sections=tuple(Section(**s) for s in d["sections"]),
            page_starts=tuple(d["page_starts"]) if d.get("page_starts") else None,
            content_key=d["content_key"],
            chunk_count=d["chunk_count"],
        )

    @classmethod
    def from_document(cls, doc: IngestedDocument, content_key: str) -> "DocRecord":
        return cls(doc.meta, tuple(doc.sections), doc.page_starts, content_key, len(doc.chunks))

    def section_at(self, offset: int) -> Section | None:
        return deepest_section(self.sections, offset)

    def page_at(self, offset: int) -> int | None:
        return page_of(self.page_starts, offset)


@dataclass
class Snapshot:
    """One consistent generation of the index, loaded for reading."""

    home: Path
    generation: int
    manifest: dict
    docs: dict[str, DocRecord]
    chunks: list[Chunk]
    bm25: object  # assistant.lexical.Bm25Index
    embedder: object | None  # assistant.embedders.Embedder
    collection: str | None
    chunk_pos: dict[str, int] = field(default_factory=dict)
    records_file: Path | None = None  # the generation's stored domain records, read on first use

    def __post_init__(self) -> None:
        self.chunk_pos = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self._texts: dict[str, str] = {}
        self._normalized: dict[str, str] = {}
        self._records: dict | None = None
        self._doc_index = {d: i for i, d in enumerate(self.docs)}
        self._chunk_doc = None  # numpy array: the index in docs of each chunk's document
        # the lazy caches are filled once even when many threads ask at once (a web app under
        # load): without it, each of 20 threads normalised the whole corpus for itself
        self._fill = threading.RLock()

    def chunk_mask(self, doc_ids):
        """A boolean per chunk: does it belong to one of ``doc_ids``? (built from an array
        per snapshot, not a pass over the chunks per question)"""
        import numpy as np

        if self._chunk_doc is None:
            self._chunk_doc = np.fromiter((self._doc_index[c.doc_id] for c in self.chunks), dtype=np.int32,
                                          count=len(self.chunks))
        wanted = np.zeros(len(self.docs), dtype=bool)
        wanted[[self._doc_index[d] for d in doc_ids if d in self._doc_index]] = True
        return wanted[self._chunk_doc]

    @cached_property
    def normalized_titles(self) -> dict[str, str]:
        """Each document's title, normalised (empty when it has none)."""
        from ingest.normalize import normalize

        return {d: normalize(r.meta.title or "") for d, r in self.docs.items()}

    def text(self, doc_id: str) -> str:
        """The original text of a document, as ingested."""
        got = self._texts.get(doc_id)
        if got is None:
            sha = self.docs[doc_id].meta.sha256
            got = self._texts[doc_id] = (self.home / "texts" / f"{sha}.txt").read_text(encoding="utf-8")
        return got

    def records(self, doc_id: str):
        """The document's domain records (ingest.extract.DocumentRecords): stored with the
        generation at ingest; extracted here only for an index written before they were stored."""
        if self._records is None or doc_id not in self._records:
            with self._fill:
                if self._records is None:
                    self._records = read_records(self.records_file, self.docs) if self.records_file else {}
                if doc_id not in self._records:
                    from ingest.extract import extract_records

                    self._records[doc_id] = extract_records(doc_id, self.text(doc_id), list(self.docs[doc_id].sections))
        return self._records[doc_id]

    def warm(self) -> None:
        """Fill the lazy caches (normalised texts, domain records) now, so that the first
        questions a server gets do not pay for them (about 3 s at 2,000 documents)."""
        for doc_id in self.docs:
            self.normalized(doc_id)
        if self.docs:
            self.records(next(iter(self.docs)))

    def responsibilities(self, doc_id: str) -> list:
        """The document's responsibility records."""
        return list(self.records(doc_id).responsibilities)

    def normalized(self, doc_id: str) -> str:
        """The document's text normalised for search (simplified, width-folded); for checks of
        what the corpus mentions, never for offsets."""
        got = self._normalized.get(doc_id)
        if got is None:
            with self._fill:
                got = self._normalized.get(doc_id)
                if got is None:
                    from ingest.normalize import normalize

                    got = self._normalized[doc_id] = normalize(self.text(doc_id))
        return got
