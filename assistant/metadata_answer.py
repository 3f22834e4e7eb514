"""Questions about a document itself (文号, date, issuer, region), answered from its
metadata and cited at the line of the original text that states it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import Citation
from assistant.evidence import cite
from assistant.records import DocRecord, Snapshot
from ingest.gazetteer import AGENCY_FULL_NAMES
from ingest.normalize import normalize

_ASKS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("doc_number", "文号", re.compile(r"文号|发文字号|document number|reference number")),
    ("issuer", "发文机关", re.compile(r"发文机关|落款单位|(哪个|什么)(机关|单位|部门)(印发|发布|制定|出台|发的)|(谁|由谁)(印发|发布|制定|出台)|issued by|who issued|issuer|which (agency|department|body|authority) (issued|published)")),
    ("date", "成文日期", re.compile(r"哪天|哪一天|日期|落款时间|(何时|什么时候|哪年|哪一年)(印发|发布|签发|出台)|印发时间|成文时间|签发|when was.*(issued|signed|published)|(on )?what date|date (was|did)")),
)


@dataclass(frozen=True)
class MetadataAnswer:
    text: str
    citation: Citation | None
    missing: str = ""  # the field the document does not state


_REFERENCED = re.compile(r"依据|根据|贯彻|落实|上级|提到的|引用|援引|转发")


def asked_fields(normalized_question: str) -> list[tuple[str, str]]:
    """The document fields (文号, 发文机关, 成文日期) a question asks about the document itself;
    none when it asks about a document the text refers to (所依据的…意见文号)."""
    q = normalized_question.lower()
    if _REFERENCED.search(q):
        return []
    return [(field, label) for field, label, pattern in _ASKS if pattern.search(q)]


def _line_containing(text: str, wanted: list[str]) -> tuple[int, int] | None:
    """Span of the last line (trimmed) whose normalised form contains one of ``wanted``."""
    found = None
    start = 0
    for line in text.split("\n"):
        norm = normalize(line).replace(" ", "")
        if any(normalize(w).replace(" ", "") in norm for w in wanted if w):
            lead = len(line) - len(line.lstrip(" \t\u3000\xa0\r"))
            found = (start + lead, start + len(line.rstrip(" \t\u3000\xa0\r")))
        start += len(line) + 1
    return found


def _wanted(rec: DocRecord, field: str) -> list[str]:
    meta = rec.meta
    if field == "doc_number":
        return [meta.doc_number] if meta.doc_number else []
    if field == "date" and meta.date:
        y, m, d = (int(x) for x in meta.date.split("-"))
        return [f"{y}年{m}月{d}日", meta.date]
    if field == "issuer" and meta.issuer:
        short = [k for k, v in AGENCY_FULL_NAMES.items() if v == meta.issuer]
        return [meta.issuer, *short]
    return []


def document_field(rec: DocRecord, field: str, label: str, snap: Snapshot, n: int = 1) -> MetadataAnswer:
    """One field of one document, cited at the line of its text that states it."""
    text = snap.text(rec.doc_id)
    wanted = _wanted(rec, field)
    span = _line_containing(text, wanted) if wanted else None
    if span is None:
        name = rec.meta.title or rec.doc_id
        return MetadataAnswer("", None, missing=f"《{name}》的正文没有写明{label}")
    s, e = span
    citation = cite(snap, rec.doc_id, s, e, n)
    return MetadataAnswer(f"{label}:{text[s:e]} [{n}]", citation)
