"""One generation of the index on disk: where its files are, what it stores about each
document (DocRecord), what a new one is made of before it is written (GenerationData), and
reading and writing those files.

    gen-00000N/   manifest.json, documents.json, chunks.jsonl (with BM25 tokens), records.jsonl, bm25/, embedder/
"""
from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from assistant.index.bm25 import Bm25Index
from ingest.extract.bundle import EXTRACTOR_VERSION, DocumentRecords
from ingest.models import Chunk, DocumentMetadata, IngestedDocument, Section, SectionLocator, page_of

RECORDS_FILE = "records.jsonl"  # one generation's domain records, a line per document


@dataclass
class IndexPaths:
    home: Path

    @property
    def current(self) -> Path:
        return self.home / "CURRENT"

    @property
    def texts(self) -> Path:
        return self.home / "texts"

    @property
    def chroma(self) -> Path:
        return self.home / "chroma"

    def gen(self, n: int) -> Path:
        return self.home / f"gen-{n:06d}"


@dataclass(frozen=True)
class DocRecord:
    """What one generation stores about a document."""

    meta: DocumentMetadata
    sections: tuple[Section, ...]
    page_starts: tuple[int, ...] | None
    content_key: str  # sha256 of the file plus its manifest entry: unchanged key = nothing to do
    chunk_count: int
    # spans of page furniture (widgets, copyright, header tables, a law's history lines) that a chunk
    # may run across: never quoted as what the document says (a news preamble is not among them)
    furniture: tuple[tuple[int, int], ...] = ()

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
            "furniture": [list(span) for span in self.furniture],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "DocRecord":
        return cls(
            meta=DocumentMetadata.from_dict(d["meta"]),
            sections=tuple(Section(**s) for s in d["sections"]),
            page_starts=tuple(d["page_starts"]) if d.get("page_starts") else None,
            content_key=d["content_key"],
            chunk_count=d["chunk_count"],
            furniture=tuple(tuple(span) for span in d.get("furniture", ())),
        )

    @classmethod
    def from_document(cls, doc: IngestedDocument, content_key: str) -> "DocRecord":
        return cls(meta=doc.meta, sections=tuple(doc.sections), page_starts=doc.page_starts, content_key=content_key,
                   chunk_count=len(doc.chunks),
                   furniture=tuple((g.start, g.end) for g in doc.segments
                                   if g.kind == "furniture" and g.reason != "news preamble"))

    def in_furniture(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` lie within one span of page furniture?"""
        i = bisect_right(self._furniture_starts, start) - 1
        return i >= 0 and end <= self.furniture[i][1]

    @cached_property
    def _furniture_starts(self) -> list[int]:
        return [a for a, _ in self.furniture]

    @cached_property
    def _locator(self) -> SectionLocator:
        return SectionLocator(self.sections)

    def section_at(self, offset: int) -> Section | None:
        return self._locator.at(offset)

    def page_at(self, offset: int) -> int | None:
        return page_of(self.page_starts, offset)


@dataclass
class GenerationData:
    """Everything a new generation is made of, before it is written."""

    docs: dict[str, DocRecord]
    chunks: list[Chunk]
    tokens: list[list[str]]
    # doc_id -> its domain records (ingest.extract); a document missing here is extracted on use
    records: dict[str, DocumentRecords] = field(default_factory=dict)
    # chunk_id -> normalised index text, where the ingest workers computed it already
    index_texts: dict[str, str] = field(default_factory=dict)

    @classmethod
    def empty(cls) -> "GenerationData":
        return cls(docs={}, chunks=[], tokens=[])


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


def read_documents(folder: Path) -> list[dict]:
    """The generation's documents.json, as stored."""
    return json.loads((folder / "documents.json").read_text(encoding="utf-8"))


def read_generation(folder: Path, with_records: bool = True, with_tokens: bool = True) -> GenerationData:
    """What the generation in ``folder`` is made of. A reader leaves the domain records to the
    snapshot, which loads them on first use, and the chunks' BM25 tokens to the writer (the
    BM25 index is stored built; the token lists would double a reader's memory)."""
    docs = {d["meta"]["doc_id"]: DocRecord.from_dict(d) for d in read_documents(folder)}
    chunks, tokens = [], []
    with open(folder / "chunks.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            toks = rec.pop("tokens")
            if with_tokens:
                tokens.append(toks)
            chunks.append(Chunk(**rec))
    records = read_records(folder / RECORDS_FILE, docs) if with_records else {}
    return GenerationData(docs=docs, chunks=chunks, tokens=tokens, records=records)


def write_generation_files(data: GenerationData, folder: Path) -> None:
    """The generation's own files: chunks with their BM25 tokens, documents, records, BM25."""
    with open(folder / "chunks.jsonl", "w", encoding="utf-8") as fh:
        for chunk, toks in zip(data.chunks, data.tokens):
            rec = chunk.to_dict()
            rec["tokens"] = toks
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    (folder / "documents.json").write_text(
        json.dumps([d.to_dict() for d in data.docs.values()], ensure_ascii=False), encoding="utf-8"
    )
    with open(folder / RECORDS_FILE, "w", encoding="utf-8") as fh:
        for doc_id in data.docs:
            if doc_id in data.records:
                fh.write(json.dumps(data.records[doc_id].to_dict(), ensure_ascii=False) + "\n")
    if data.chunks:
        Bm25Index.build(data.tokens).save(folder / "bm25")


def text_file_of(meta: dict | DocumentMetadata) -> str:
    """The name (without .txt) of a document's text under texts/: the hash of the text itself;
    an index written before texts were named so used the file's hash."""
    get = meta.get if isinstance(meta, dict) else lambda k: getattr(meta, k)
    return get("text_sha256") or get("sha256")


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def write_text(folder: Path, sha: str, text: str) -> None:
    """Store a document's text as texts/<sha>.txt, where ``sha`` is its hash: a stored copy that
    hashes to its name is kept, a missing or damaged one (re)written."""
    target = folder / f"{sha}.txt"
    try:
        with open(target, encoding="utf-8", newline="") as fh:
            if text_digest(fh.read()) == sha:
                return
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    atomic_write(target, text)


def atomic_write(path: Path, data: str) -> None:
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
