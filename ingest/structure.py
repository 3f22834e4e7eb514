"""Section tree from the numbering of Chinese official documents.

Statutes: 第X编 / 第X章 / 第X节 / 第X条. Policies: 一、 / (一)（一） / 1. 1、 / (1).
A heading's title ends at its first 。 when title and body share a line. A numbering token
inside a sentence (依照本法第十二条) is never a heading: headings start a line, or follow a
sentence end when a scraped page glued a short heading to the previous paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.models import Section, Segment
from ingest.patterns import HEADING_KINDS, SENTENCE_END, numeral_value

_MD_PREFIX = re.compile(r"#{1,6}[ \t]*")
_MAX_TITLE = 60
_SHORT_LINE = 40


@dataclass
class _Heading:
    kind: str
    rank: int
    start: int  # offset of the numbering token (or of the markdown '#')
    number: str
    value: int | None
    title_start: int
    title_end: int
    line_end: int
    short: bool  # the heading is the whole line


def _match_heading(text: str, start: int, end: int, in_article: bool = False) -> _Heading | None:
    """The heading a line starts with; ``in_article``: the line is inside a statute's article,
    where a numbered line is an item (项) of it however long it is."""
    pos = start
    md = _MD_PREFIX.match(text, pos, end)
    if md:
        pos = md.end()
    for kind, rank, pattern in HEADING_KINDS:
        m = pattern.match(text, pos, end)
        if not m:
            continue
        number = m.group(0)
        t0 = m.end()
        while t0 < end and text[t0] in " \t\u3000":
            t0 += 1
        rest = text[t0:end]
        if kind == "article":
            title_end = t0 if rest else end
            return _Heading(kind, rank, start, number, numeral_value(number), t0, title_end, end, not rest)
        stop = min((rest.find(ch) for ch in SENTENCE_END if ch in rest), default=-1)
        if stop >= 0:
            title_end = t0 + stop
        else:
            title_end = end
        if in_article and kind in ("l2", "l3", "l4"):
            # an item (项) of an article: like the article, its number is its heading
            return _Heading(kind, rank, start, number, numeral_value(number), t0, t0, end, True)
        if kind in ("l1", "l2", "l3", "l4") and title_end - t0 > _MAX_TITLE:
            # no sentence end near the number: a numbered list item in running text, not a heading
            return None
        if title_end == t0 and kind not in ("chapter", "part", "section"):
            return None
        short = stop < 0 and (end - t0) <= _SHORT_LINE
        return _Heading(kind, rank, start, number, numeral_value(number), t0, title_end, end, short)
    if md:
        level = len(md.group(0).strip())
        return _Heading("md", level + 2, start, md.group(0).strip(), None, md.end(), end, end, True)
    return None


def _inline_heading(text: str, start: int, end: int) -> _Heading | None:
    """A short 一、 or 第X章 heading glued after the last sentence of a paragraph."""
    line = text[start:end]
    for i in range(len(line) - 2, 0, -1):
        if line[i - 1] in "。！？" and end - (start + i) <= _SHORT_LINE:
            h = _match_heading(text, start + i, end)
            if h and h.kind in ("l1", "chapter") and h.short:
                return h
        if end - (start + i) > _SHORT_LINE:
            break
    return None


def _accept(h: _Heading, last_value: dict[str, int | None]) -> bool:
    """Short heading lines are always headings; long lines must continue the numbering."""
    if h.short or h.kind in ("chapter", "part", "section", "article", "md"):
        return True
    prev = last_value.get(h.kind)
    if h.value is None:
        return False
    return h.value == 1 or prev is None or h.value == prev + 1


def parse_sections(text: str, segments: list[Segment]) -> list[Section]:
    headings: list[_Heading] = []
    last_value: dict[str, int | None] = {}
    body = [s for s in segments if s.kind == "body"]
    in_article = False  # the last heading of article rank or above was a statute's article
    for seg in body:
        found = _match_heading(text, seg.start, seg.end, in_article)
        if found is None:
            found = _inline_heading(text, seg.start, seg.end)
        if found is not None and _accept(found, last_value):
            headings.append(found)
            last_value[found.kind] = found.value
            if found.rank <= 3:
                in_article = found.kind == "article"
            # a new higher-level heading restarts the numbering below it
            for kind, rank, _ in HEADING_KINDS:
                if rank > found.rank:
                    last_value.pop(kind, None)
    if not body:
        return []
    body_end = body[-1].end

    # a section ends where the next heading of its rank or higher starts: one pass with a stack
    # of the open headings (a scan of the later headings for each was quadratic in a long statute)
    ends = [body_end] * len(headings)
    still_open: list[int] = []
    for i, h in enumerate(headings):
        while still_open and headings[still_open[-1]].rank >= h.rank:
            ends[still_open.pop()] = h.start
        still_open.append(i)

    sections: list[Section] = []
    stack: list[int] = []
    for i, h in enumerate(headings):
        end = ends[i]
        while stack and sections[stack[-1]].rank >= h.rank:
            stack.pop()
        parent = stack[-1] if stack else None
        label = text[h.start : h.title_end].strip()
        label = _MD_PREFIX.sub("", label, count=1) if h.kind != "md" else text[h.title_start : h.title_end].strip()
        path = f"{sections[parent].path} > {label}" if parent is not None else label
        sections.append(
            Section(
                index=i,
                kind=h.kind,
                rank=h.rank,
                number=h.number,
                title=text[h.title_start : h.title_end].strip(),
                start=h.start,
                end=end,
                heading_end=h.title_end,
                parent=parent,
                path=path,
            )
        )
        stack.append(i)
    return sections
