"""Paths and small helpers shared by the ingest tests (imported by the test modules)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, TypeVar

from ingest import ChunkerSettings, DocumentMetadata, IngestedDocument, LoadedText, chunk_document
from ingest.clean import segment
from ingest.structure import parse_sections

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"

# named one by one so that a missing or renamed file fails loudly instead of shrinking a parametrize
CORPUS_FILES = (
    "aqsiq-2016-grassroots-quality-supervision.txt",
    "gansu-2015-quality-development-action-plan.txt",
    "guangxi-13th-five-year-quality-plan.txt",
    "hunan-2013-product-quality-supervision.txt",
    "shaanxi-2017-comprehensive-quality-supervision.txt",
)
# fixtures that ingest to a document (the degenerate ones raise and are tested in test_loaders)
FIXTURE_DOCS = (
    "gbk.txt",
    "utf16.txt",
    "utf8-bom.md",
    "webpage.html",
    "statute.txt",
    "policy.pdf",
    "policy.docx",
)
ALL_DOCS = tuple(f"corpus/{n}" for n in CORPUS_FILES) + tuple(f"tests/fixtures/{n}" for n in FIXTURE_DOCS)


def top_level(doc: IngestedDocument) -> list:
    return [s for s in doc.sections if s.parent is None]


def children(doc: IngestedDocument, section) -> list:
    return [s for s in doc.sections if s.parent == section.index]


def top_ancestor(doc: IngestedDocument, offset: int) -> int | None:
    """Index of the top-level section containing ``offset`` (None for front/back matter)."""
    s = doc.section_at(offset)
    while s is not None and s.parent is not None:
        s = doc.sections[s.parent]
    return None if s is None else s.index


def seg_text(doc: IngestedDocument, seg) -> str:
    return doc.text[seg.start : seg.end]


def content_segments(doc: IngestedDocument) -> list:
    return [s for s in doc.segments if s.kind != "blank"]


def segment_of_line(doc: IngestedDocument, line: str):
    """The one non-blank segment whose text is exactly ``line``."""
    hits = [s for s in content_segments(doc) if seg_text(doc, s) == line]
    assert len(hits) == 1, f"expected one line {line!r}, found {len(hits)}"
    return hits[0]


def segment_starting(doc: IngestedDocument, prefix: str):
    hits = [s for s in content_segments(doc) if seg_text(doc, s).startswith(prefix)]
    assert len(hits) == 1, f"expected one line starting {prefix!r}, found {len(hits)}"
    return hits[0]


_CN = "一二三四五六七八九"


def cn_numeral(n: int) -> str:
    """1..99 as written in Chinese numbering: 十, 十八, 二十四."""
    tens, ones = divmod(n, 10)
    out = ""
    if tens:
        out += ("" if tens == 1 else _CN[tens - 1]) + "十"
    if ones:
        out += _CN[ones - 1]
    return out


# a document built from a string, as ingest_file builds one from a file, for generated texts
def loaded_text(text: str, name: str = "generated") -> LoadedText:
    return LoadedText(source=Path(f"{name}.txt"), text=text, format="txt", encoding="utf-8")


def document_from_text(text: str, chunker: ChunkerSettings, name: str = "generated") -> IngestedDocument:
    segments = segment(loaded_text(text, name))
    meta = DocumentMetadata(
        doc_id=name, title=None, issuer=None, date=None, doc_number=None, level=None, region=None,
        script="simplified", year=None, source=f"{name}.txt", sha256="", format="txt", encoding="utf-8",
    )
    doc = IngestedDocument(meta=meta, text=text, segments=segments, sections=parse_sections(text, segments))
    doc.chunks = chunk_document(doc, chunker)
    return doc


T = TypeVar("T")


def lines_executed(files: set[str], work: Callable[[], T]) -> tuple[int, T]:
    """How many lines of the modules ``files`` (paths) ``work()`` runs, and what it returns: the
    work a stage does, counted instead of timed."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename in files else None

    sys.settrace(calls)
    try:
        result = work()
    finally:
        sys.settrace(None)
    return count, result
