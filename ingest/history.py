"""The header lines of a law, regulation or rule: who adopted it and when, each amendment, who
promulgated it under which order number, when it took effect.

    1993年9月2日 第八届全国人民代表大会常务委员会第三次会议通过
    2019年4月23日 第十三届全国人民代表大会常务委员会第十次会议《关于修改…的决定》修正
    2021年7月22日 国家市场监督管理总局令第43号公布
    （1990年4月6日中华人民共和国国务院令第53号发布）
    2022年1月1日 施行

These lines are metadata: the cleaner marks them as furniture, so no content answer quotes
them, while a question about the document's dates cites them (assistant.compose.metadata).
Several events may share a line (…第一次修正 根据2016年3月30日…第二次修正)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.normalize import fold_width, to_simplified
from ingest.numerals import chinese_number
from ingest.patterns import HEADING_START, THIS_LAW

_DIGIT = "〇零一二三四五六七八九"
_DATE = rf"(?:(?:19|20)\d{{2}}|[{_DIGIT}]{{4}})\s*年\s*(?:\d{{1,2}}|[{_DIGIT}十]{{1,3}})\s*月\s*(?:\d{{1,2}}|[{_DIGIT}十]{{1,3}})\s*日"
# an event: a date, what happened at which body, and the act (the last words of the event)
_EVENT = re.compile(
    rf"(?P<date>{_DATE})(?P<what>[^。；;]*?)"
    r"(?P<act>第[一二三四五六七八九十]+次(?:修正|修订)|(?:修订|修正)通过|修正|修订|修改|通过|公布|发布|施行|批准|颁布)"
    r"(?=[\s)）]|根据|\d|$)"  # 关于修改〈…〉的决定 names a decision; the act ends the event
)
ACTS = {"通过": "adopted", "修正": "amended", "修订": "revised", "修改": "amended", "公布": "promulgated",
        "发布": "promulgated", "颁布": "promulgated", "施行": "effective", "批准": "approved"}
# a session of a legislature or court: 第十三届全国人民代表大会常务委员会第十次会议
_SESSION = re.compile(r"第[一二三四五六七八九十百\d]+届|第[一二三四五六七八九十百\d]+次(?:全体|常务)?会议|会议")
_ORDER = re.compile(r"([\u4e00-\u9fff]{2,30}?)令\s*(?:\(?[〔\[［(（]?\s*(?:19|20)\d{2}\s*[〕\]］)）]?\)?\s*)?第\s*(\d+|[一二三四五六七八九十百零〇]+)\s*号")
_DECISION = re.compile(r"《([\u4e00-\u9fff]{2,30}?)关于[^》]*》")
_LEGISLATURE = re.compile(r"([\u4e00-\u9fff]{0,12}?)人民代表大会(常务委员会)?")
_COURT = re.compile(r"最高人民(法院|检察院)")
_COMMON_NAME = re.compile(r"^中华人民共和国(?=.)")
# a line that is only events (and the brackets round them): header lines, not body text
_HISTORY_LINE = re.compile(
    rf"^[\s(（]*(?:根据)?\s*{_DATE}.*(?:通过|修正|修订|修改|公布|发布|施行|批准|颁布)[\s)）]*(?:根据)?[\s)）]*$"
)
# 本法自1998年5月1日起施行: the effective date stated in the final provisions
EFFECTIVE_IN_TEXT = re.compile(rf"{THIS_LAW}自(?P<date>{_DATE})起施行")
# 本办法自发布之日起施行: in force from the day it was promulgated
EFFECTIVE_ON_ISSUE = re.compile(rf"{THIS_LAW}自(?:发布|公布|印发)之日起施行")


@dataclass(frozen=True)
class HistoryEvent:
    act: str  # adopted | amended | revised | promulgated | approved | effective
    date: str  # ISO yyyy-mm-dd
    body: str | None  # who acted: 全国人民代表大会常务委员会, 国务院, 国家市场监督管理总局, 上海市人民代表大会常务委员会
    order: str | None  # the order it was promulgated under: 国家市场监督管理总局令第43号
    start: int  # the event's span in the original text
    end: int


def iso_from(year: int | float | None, month: int | float | None, day: int | float | None) -> str | None:
    """yyyy-mm-dd, or None when the parts are not a calendar date's."""
    if not (year and month and day) or not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def iso_date(written: str) -> str | None:
    """2019年4月23日 or 二〇一九年四月二十三日 -> 2019-04-23; None when it is not a date."""
    m = re.match(r"(\S+?)\s*年\s*(\S+?)\s*月\s*(\S+?)\s*日", written)
    if not m:
        return None
    y, mo, d = m.groups()
    year = int(y) if y.isdigit() else int("".join(str(_DIGIT.index(c) if c != "零" else 0) for c in y)) if all(
        c in _DIGIT for c in y) else None
    month = int(mo) if mo.isdigit() else chinese_number(mo)
    day = int(d) if d.isdigit() else chinese_number(d)
    return iso_from(year, month, day)


