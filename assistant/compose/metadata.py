"""Questions about a document itself (文号, date, issuer, region; which fields a question asks
is assistant.question.kinds.asked_fields), answered from its metadata and cited at the line of
the original text that states it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import Citation, titled
from assistant.compose.cite import cite
from assistant.compose.citing import cited_instead, cited_number
from assistant.index.generation import DocRecord
from assistant.index.snapshot import Snapshot
from assistant.question.kinds import CLAIMED_ISSUER, FieldRule
from assistant.search.hits import Hits
from ingest.gazetteer import AGENCY_FULL_NAMES
from ingest.header import HeaderField, header_fields, header_value
from ingest.history import is_history_line, without_sessions
from ingest.normalize import normalize
from ingest.patterns import DOC_NUMBER, DOC_NUMBER_PARTS

# lines a web page or a news item labels: 发布时间: 2013-12-31 10:03, 来源:质检总局官网
_LABELLED = {
    "published": re.compile(r"(?:发布|公布|发稿)(?:时间|日期)\s*[:：]\s*(?:19|20)\d{2}"),
    # the salutation line of an official document: 各市州、县市区人民政府,省政府各厅委…:
    "addressees": re.compile(r"^(?:各|[^。:]{0,20}(?:人民政府|委员会|局|厅))[^。:]{2,200}:$"),
    # (备注: http://…, 原文链接: http://…: the address of the page it was taken from)
    "source": re.compile(r"^\s*(?:备注|原文链接|原文地址|原文网址)\s*[:：]\s*https?://|^\s*(?:信息)?来源\s*[:：]\s*(?![^:：\s]{0,6}[:：])[^\s:：]|在[^,，。;；]{1,15}(?:官网|网站|门户|公报)[^,，。;；]{0,4}(?:发布|公布|刊登|刊发)"),
}


@dataclass(frozen=True)
class MetadataAnswer:
    text: str
    citation: Citation | None
    missing: str = ""  # the field the document does not state
    also: tuple[Citation, ...] = ()  # a row of the page's table that gives the field another value


def _lines(text: str):
    """(start, end, normalised line) of each line, trimmed of surrounding blanks."""
    start = 0
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip(" \t\u3000\xa0\r"))
        yield start + lead, start + len(line.rstrip(" \t\u3000\xa0\r")), normalize(line)
        start += len(line) + 1


def _line_containing(text: str, wanted: list[str], first: bool = False, history: bool = False) -> tuple[int, int] | None:
    """Span of the last (or first) line whose normalised form contains one of ``wanted``;
    ``history``: only a law's header lines (…会议通过, …令第N号公布), read without session
    numbers, so 上海市第十四届人民代表大会常务委员会 holds 上海市人民代表大会常务委员会."""
    keys = [normalize(w).replace(" ", "") for w in wanted if w]
    found = None
    for s, e, norm in _lines(text):
        if history:
            if not is_history_line(norm):
                continue
            norm = without_sessions(norm)
        if any(k in norm.replace(" ", "") for k in keys):
            found = (s, e)
            if first:
                break
    return found


# what follows a labelled value on a page's info line: another label, or the page's widgets
# (发布时间：2022-04-14 09:30　来源：…　【字体：大 中 小】 打印 关闭)
_NEXT_ON_LINE = re.compile(r"[\s\u3000]+(?=(?:来源|信息来源|浏览|点击|阅读|作者|编辑|责任编辑|字体|发布时间|发布日期)\s*[:：次]|【|打印|关闭)|【")


def _labelled_line(text: str, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    """Span of the first line a page labels with the field (发布时间: …, 来源:…): the label and
    its value, without what shares the line (other labels, 【字体：大 中 小】 打印); trimmed to
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
        same_length = len(norm) == e - s  # then offsets in the normalised line are the original's
        cut = _NEXT_ON_LINE.search(text, s + m.end(), e) if same_length else None
        if cut is not None:
            return s + m.start(), cut.start()
        return s, e
    return None


def _written(iso: str | None) -> list[str]:
    """How a text writes an ISO date: 2019年4月23日, 2019-04-23."""
    if not iso:
        return []
    y, m, d = (int(x) for x in iso.split("-"))
    return [f"{y}年{m}月{d}日", iso]


def _wanted(rec: DocRecord, field: str) -> list[str]:
    meta = rec.meta
    if field == "doc_number":  # as the page brackets its year: 吉政发(2012)27号, 黔府发[2015]15号
        return [re.sub("〔(.*?)〕", rf"{a}\1{b}", meta.doc_number) for a, b in ("〔〕", "()", "[]", "【】")] \
            if meta.doc_number else []
    if field in ("date", "adopted", "effective"):
        return _written(getattr(meta, field))
    if field == "title":
        return [meta.title] if meta.title else []
    if field == "issuer" and meta.issuer:
        short = [k for k, v in AGENCY_FULL_NAMES.items() if v == meta.issuer]
        joint = [meta.issuer.replace("、", "")] if "、" in meta.issuer else []  # on one line, apart by spaces
        return [meta.issuer, *short, *joint]
    return []


