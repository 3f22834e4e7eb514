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

# (field, label, words that name the field, questions that ask it of a document they name)
_ASKS: tuple[tuple[str, str, re.Pattern[str], re.Pattern[str] | None], ...] = (
    ("doc_number", "文号", re.compile(r"文号|发文字号|document number|reference number"), None),
    (
        "issuer", "发文机关",
        re.compile(r"发文机关|落款单位|issued by|who issued|issuer|which (agency|department|body|authority) (issued|published)"),
        re.compile(r"(哪个|什么)(机关|单位|部门)(印发|发布|制定|出台|发的)|(谁|由谁)(印发|发布|制定|出台)"),
    ),
    (
        "date", "成文日期",
        re.compile(r"落款时间|印发时间|成文时间|成文日期|签发日期|when was.*(issued|signed|published)|(on )?what date|date (was|did)"),
        re.compile(r"哪天|哪一天|日期|(何时|什么时候|哪年|哪一年)(印发|发布|签发|出台)|签发"),
    ),
    # the date a web page put the document online, beside the date it was signed
    (
        "published", "发布时间",
        re.compile(r"发布时间|发布日期|when was.*(posted|published online)"),
        re.compile(r"(何时|什么时候|哪天|哪一天)(发布|挂网|上网)|(网站|官网|网上)\S{0,8}(何时|什么时候|哪天|时间)"),
    ),
    (
        "source", "来源",
        re.compile(r"出处|where was.*published|which website"),
        re.compile(r"(哪里|哪儿|何处|什么地方|哪个网站)(发布|公布|刊登|刊发)|来源"),
    ),
    (
        "addressees", "主送",
        re.compile(r"主送|发送对象|发给哪些|下发给|印发给|addressed to|recipients"),
        re.compile(r"发给了?(谁|哪些)"),
    ),
    ("region", "地区", re.compile(r"which (province|region)"), re.compile(r"(哪个|哪一个|什么)(省|省份|地区|自治区|地方)的|哪里的")),
)
# a question about "when", "who" or "where" asks it of the document only when it names one
# (这份意见什么时候发布的), not of something in it (考核结果什么时候公布)
_DOCUMENT = re.compile(r"意见|规划|计划|方案|纲要|通知|办法|条例|决定|文件|document|plan|opinion|notice")
# fields that a document the text cites (所依据的…意见) has too: asked of it, not of this one
_ALSO_REFERENCED = frozenset({"doc_number", "issuer", "date"})
# lines a web page or a news item labels: 发布时间: 2013-12-31 10:03, 来源:质检总局官网
_LABELLED = {
    "published": re.compile(r"(?:发布|公布|发稿)(?:时间|日期)\s*[:：]\s*(?:19|20)\d{2}"),
    # the salutation line of an official document: 各市州、县市区人民政府,省政府各厅委…:
    "addressees": re.compile(r"^(?:各|[^。:]{0,20}(?:人民政府|委员会|局|厅))[^。:]{2,200}:$"),
    "source": re.compile(r"^\s*(?:信息)?来源\s*[:：]\s*(?![^:：\s]{0,6}[:：])[^\s:：]|在[^,，。;；]{1,15}(?:官网|网站|门户|公报)[^,，。;；]{0,4}(?:发布|公布|刊登|刊发)"),
}


@dataclass(frozen=True)
class MetadataAnswer:
    text: str
    citation: Citation | None
    missing: str = ""  # the field the document does not state


_REFERENCED = re.compile(r"依据|根据|贯彻|落实|上级|提到的|引用|援引|转发")


def asked_fields(normalized_question: str) -> list[tuple[str, str]]:
    """The document fields (文号, 发文机关, 成文日期, 发布时间, 来源, 主送, 地区) a question asks
    about the document itself; the first three not when it asks about a document the text
    refers to (所依据的…意见文号)."""
    q = normalized_question.lower()
    referenced = bool(_REFERENCED.search(q))
    names_document = bool(_DOCUMENT.search(q))
    return [
        (field, label) for field, label, named, asked in _ASKS
        if (named.search(q) or names_document and asked is not None and asked.search(q))
        and not (referenced and field in _ALSO_REFERENCED)
    ]


def _lines(text: str):
    """(start, end, normalised line) of each line, trimmed of surrounding blanks."""
    start = 0
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip(" \t\u3000\xa0\r"))
        yield start + lead, start + len(line.rstrip(" \t\u3000\xa0\r")), normalize(line)
        start += len(line) + 1


def _line_containing(text: str, wanted: list[str], first: bool = False) -> tuple[int, int] | None:
    """Span of the last (or first) line whose normalised form contains one of ``wanted``."""
    keys = [normalize(w).replace(" ", "") for w in wanted if w]
    found = None
    for s, e, norm in _lines(text):
        if any(k in norm.replace(" ", "") for k in keys):
            found = (s, e)
            if first:
                break
    return found


def _labelled_line(text: str, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """Span of the first line a page labels with the field (发布时间: …, 来源:…), trimmed to
    the sentence that holds the label when the line is a long paragraph."""
    for s, e, norm in _lines(text):
        m = pattern.search(norm)
        if m is None:
            continue
        if e - s > 120:  # a news lead: cite its sentence, not the paragraph
            raw = text[s:e]
            a = max(raw.rfind(p, 0, m.start()) for p in "。!?！？") + 1
            b = min((i for i in (raw.find(p, m.end()) for p in ",，。;；") if i >= 0), default=len(raw))
            return s + a, s + b
        return s, e
    return None


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
    if field in _LABELLED:
        span = _labelled_line(text, _LABELLED[field])
    elif field == "region":
        region = rec.meta.region
        span = _line_containing(text, [region + s for s in ("省", "自治区", "市")] + [region], first=True) if region else None
    else:
        wanted = _wanted(rec, field)
        span = _line_containing(text, wanted) if wanted else None
    if span is None:
        name = rec.meta.title or rec.doc_id
        return MetadataAnswer("", None, missing=f"《{name}》的正文没有写明{label}")
    s, e = span
    citation = cite(snap, rec.doc_id, s, e, n)
    said = text[s:e] if normalize(text[s:e]).startswith(label) else f"{label}:{text[s:e]}"  # 来源:… names itself
    return MetadataAnswer(f"{said} [{n}]", citation)