def _body(what: str, act: str) -> tuple[str | None, str | None]:
    """(who acted, order number) from the words between the date and the act."""
    order = _ORDER.search(what)
    if order:
        issuer = _COMMON_NAME.sub("", order.group(1))
        return issuer, f"{issuer}令第{order.group(2)}号"
    court = _COURT.search(what)
    if court:
        return court.group(0), None
    stripped = _SESSION.sub("", what)
    legislature = _LEGISLATURE.search(stripped)
    if legislature:
        region = legislature.group(1)
        return f"{region}人民代表大会{legislature.group(2) or ''}", None
    decision = _DECISION.search(what)
    if decision:
        return _COMMON_NAME.sub("", decision.group(1)), None
    plain = re.sub(r"[\s《》<>〈〉“”\"]", "", stripped)
    if 2 <= len(plain) <= 20 and not re.search(r"[的之]", plain):
        return _COMMON_NAME.sub("", plain), None  # 国务院 (批准), 国家标准局 (发布)
    return None, None


def is_history_line(line: str) -> bool:
    """Is this line (simplified, width-folded) a header line of dated events?"""
    return bool(_HISTORY_LINE.match(line.strip()) and _EVENT.search(line))


def without_sessions(text: str) -> str:
    """The text without a legislature's session numbers (第十三届…第十次会议 → …), so that a body's
    name stands whole: 上海市第十四届人民代表大会常务委员会 → 上海市人民代表大会常务委员会."""
    return _SESSION.sub("", text)


def history_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The header lines among ``lines`` (start, end spans, in order): lines holding only dated
    events, before the first line that is not one once they have started, and before the
    first chapter or article (the body)."""
    found = []
    started = False
    for s, e in lines:
        simple = to_simplified(fold_width(text[s:e])).strip()
        if HEADING_START.match(simple):
            break
        if is_history_line(simple):
            found.append((s, e))
            started = True
        elif started:
            break
    return found


HEAD_LINES = 30  # non-blank lines at the top of a text where a law's header lines stand


def header_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s header lines (its metadata, not what the law says)."""
    lines, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((pos, pos + len(line)))
            if len(lines) >= HEAD_LINES:
                break
        pos += len(line) + 1
    return history_lines(text, lines)


def events_in(text: str, spans: list[tuple[int, int]]) -> list[HistoryEvent]:
    """The events of the header lines ``spans``, in the order written. (The simplified,
    width-folded line has the original's length here: dates, digits and names only.)"""
    out = []
    for s, e in spans:
        line = to_simplified(fold_width(text[s:e]))
        if len(line) != e - s:
            line = text[s:e]
        for m in _EVENT.finditer(line):
            date = iso_date(m.group("date"))
            if date is None:
                continue
            act = ACTS[re.sub(r"^第.+次|(?<=[订正])通过$", "", m.group("act"))]
            body, order = _body(m.group("what"), act)
            out.append(HistoryEvent(act=act, date=date, body=body, order=order, start=s + m.start(), end=s + m.end()))
    return out