# the document fields an information table above a page states (ingest.header)
_IN_TABLE = {"doc_number": "doc_number", "issuer": "issuer", "date": "date", "published": "published",
             "effective": "effective", "index_number": "index_number", "topic": "topic", "source": "source",
             "openness": "openness"}


def _table_row(rec: DocRecord, text: str, field: str) -> HeaderField | None:
    """The row of the page's information table that states ``field``, when it agrees with the
    document's metadata (a date the metadata took from the signature is cited there instead)."""
    if field not in _IN_TABLE:
        return None
    row = header_value(header_fields(text), _IN_TABLE[field])
    if row is None:
        return None
    known = getattr(rec.meta, field, None)
    if field in ("date", "effective") and known and row.iso != known:
        return None
    if field == "issuer" and known and normalize(row.value) not in _wanted_forms(rec, field):
        return None  # 发布机构:区市场监管局, where the notice is signed by two bureaus
    return row


def _wanted_forms(rec: DocRecord, field: str) -> set[str]:
    return {normalize(w).replace(" ", "") for w in _wanted(rec, field)}


def document_field(rec: DocRecord, field: str, label: str, snap: Snapshot, n: int = 1,
                   year_only: bool = False) -> MetadataAnswer:
    """One field of one document, cited at the line of its text that states it: the row of the
    page's information table first (索引号, 成文日期 …), else the line that holds its value. When
    only the year is asked (``year_only``), a page without its date answers with its 文号's year."""
    text = snap.text(rec.doc_id)
    row = _table_row(rec, text, field)
    if row is not None:
        return MetadataAnswer(text=f"{row.label}:{row.value} [{n}]", citation=cite(snap, rec.doc_id, row.start, row.end, n))
    found = _field_in_text(rec, field, label, snap, n, year_only)
    other = _disagreeing_row(rec, text, field)
    if found.citation is not None and other is not None:
        # the page's table gives another date than the signature (成文日期 2022-04-27 beside 落款
        # 2021年11月26日): both are shown, each where it stands
        said = f"{found.text};页面信息表的“{other.label}”一栏写的是{other.value} [{n + 1}]"
        return MetadataAnswer(text=said, citation=found.citation, also=(cite(snap, rec.doc_id, other.start, other.end, n + 1),))
    return found


_LEVELS = {"national": "国家级", "provincial": "省级"}


def _level_said(rec: DocRecord) -> str:
    """国家级, 省级, 市级 (威海市), 区县级 (温州市洞头区), with the place below the province."""
    meta = rec.meta
    if meta.level in _LEVELS:
        return _LEVELS[meta.level] + (f"({meta.region})" if meta.region else "")
    if meta.county:
        return f"区县级({meta.region or ''}{meta.city or ''}{meta.county})"
    return f"市级({meta.region or ''}{meta.city or ''})"


def _disagreeing_row(rec: DocRecord, text: str, field: str) -> HeaderField | None:
    """The row of the page's table that states a date field with another value than the metadata's."""
    if field not in ("date", "effective"):
        return None
    row = header_value(header_fields(text), _IN_TABLE[field])
    known = getattr(rec.meta, field, None)
    return row if row is not None and row.value and known and row.iso != known else None


def _field_in_text(rec: DocRecord, field: str, label: str, snap: Snapshot, n: int, year_only: bool) -> MetadataAnswer:
    """The field cited at the line of the text (not the page's table) that states it."""
    text = snap.text(rec.doc_id)
    if field in _LABELLED:
        span = _labelled_line(text, _LABELLED[field])
    elif field == "region":
        # the most specific place the document is of: its county's, its city's, its province's
        place = rec.meta.county or rec.meta.city or rec.meta.region
        span = _line_containing(text, [place + s for s in ("省", "自治区", "市", "区", "县")] + [place], first=True) \
            if place else None
    elif field == "amended":
        spans = [sp for iso in rec.meta.amended if (sp := _line_containing(text, _written(iso), first=True))]
        span = (spans[0][0], spans[-1][1]) if spans else None  # every amendment line, in order
    else:
        wanted = _wanted(rec, field)
        # a law states its issuer and dates in its header lines, above the text; a policy in its
        # signature, below it
        header_first = bool(rec.meta.adopted or rec.meta.promulgated) or field in ("adopted", "effective")
        span = None
        if wanted and header_first and field == "issuer":
            span = _line_containing(text, wanted, first=True, history=True)  # …令第56号公布, …会议通过
        if span is None and wanted:
            span = _line_containing(text, wanted, first=header_first)
    numbered = DOC_NUMBER_PARTS.search(rec.meta.doc_number or "")
    if field == "level" and rec.meta.level:
        # cited where the text names who issued it, else where it names its place
        named = _field_in_text(rec, "issuer", "发文机关", snap, n, False)
        if named.citation is None:
            named = _field_in_text(rec, "region", "地区", snap, n, False)
        if named.citation is not None:
            return MetadataAnswer(text=f"层级:{_level_said(rec)} [{n}]", citation=named.citation)
    if span is None and field == "date" and year_only and numbered:
        # 哪年的文件: a page without its date is of the year its 文号 states (吉政发(2012)27号)
        span = _line_containing(text, _wanted(rec, "doc_number"), first=True)
        if span is not None:
            said = f"年份:{numbered.group('year')}年(页面没有写明成文日期,据文号)"
            return MetadataAnswer(text=f"{said} [{n}]", citation=cite(snap, rec.doc_id, *span, n))
    if span is None:
        name = rec.meta.title or rec.doc_id
        return MetadataAnswer(text="", citation=None, missing=f"{titled(name)}的正文没有写明{label}")
    s, e = span
    citation = cite(snap, rec.doc_id, s, e, n)
    said = text[s:e] if normalize(text[s:e]).startswith(label) else f"{label}:{text[s:e]}"  # 来源:… names itself
    return MetadataAnswer(text=f"{said} [{n}]", citation=citation)


