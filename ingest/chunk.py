"""Structure-aware chunking with exact offsets.

A chunk never straddles two top-level sections. Consecutive small sections under the same
top-level section are merged up to ``max_chars``; a long section is split at sentence ends
(。！？；, then ，) with LangChain's RecursiveCharacterTextSplitter. Every chunk satisfies
``original[chunk.start:chunk.end] == chunk.text``.
"""
from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass

from ingest.models import Chunk, IngestedDocument, Section, SectionLocator


_TINY = 60


@dataclass(frozen=True)
class ChunkerSettings:
    min_chars: int = 200
    max_chars: int = 600

    def __post_init__(self) -> None:
        if not 0 < self.min_chars <= self.max_chars:
            raise ValueError(f"ChunkerSettings: need 0 < min_chars <= max_chars, got {self.min_chars}, {self.max_chars}")


@dataclass
class _Unit:
    start: int
    end: int
    section: Section | None
    top: int | None  # index of the top-level ancestor, None for front matter


def chunk_id(doc_id: str, start: int, end: int, text: str) -> str:
    # surrogatepass: a lone surrogate in a str built in code must not crash hashing; valid text
    # encodes exactly as before, so existing ids do not change
    return hashlib.sha1(f"{doc_id}\x00{start}\x00{end}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _top(doc: IngestedDocument, section: Section | None) -> int | None:
    while section is not None and section.parent is not None:
        section = doc.sections[section.parent]
    return None if section is None else section.index


def _common_path(doc: IngestedDocument, a: Section | None, b: Section | None) -> str:
    def chain(s: Section | None) -> list[int]:
        out = []
        while s is not None:
            out.append(s.index)
            s = doc.sections[s.parent] if s.parent is not None else None
        return out[::-1]

    ca, cb = chain(a), chain(b)
    common = None
    for x, y in zip(ca, cb):
        if x != y:
            break
        common = x
    return "" if common is None else doc.sections[common].path


def _paragraphs(doc: IngestedDocument) -> list[tuple[int, int]]:
    """Body lines, cut again where a heading was glued inside a line."""
    cuts = sorted(s.start for s in doc.sections)
    out = []
    for seg in doc.segments:
        if seg.kind != "body":
            continue
        start = seg.start
        # only the cuts inside this line: found by bisection, not by a scan of all of them per line
        for c in cuts[bisect_right(cuts, start) : bisect_right(cuts, seg.end - 1)]:
            if start < c:  # a repeated start cuts once
                out.append((start, c))
                start = c
        out.append((start, seg.end))
    return out


def _split_long(text: str, start: int, max_chars: int) -> list[tuple[int, int]]:
    # langchain-text-splitters takes 0.5 s to import: only an ingest that splits a long section pays it
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=max_chars,
        chunk_overlap=0,
        separators=["\n", "。", "！", "？", "；", "，", ""],
        keep_separator="end",
        strip_whitespace=False,
        length_function=len,
    )
    spans = []
    cursor = 0
    for piece in splitter.split_text(text):
        at = text.find(piece, cursor)
        if at < 0:  # the splitter changed the text; never expected, but offsets must stay exact
            raise RuntimeError("chunk splitter returned text that is not in the section")
        spans.append((start + at, start + at + len(piece)))
        cursor = at + len(piece)
    # a heading line alone is no use as a chunk: it goes with the text it heads
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and merged[-1][1] - merged[-1][0] < _TINY:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def chunk_document(doc: IngestedDocument, settings: ChunkerSettings = ChunkerSettings()) -> list[Chunk]:
    text = doc.text
    sections = SectionLocator(doc.sections)
    units: list[_Unit] = []
    for p_start, p_end in _paragraphs(doc):
        section = sections.at(p_start)
        top = _top(doc, section)
        if units and units[-1].section is section:
            units[-1].end = p_end
        else:
            units.append(_Unit(p_start, p_end, section, top))

    # merge small neighbours inside one top-level section
    groups: list[list[_Unit]] = []
    for unit in units:
        if groups:
            g = groups[-1]
            size = g[-1].end - g[0].start
            merged = unit.end - g[0].start
            if g[0].top == unit.top and size < settings.min_chars and merged <= settings.max_chars:
                g.append(unit)
                continue
        groups.append([unit])

    chunks: list[Chunk] = []
    carry: int | None = None
    for gi, g in enumerate(groups):
        g_start, g_end = g[0].start, g[-1].end
        path = _common_path(doc, g[0].section, g[-1].section) if len(g) > 1 else (g[0].section.path if g[0].section else "")
        if g_end - g_start <= settings.max_chars:
            spans = [(g_start, g_end)]
        else:
            spans = []
            for u in g:
                if u.end - u.start <= settings.max_chars:
                    spans.append((u.start, u.end))
                else:
                    spans.extend(_split_long(text[u.start : u.end], u.start, settings.max_chars))
        if carry is not None:
            if spans[0][1] - carry <= settings.max_chars + _TINY:
                spans[0] = (carry, spans[0][1])
            else:  # the first span already took a heading of its own: keep the carried one apart
                spans.insert(0, (carry, spans[0][0]))
            carry = None
        if len(spans) == 1 and spans[0][1] - spans[0][0] < _TINY and gi + 1 < len(groups) and groups[gi + 1][0].top == g[0].top:
            carry = spans[0][0]  # a heading alone: it opens the next chunk instead
            continue
        for s, e in spans:
            while s < e and text[s] in " \t\r\n\u3000\xa0":
                s += 1
            while e > s and text[e - 1] in " \t\r\n\u3000\xa0":
                e -= 1
            if s == e:
                continue
            piece = text[s:e]
            if len(spans) == 1:
                section_path = path
            else:
                at = sections.at(s)
                section_path = at.path if at else path
            chunks.append(
                Chunk(
                    chunk_id=chunk_id(doc.meta.doc_id, s, e, piece),
                    doc_id=doc.meta.doc_id,
                    ordinal=len(chunks),
                    start=s,
                    end=e,
                    text=piece,
                    section_path=section_path,
                    page=doc.page_at(s),
                    page_end=doc.page_at(e - 1),
                )
            )
    return chunks
