"""Facts a quiz can test, read from the records stored at ingest (ingest.extract):

- department: a unit that leads (牵头), cooperates on (配合) or is responsible for (负责) a task
- number: a target's or a reported figure's quantity (93%以上, 300个)
- year: the year or five-year plan a sentence dates (2014年, 十二五)
- duration: a time limit (五年内 → 五年)
- term: an obligation's modal word (应当, 要, 不得, 鼓励)

Each fact knows the exact original span of its term and of the context a question quotes (a task
note as it stands; else the sentence holding the record, cut to whole clauses when it is long).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.index.snapshot import Snapshot
from ingest.extract import DocumentRecords
from ingest.extract.spans import normalized, sentence_around, trim
from ingest.normalize import normalize, to_simplified

KINDS = ("department", "number", "year", "duration", "term")
CONTEXT_LIMIT = 90  # characters of context a question quotes, when the sentence is longer
_CLAUSE_END = "，,；;：:"
_SPACE = " \t\r\n\u3000\xa0"
_YEAR_TERM = re.compile(r"(?:19|20)\d{2}(?:\s*[—–\-~至到]+\s*(?:19|20)\d{2})?年(?:度|底|末|初)?|十[一二三四五六七八九]五")
_DURATION_TERM = re.compile(r"(?:\d+|[〇零一二两三四五六七八九十百千]+)(?:个工作日|工作日|个月|月|日|天|年)")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Fact:
    key: tuple[str, ...]  # what is tested, canonically: ("lead", doc_id, task, unit)
    kind: str  # department | number | year | duration | term
    role: str  # lead | cooperating | responsible | goal | reported | time | limit | must | prohibited | permitted | encouraged
    doc_id: str
    term: str  # the tested term as the document writes it, in simplified script
    term_start: int  # original[term_start:term_end] is the term
    term_end: int
    start: int  # original[start:end] is the context the question quotes and the citation
    end: int
    topic: str = ""  # the task, the measured subject or the bound action (simplified)
    verb: str = ""  # a responsibility sentence's verb (负责, 负总责); '' for task notes
    excluded: tuple[str, ...] = ()  # canonical names of every unit of the same task: never a distractor
    value: float | None = None  # a number's or a duration's value
    unit: str = ""  # % | 个 | 年 …


def display(text: str) -> str:
    """Simplified script for a question, width and punctuation kept, on one line."""
    return re.sub(r"\s+", "", to_simplified(text))


def context_span(text: str, start: int, end: int, limit: int = CONTEXT_LIMIT) -> tuple[int, int]:
    """The sentence holding text[start:end], or, when it is longer than ``limit``, the whole
    clauses around it, grown alternately backwards and forwards while they fit."""
    s, e = sentence_around(text, start, end)
    if e - s <= limit:
        return s, e
    bounds = sorted({s, e} | {i + 1 for i in range(s, e) if text[i] in _CLAUSE_END})
    lo = max(b for b in bounds if b <= start)
    hi = min(b for b in bounds if b >= end)
    grown = True
    while grown:
        grown = False
        after = [b for b in bounds if b > hi]
        if after and after[0] - lo <= limit:
            hi, grown = after[0], True
        before = [b for b in bounds if b < lo]
        if before and hi - before[-1] <= limit:
            lo, grown = before[-1], True
    return trim(text, lo, hi, _SPACE + _CLAUSE_END)


def _find(text: str, pattern: re.Pattern[str] | str, start: int, end: int) -> tuple[int, int] | None:
    """Original span of the first match of ``pattern`` (on the normalised text, or a literal
    term normalised) inside original[start:end]."""
    view = normalized(text)
    a, b = view.locate(start), view.locate(end)
    if isinstance(pattern, str):
        term = normalize(pattern)
        lead = r"(?<![\d.])" if term[:1].isdigit() else ""
        pattern = re.compile(lead + re.escape(term) + (r"(?![\d.])" if term[-1:].isdigit() else ""))
    m = pattern.search(view.text, a, b)
    return view.span(m.start(), m.end()) if m else None


def _department_facts(doc_id: str, text: str, records: DocumentRecords) -> list[Fact]:
    found = []
    for r in records.responsibilities:
        if len(r.task) < 2:
            continue
        names = tuple(sorted({u.name for u in r.units}))
        start, end = (r.start, r.end) if r.source == "task_note" else context_span(text, r.start, r.end)
        for u in r.units:
            found.append(Fact(key=(u.role, doc_id, r.task, u.name), kind="department", role=u.role, doc_id=doc_id,
                              term=display(u.written), term_start=u.start, term_end=u.end, start=start, end=end,
                              topic=r.task, verb=r.verb, excluded=names))
    return found


def _number_facts(doc_id: str, text: str, records: DocumentRecords) -> list[Fact]:
    found = []
    for t in records.targets:
        span = _find(text, t.expression, t.start, t.end)
        if span is None:
            continue
        start, end = context_span(text, t.start, t.end)
        found.append(Fact(key=("target", doc_id, t.subject, t.status, t.expression), kind="number", role=t.status,
                          doc_id=doc_id, term=display(text[span[0]:span[1]]), term_start=span[0], term_end=span[1],
                          start=start, end=end, topic=t.subject, value=t.value, unit=t.unit))
    return found


def _time_facts(doc_id: str, text: str, records: DocumentRecords) -> list[Fact]:
    found = []
    for t in records.time_requirements:
        if t.kind in ("year", "by_year", "date", "period"):
            kind, pattern, role = "year", _YEAR_TERM, "time"
        elif t.kind == "duration":
            kind, pattern, role = "duration", _DURATION_TERM, "limit"
        else:
            continue  # recurrences (每年, 定期) have no single term to ask for
        span = _find(text, pattern, t.start, t.end)
        if span is None or (kind == "year" and text[span[1]:span[1] + 1].isdigit()):
            continue  # no term; or a date's year (1989年8月1日): the date is the fact, not its year
        start, end = context_span(text, *span)
        term = display(text[span[0]:span[1]])
        value = next((float(v) for v in (t.days, t.working_days, t.months, t.years) if v is not None), None)
        unit = re.sub(r"^[\d〇零一二两三四五六七八九十百千]+个?", "", term)
        topic = t.action or display(text[start:end])
        found.append(Fact(key=(kind, doc_id, topic, term), kind=kind, role=role, doc_id=doc_id, term=term,
                          term_start=span[0], term_end=span[1], start=start, end=end,
                          topic=topic, value=value, unit=unit if kind == "duration" else ""))
    return found


def _term_facts(doc_id: str, text: str, records: DocumentRecords) -> list[Fact]:
    found = []
    for o in records.obligations:
        if len(o.action) < 6:
            continue  # 有权必有责: a slogan, not a rule to quiz
        cue = normalize(o.cue)
        follow = cue if o.modality == "encouraged" else cue + normalize(o.action)[:2]
        span = _find(text, follow, o.start, o.end)
        if span is None:
            continue
        cue_span = (span[0], _find(text, o.cue, span[0], span[1])[1])
        start, end = context_span(text, cue_span[0], min(o.end, cue_span[1] + 6))
        found.append(Fact(key=("modality", doc_id, "、".join(o.actors), o.action, o.modality), kind="term", role=o.modality,
                          doc_id=doc_id, term=display(text[cue_span[0]:cue_span[1]]), term_start=cue_span[0],
                          term_end=cue_span[1], start=start, end=end, topic=o.action))
    return found


def collect_facts(snap: Snapshot, doc_ids: list[str]) -> list[Fact]:
    """Every fact of the documents, in document and text order, each key once. Left out: a
    fact whose context says nothing beside its term (a signature date alone) and one in a
    heading (第二章“十三五”期间…形势 names a chapter, it states nothing)."""
    facts: dict[tuple[str, ...], Fact] = {}
    for doc_id in doc_ids:
        text, records = snap.text(doc_id), snap.records(doc_id)
        headings = [(s.start, s.heading_end) for s in snap.docs[doc_id].sections]
        for collect in (_department_facts, _number_facts, _time_facts, _term_facts):
            for f in collect(doc_id, text, records):
                rest = text[f.start:f.term_start] + text[f.term_end:f.end]
                in_heading = any(a <= f.term_start < b for a, b in headings)
                if len(_HAN.findall(rest)) >= 6 and not (in_heading and f.kind != "department"):
                    facts.setdefault(f.key, f)
    return list(facts.values())