@dataclass(frozen=True)
class FieldsAnswer:
    text: str  # a line per field found, and the fields not stated
    citations: list[Citation]
    missing: list[str]  # one line per field a document does not state


def fields_answer(snap: Snapshot, hits: Hits, fields: list[FieldRule], year_only: bool = False) -> FieldsAnswer | None:
    """The fields asked (文号, 发文机关, 成文日期 …) of the documents the question names (or the
    best-matching one), each cited at the line that states it; the fields a document does not
    state are listed. None when there is no document to answer about."""
    docs = list(hits.allowed_docs) if len(hits.allowed_docs) < len(snap.docs) else [h.chunk.doc_id for h in hits.hits[:1]]
    lines, citations, missing = [], [], []
    for doc_id in docs[:4]:
        rec = snap.docs[doc_id]
        for rule in fields:
            instead = cited_instead(snap, hits.query.asked, doc_id, len(citations) + 1) if rule.field == "doc_number" else None
            found = MetadataAnswer(text=instead.text, citation=instead.citation) if instead is not None else \
                document_field(rec, rule.field, rule.label, snap, len(citations) + 1, year_only)
            if found.citation is None and rule.field == "doc_number":
                # a document that cites it may write its number: 《国务院办公厅关于印发…的通知》(国办发〔2013〕47号)
                cited = cited_number(snap, hits.query.asked, doc_id, len(citations) + 1)
                if cited is not None:
                    found = MetadataAnswer(text=cited.text, citation=cited.citation)
            if found.citation is None:
                missing.append(found.missing)
                continue
            citations += [found.citation, *found.also]
            prefix = f"{titled(rec.meta.title)}" if len(docs) > 1 and rec.meta.title else ""
            lines.append(prefix + found.text)
    if not lines and not missing:
        return None
    if missing and lines:
        lines.append("(" + ";".join(missing) + ")")
    return FieldsAnswer(text="\n".join(lines), citations=citations, missing=missing)


# the values a claim about a document states: its 文号, a date
_STATED_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")


def _same_form(text: str) -> str:
    """A 文号 or a date as compared: blanks out, any bracket 〔, 2018年9月12日 as 2018-9-12."""
    text = re.sub(r"[\[［【(（〔]", "〔", re.sub(r"[\]］】)）〕]", "〕", normalize(text).replace(" ", "")))
    return _STATED_DATE.sub(lambda m: f"{int(m.group(1))}-{int(m.group(2))}-{int(m.group(3))}", text)


def claimed_values(normalized_question: str) -> list[str]:
    """The 文号, dates and issuer a claim about a document states (…文号是吉政发(2012)72号,对吗?), as
    the question writes them."""
    # a 文号 by its year and serial (〔2012〕72号): what stands before the bracket runs into the question
    found = [re.sub(r"^[^〔\[［【(（]*", "", m.group()) for m in DOC_NUMBER.finditer(normalized_question.replace(" ", ""))]
    found += [m.group() for m in _STATED_DATE.finditer(normalized_question)]
    return found + [m.group(1) for m in CLAIMED_ISSUER.finditer(normalized_question)]


def unheld_claims(claimed: list[str], citations: list[Citation]) -> list[str]:
    """The claimed values no cited row or line states."""
    held = [_same_form(c.quote) for c in citations]
    return [v for v in claimed if not any(f in h for h in held for f in _forms(v))]


def _forms(value: str) -> set[str]:
    """A claimed value as the documents may write it: a body by its full name or a short one
    (省政府 for 省人民政府)."""
    value = _same_form(value)
    government = {re.sub(r"(?<!人民)政府", "人民政府", value)}
    return {value} | government | {_same_form(full) for short, full in AGENCY_FULL_NAMES.items() if short == value} | {
        _same_form(short) for short, full in AGENCY_FULL_NAMES.items() if full == value}
