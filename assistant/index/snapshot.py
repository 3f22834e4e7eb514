"""A loaded, read-only generation of the index: documents, chunks, BM25, the embedder, and the
original texts and domain records, read on first use."""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

import numpy as np

from assistant.errors import IndexDamaged
from assistant.index.generation import DocRecord, read_records, text_digest, text_file_of
from ingest.extract import DocumentRecords, Responsibility, extract_records
from ingest.extract.spans import parallel
from ingest.models import Chunk
from ingest.normalize import normalize
from ingest.patterns import CITED_TITLE, plain_title, without_nation
from ingest.statute import Article, articles

if TYPE_CHECKING:
    from assistant.index.bm25 import Bm25Index
    from assistant.index.embedders import Embedder


_TRANSMITS = re.compile(r"(?:印发|转发|颁发|发布)《([^《》]{4,80})》的?(?:通知|决定)$")


_MIN_FILE_TITLE = 4  # Chinese characters a file's name needs to name a document (not 通知.pdf)


def _file_title(source: str) -> str:
    """A file's name as a title: its Chinese runs joined (2013, dashes, 最终版 digits dropped)."""
    name = "".join(re.findall(r"[\u4e00-\u9fff]+", normalize(PurePath(source).stem)))
    return name if len(name) >= _MIN_FILE_TITLE else ""


@dataclass
class Snapshot:
    """One consistent generation of the index, loaded for reading."""

    home: Path
    generation: int
    manifest: dict
    docs: dict[str, DocRecord]
    chunks: list[Chunk]
    bm25: "Bm25Index | None"  # None when the generation has no chunks
    embedder: "Embedder | None"
    collection: str | None
    chunk_pos: dict[str, int] = field(default_factory=dict)
    records_file: Path | None = None  # the generation's stored domain records, read on first use

    def __post_init__(self) -> None:
        self.chunk_pos = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self._texts: dict[str, str] = {}
        self._normalized: dict[str, str] = {}
        self._body: dict[str, str] = {}
        self._records: dict[str, DocumentRecords] | None = None
        self._articles: dict[str, tuple[Article, ...]] = {}
        self._parallel: dict[str, str] = {}
        self._doc_index = {d: i for i, d in enumerate(self.docs)}
        self._chunk_doc: np.ndarray | None = None  # the index in docs of each chunk's document
        # the lazy caches are filled once even when many threads ask at once (a web app under
        # load): without it, each of 20 threads normalised the whole corpus for itself
        self._fill = threading.RLock()

    def chunk_mask(self, doc_ids) -> np.ndarray:
        """A boolean per chunk: does it belong to one of ``doc_ids``? (built from an array
        per snapshot, not a pass over the chunks per question)"""
        if self._chunk_doc is None:
            self._chunk_doc = np.fromiter((self._doc_index[c.doc_id] for c in self.chunks), dtype=np.int32,
                                          count=len(self.chunks))
        wanted = np.zeros(len(self.docs), dtype=bool)
        wanted[[self._doc_index[d] for d in doc_ids if d in self._doc_index]] = True
        return wanted[self._chunk_doc]

    @cached_property
    def normalized_titles(self) -> dict[str, str]:
        """Each document's title, normalised (empty when it has none)."""
        return {d: normalize(r.meta.title or "") for d, r in self.docs.items()}

    @cached_property
    def cited_titles(self) -> frozenset[str]:
        """The titles the documents cite in 《》, normalised, each also without 中华人民共和国."""
        found = set()
        for doc_id in self.docs:
            for name in CITED_TITLE.findall(self.normalized(doc_id)):
                found.update((name, without_nation(name)))
        return frozenset(found)

    @cached_property
    def plain_titles(self) -> dict[str, str]:
        """Each document's title as a name in a question is matched against it
        (ingest.patterns.plain_title), found once per generation rather than per question. A notice
        that transmits a document (…关于印发《福建省质量工作考核办法》的通知) is named by what it
        transmits: its text is that document's. A document whose text states no title is named by
        its file's name (质量工作考核办法 for 国务院办公厅-2013-质量工作考核办法.pdf), as its user
        named it."""
        titles = {d: t or _file_title(self.docs[d].meta.source) for d, t in self.normalized_titles.items()}
        return {d: plain_title(m.group(1) if (m := _TRANSMITS.search(t)) else t) for d, t in titles.items()}

    def text(self, doc_id: str) -> str:
        """The original text of a document, as ingested; a stored copy that is missing or no
        longer hashes to its name is damage (a quote cut from it would be wrong)."""
        got = self._texts.get(doc_id)
        if got is None:
            meta = self.docs[doc_id].meta
            path = self.home / "texts" / f"{text_file_of(meta)}.txt"
            try:
                # newline="": the text as ingested, CRLF kept; every offset was counted on it
                with open(path, encoding="utf-8", newline="") as fh:
                    got = fh.read()
            except (OSError, UnicodeDecodeError) as exc:
                raise IndexDamaged(str(self.home), f"the stored text of {doc_id} cannot be read ({exc})") from exc
            if meta.text_sha256 and text_digest(got) != meta.text_sha256:
                raise IndexDamaged(str(self.home), f"the stored text of {doc_id} ({path.name}) has changed since it was ingested")
            self._texts[doc_id] = got
        return got

    def records(self, doc_id: str) -> DocumentRecords:
        """The document's domain records: stored with the generation at ingest; extracted here
        only for an index written before they were stored."""
        if self._records is None or doc_id not in self._records:
            with self._fill:
                if self._records is None:
                    self._records = read_records(self.records_file, self.docs) if self.records_file else {}
                if doc_id not in self._records:
                    self._records[doc_id] = extract_records(doc_id, self.text(doc_id), list(self.docs[doc_id].sections))
        return self._records[doc_id]

    def parallel(self, doc_id: str) -> str:
        """The original text with each character in its normalised form where that is one
        character (ingest.extract.spans.parallel): offsets as the original's, for patterns
        written in simplified script (违反本条例第N条 in 違反本條例第N條)."""
        got = self._parallel.get(doc_id)
        if got is None:
            got = self._parallel[doc_id] = parallel(self.text(doc_id))
        return got

    def articles(self, doc_id: str) -> tuple[Article, ...]:
        """The document's articles (第N条 with their paragraphs and items), found once."""
        got = self._articles.get(doc_id)
        if got is None:
            got = self._articles[doc_id] = tuple(articles(self.text(doc_id), self.docs[doc_id].sections))
        return got

    def warm(self) -> None:
        """Fill the lazy caches (normalised texts, domain records) now, so that the first
        questions a server gets do not pay for them (about 3 s at 2,000 documents)."""
        for doc_id in self.docs:
            self.normalized(doc_id)
        if self.docs:
            self.records(next(iter(self.docs)))

    def responsibilities(self, doc_id: str) -> list[Responsibility]:
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
                    got = self._normalized[doc_id] = normalize(self.text(doc_id))
        return got

    def body_normalized(self, doc_id: str) -> str:
        """The document's text normalised, without its page furniture (a site's widgets and
        menus, header tables, a law's history lines): what the document itself says, for checks
        of which words it uses (【字体：大 中 小】 does not make 字体 a word of the document)."""
        got = self._body.get(doc_id)
        if got is None:
            spans = self.docs[doc_id].furniture
            if not spans:
                return self.normalized(doc_id)
            text, pieces, at = self.text(doc_id), [], 0
            for a, b in spans:
                pieces.append(text[at:a])
                at = max(at, b)
            pieces.append(text[at:])
            got = self._body[doc_id] = normalize("\n".join(pieces))
        return got
