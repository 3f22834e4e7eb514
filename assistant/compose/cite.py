"""Quoting the original text: a citation of one span with the document's metadata, the
numbered citations of one answer, and the clause window a long sentence is cut to."""
from __future__ import annotations

import re
from typing import Mapping

from assistant.answer import Citation
from assistant.index.snapshot import Snapshot
from ingest.normalize import normalize

SINGLE_FACT_LIMIT = 300  # characters one quoted sentence may take
LONG_LIMIT = 600  # characters a list, procedure or comparison answer may quote in all

_CLAUSE = re.compile(r"[^，,、：:]*(?:[，,、：:]|$)")


def cite(snap: Snapshot, doc_id: str, start: int, end: int, n: int) -> Citation:
    """Citation ``n`` quoting ``snap.text(doc_id)[start:end]`` exactly, in the original script."""
    rec = snap.docs[doc_id]
    text = snap.text(doc_id)
    section = rec.section_at(start)
    return Citation(
        n=n,
        doc_id=doc_id,
        title=rec.meta.title,
        issuer=rec.meta.issuer,
        date=rec.meta.date,
        doc_number=rec.meta.doc_number,
        section=section.path if section else "",
        quote=text[start:end],
        start=start,
        end=end,
        page=rec.page_at(start),
        source=rec.meta.source,
    )


class Citations:
    """Numbered citations of one answer; citing the same span twice reuses its number."""

    def __init__(self, snap: Snapshot) -> None:
        self.snap = snap
        self.items: list[Citation] = []

    def add(self, doc_id: str, start: int, end: int) -> int:
        for c in self.items:
            if (c.doc_id, c.start, c.end) == (doc_id, start, end):
                return c.n
        self.items.append(cite(self.snap, doc_id, start, end, len(self.items) + 1))
        return len(self.items)


def trim_to_clauses(text: str, s: int, e: int, weights: Mapping[str, float], limit: int) -> tuple[int, int]:
    """The window of whole clauses inside a long sentence text[s:e] that covers the most of
    the question's weighted terms within ``limit`` characters (the sentence when it fits)."""
    if e - s <= limit:
        return s, e
    clauses = [(m.start(), m.end()) for m in _CLAUSE.finditer(text, s, e) if m.end() > m.start()]
    best, best_span = -1.0, (s, min(e, s + limit))
    for i in range(len(clauses)):
        for j in range(i, len(clauses)):
            a, b = clauses[i][0], clauses[j][1]
            if b - a > limit:
                break
            norm = normalize(text[a:b])
            score = sum(w for t, w in weights.items() if t in norm) - 0.001 * (b - a)
            if score > best:
                best, best_span = score, (a, b)
    return best_span
