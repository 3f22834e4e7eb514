"""Answers for each document a comparison names, set side by side: one row per document,
each row that document's own answer (its shape: a deadline, a penalty, a duty) with its
citations renumbered, 未涉及 with the reason where the document does not answer."""
from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import Citation, titled
from assistant.compose.composer import Composition
from assistant.index.snapshot import Snapshot

_MARK = re.compile(r"\[(\d+)\]")


def side_by_side(snap: Snapshot, answers: list[tuple[str, Composition]]) -> Composition:
    """One table of the documents' answers; an abstention when no document answers."""
    if all(comp.abstained for _, comp in answers):
        reason = ";".join(f"{titled(snap.docs[d].meta.title or d)}:{comp.reason}" for d, comp in answers)
        return Composition(answer="", citations=[], abstained=True, reason=reason)
    rows = ["| 文件 | 内容 |", "|---|---|"]
    citations: list[Citation] = []
    for doc_id, comp in answers:
        meta = snap.docs[doc_id].meta
        label = f"{meta.region or '全国'}·{titled(meta.title or doc_id)}({meta.date or meta.year or '日期不详'})"
        if comp.abstained:
            rows.append(f"| {label} | 未涉及({comp.reason}) |")
            continue
        numbers = {}
        for c in comp.citations:
            numbers[c.n] = len(citations) + 1
            citations.append(replace(c, n=numbers[c.n]))
        text = _MARK.sub(lambda m: f"[{numbers.get(int(m.group(1)), m.group(1))}]", comp.answer)
        rows.append(f"| {label} | {text.replace('|', '｜').replace(chr(10), ' ')} |")
    notes = tuple(dict.fromkeys(n for _, comp in answers if not comp.abstained for n in comp.notes))
    return Composition(answer="\n".join(rows), citations=citations, abstained=False, notes=notes)
