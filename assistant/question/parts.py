"""A question that compares documents it names (商标法中…复审的期限，和山东省计量条例中…复检的期限，
分别是多长?) read as one question per document: the clauses that name the other documents
left out when each document has its own clause, else only the other names; the words that
ask for the comparison (分别, 有什么不同, 一样吗) dropped, so each part is asked as what it is
(a deadline, a penalty, a duty)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.search.laws import LawMention

_CLAUSE_END = re.compile(r"[，,；;：:]")
COMPARING = re.compile(
    r"有什么不同|有何不同|有哪些不同|有什么区别|有何区别|有哪些区别|的区别|的不同|是否相同|是否一样|相同吗|一样吗|"
    r"分别|各自|各是|各有|异同|相比|对比|比较"
)


@dataclass(frozen=True)
class Part:
    doc_id: str
    question: str  # the question as it bears on this document alone


_CONJUNCTION = re.compile(r"以及|和|与|及|跟|同")
_LEADING = re.compile(r"^[，,；;\s]*(?:以及|和|与|及|跟|同)?")
_TRAILING = re.compile(r"(?:以及|和|与|及|跟|同|、)$")
_LEADING_CONJ = re.compile(r"(?:以及|和|与|及|跟|同|、)?")
MIN_OWN = 2  # characters of its own topic a document's part must have beside its name


def _boundary(text: str, after: int, before: int) -> int | None:
    """Where the part of one named document ends and the next one's begins, between the end
    of the first name and the start of the next: the last clause mark there, else the last
    conjunction with words of a topic on either side of it (…虚假检测报告(广东…条例)和计量检定
    机构伪造数据(河南…条例)); None when the names stand together (A和B对…)."""
    marks = list(_CLAUSE_END.finditer(text, after, before))
    if marks:
        return marks[-1].end()
    for m in reversed(list(_CONJUNCTION.finditer(text, after, before))):
        if before - m.end() >= MIN_OWN or m.start() - after >= MIN_OWN:
            return m.start()
    return None


def _clause_start(text: str, at: int) -> int:
    marks = list(_CLAUSE_END.finditer(text, 0, at))
    return marks[-1].end() if marks else 0


def _clause_end(text: str, at: int) -> int:
    m = _CLAUSE_END.search(text, at)
    return m.start() if m else len(text)


def per_document(normalized_question: str, mentions: list[LawMention]) -> list[Part]:
    """One part per document named, in the order named: the words shared by all (the clauses
    before the first document's and after the last one's) with that document's own words; when
    the names stand together, the question less the other names."""
    text = normalized_question
    bounds = [_boundary(text, a.end, b.start) for a, b in zip(mentions, mentions[1:])]
    parts = []
    if all(b is not None for b in bounds):
        edges = [_clause_start(text, mentions[0].start), *bounds, _clause_end(text, mentions[-1].end)]
        head, tail = text[: edges[0]], text[edges[-1] :]
        for i, mention in enumerate(mentions):
            own = _LEADING.sub("", text[edges[i] : edges[i + 1]]).rstrip("，,；;：: ")
            parts.append(Part(mention.doc_id, _asked(head + own + tail)))
        return parts
    for i, mention in enumerate(mentions):
        kept, at = "", 0
        for m in (m for j, m in enumerate(mentions) if j != i):
            # the name left out takes its conjunction with it: A和B对… → A对…, B对…
            piece = text[at : m.start]
            joined = _TRAILING.search(piece)
            kept += piece[: joined.start()] if joined else piece
            at = m.end + (0 if joined else len(_LEADING_CONJ.match(text, m.end).group(0)))
        parts.append(Part(mention.doc_id, _asked(kept + text[at:])))
    return parts


def _asked(text: str) -> str:
    return COMPARING.sub("", text).strip("，,；; ")
