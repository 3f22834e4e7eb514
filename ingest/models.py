"""Typed records that flow from loaders to the index.

Offsets are always character offsets into ``LoadedText.text``: the *original* text of the
document (decoded file for txt/md, extracted text for html/pdf/docx). Citations quote it.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class LoadedText:
    source: Path
    text: str
    format: str  # txt | md | html | pdf | docx
    encoding: str | None = None
    # start offset of each page (PDF only); page of offset i is bisect_right(page_starts, i)
    page_starts: tuple[int, ...] | None = None
    # what the file says of itself outside its text: a web page's <meta> (title, published, source)
    declared: tuple[tuple[str, str], ...] = ()

    def page_at(self, offset: int) -> int | None:
        return page_of(self.page_starts, offset)


def page_of(page_starts: tuple[int, ...] | None, offset: int) -> int | None:
    """1-based page of a character offset, None for formats without pages."""
    if not page_starts:
        return None
    return bisect_right(page_starts, offset)


def deepest_section(sections, offset: int) -> "Section | None":
    """The most specific section whose span contains ``offset``."""
    best = None
    for s in sections:
        if s.start <= offset < s.end and (best is None or s.rank > best.rank):
            best = s
    return best


def _is_tree(sections: Sequence["Section"]) -> bool:
    """Sections as parse_sections gives them: by start, numbered by position, each inside the
    section it names as parent and apart from its other predecessors, deeper in rank than it."""
    still_open: list[Section] = []
    for i, s in enumerate(sections):
        if s.index != i or s.end < s.start or (i > 0 and s.start <= sections[i - 1].start):
            return False
        while still_open and still_open[-1].end <= s.start:
            still_open.pop()
        if not still_open:
            if s.parent is not None:
                return False
        elif s.parent != still_open[-1].index or s.end > still_open[-1].end or s.rank <= still_open[-1].rank:
            return False
        still_open.append(s)
    return True


class SectionLocator:
    """``deepest_section(sections, offset)`` for many offsets, each in O(log n) instead of a scan
    of every section (which made chunking quadratic in the number of sections).

    In a tree of sections by start, the sections holding an offset are the last one starting at
    or before it and its ancestors, each deeper than its parent: the deepest is the first of
    them, walking up, that is still open at the offset. Sections of another shape (built by
    hand) are looked up with deepest_section's scan."""

    def __init__(self, sections: Sequence["Section"]) -> None:
        self._sections = sections
        self._starts = [s.start for s in sections]
        self.is_tree = _is_tree(sections)

    def at(self, offset: int) -> Section | None:
        if not self.is_tree:
            return deepest_section(self._sections, offset)
        i = bisect_right(self._starts, offset) - 1
        while i >= 0:
            section = self._sections[i]
            if offset < section.end:
                return section
            i = -1 if section.parent is None else section.parent
        return None


@dataclass(frozen=True)
class Segment:
    """A contiguous span of the original text and what it is."""

    start: int
    end: int
    kind: str  # body | furniture | blank
    reason: str = ""


@dataclass(frozen=True)
class Section:
    index: int
    kind: str  # part | chapter | section | article | l1 | l2 | l3 | l4
    rank: int  # smaller = higher in the tree
    number: str  # the numbering token as written, e.g. "一、", "(一)", "第三章"
    title: str  # as written in the original text
    start: int  # offset of the heading
    end: int  # end of the section (exclusive): start of the next heading of rank <= this one
    heading_end: int  # end of the heading line (or of the title when body shares the line)
    parent: int | None
    path: str  # "二、构建质量共治格局 > (一)落实企业主体责任"

    @property
    def title_end(self) -> int:
        """End of the heading's title: the heading line's end, or the title's when none was recorded."""
        return self.heading_end if self.heading_end > self.start else self.start + len(self.title)


@dataclass(frozen=True)
class DocumentMetadata:
    doc_id: str
    title: str | None
    issuer: str | None
    date: str | None  # ISO yyyy-mm-dd
    doc_number: str | None  # 文号, e.g. 湘政发〔2013〕40号
    level: str | None  # national | provincial | municipal
    region: str | None
    script: str  # simplified | traditional | mixed
    year: int | None
    source: str
    sha256: str
    format: str
    encoding: str | None
    # which fields came from the manifest rather than inference
    from_manifest: tuple[str, ...] = ()
    # 法律 | 行政法规 | 部门规章 | 地方性法规 | 地方政府规章 | 司法解释 | 规范性文件 | 政策文件 (ingest.doctype)
    doc_type: str | None = None
    # a law's history (ingest.history), ISO dates: adopted, each amendment or revision, promulgated, in force
    adopted: str | None = None
    amended: tuple[str, ...] = ()
    promulgated: str | None = None
    effective: str | None = None
    # sha256 of the text as loaded (UTF-8): names its file in the index's texts/ and proves it intact
    text_sha256: str = ""
    # below the province (ingest.places): a prefecture-level city's document, a county's or district's
    city: str | None = None
    county: str | None = None
    # the text ends mid-sentence or on a heading with nothing under it: a page cut off (ingest.truncation)
    truncated: bool = False

    def to_dict(self) -> dict:
        d = asdict(self)
        d["from_manifest"] = list(self.from_manifest)
        d["amended"] = list(self.amended)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "DocumentMetadata":
        d = dict(d)
        d["from_manifest"] = tuple(d.get("from_manifest", ()))
        d["amended"] = tuple(d.get("amended", ()))
        return cls(**d)


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    ordinal: int
    start: int
    end: int
    text: str  # == original[start:end]
    section_path: str
    page: int | None
    page_end: int | None

    def to_dict(self) -> dict:
        # flat fields: a shallow copy is asdict()'s result, without its recursive deep copy
        return dict(vars(self))


@dataclass
class IngestedDocument:
    meta: DocumentMetadata
    text: str
    segments: list[Segment]
    sections: list[Section]
    chunks: list[Chunk] = field(default_factory=list)
    page_starts: tuple[int, ...] | None = None

    def section_at(self, offset: int) -> Section | None:
        return deepest_section(self.sections, offset)

    def page_at(self, offset: int) -> int | None:
        return page_of(self.page_starts, offset)
