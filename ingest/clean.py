"""Split the original text into body, furniture and blank segments by general rules.

Nothing is deleted: the segments cover the text exactly, so offsets stay valid and a
reviewer can see why a line was left out of the body (``Segment.reason``).
"""
from __future__ import annotations

import re

from ingest.history import history_lines
from ingest.models import LoadedText, Segment
from ingest.normalize import normalize_many

_WS = " \t\r\f\v\u3000\xa0\u2002\u2003\u2009\ufeff"

# A line that is page furniture wherever it appears (tested on the normalised line).
_FURNITURE_LINE = [
    (re.compile(r"【\s*字体|字体[:：]?\s*[大中小]\s*[大中小]"), "font-size widget"),
    (re.compile(r"发布时间[:：]|发布日期[:：]|浏览次数|阅读次数|点击数[:：]"), "publishing info"),
    (re.compile(r"打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|分享到[:：]?"), "page tools"),
    (re.compile(r"^(信息来源|来源|责任编辑|编辑|作者|审核)\s*[:：]"), "source/editor line"),
    (re.compile(r"^(https?://|www\.)\S+$"), "bare URL"),
    (re.compile(r"版权所有|copyright|©|icp备|网站标识码|公网安备"), "copyright"),
    (re.compile(r"^(当前位置|您现在的位置|首页\s*[>>》/])"), "breadcrumb"),
    (re.compile(r"(门户网站|政府网|官方网站|官网)\s*$|[-_|—]\s*\S{2,20}(门户网站|政府网|网站|网)\s*$"), "site name"),
    (re.compile(r"^<!--.*-->$"), "markup comment"),
    # a site's menu: four or more short links between bars (首页 | 机构设置 | 新闻中心 | 政务公开)
    (re.compile(r"^(?:[^|｜:：。，,；;\d]{2,8}\s*[|｜]\s*){3,}[^|｜:：。，,；;\d]{2,8}$"), "navigation bar"),
]
_HISTORY_HEAD = 30  # content lines at the top where a law's header lines (…会议通过, …令第N号公布) stand
# A page's <title>: its heading, then column and site names after _ | ｜ or a spaced dash
_PAGE_TITLE = re.compile(r"^([^_|｜]{4,80}?)(?:\s*[_|｜]\s*|\s+[-—–]\s+)[^。，,；;]{2,60}$")
_PAGE_TITLE_HEAD = 15  # content lines at the top where it and the heading it repeats stand
# Lines after which everything on a scraped page is furniture (related links, QR code).
_TRAILING_BLOCK = re.compile(r"^(扫一扫在手机打开当前页|扫一扫在手机上查看当前页面|相关阅读|相关链接|相关文章|相关新闻)")
# News preamble markers: the document body starts after this line.
_PREAMBLE_END = re.compile(r"^(?:(?:以下为|以下是|下面是|现将|附).{0,24}(?:原文|全文)|.{0,24}(?:原文|全文)如下)[:：]?\s*$")


def _lines(text: str):
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def segment(loaded: LoadedText) -> list[Segment]:
    text = loaded.text
    rows: list[tuple[int, int, int, int, str, str]] = []  # line start/end, content start/end, kind, reason
    bounds = []
    for ls, le in _lines(text):
        cs, ce = ls, le
        while cs < ce and text[cs] in _WS:
            cs += 1
        while ce > cs and text[ce - 1] in _WS:
            ce -= 1
        bounds.append((ls, le, cs, ce))
    normalized = iter(normalize_many([text[cs:ce] for _, _, cs, ce in bounds if cs < ce]))
    search_form: dict[int, str] = {}  # row -> its normalised line, for the block rules below
    for ls, le, cs, ce in bounds:
        if cs == ce:
            rows.append((ls, le, cs, ce, "blank", ""))
            continue
        line = next(normalized)
        search_form[len(rows)] = line
        kind, reason = "body", ""
        for pattern, why in _FURNITURE_LINE:
            if len(line) <= 120 and pattern.search(line):
                kind, reason = "furniture", why
                break
        rows.append((ls, le, cs, ce, kind, reason))

    content_rows = [i for i, r in enumerate(rows) if r[4] != "blank"]
    # a law's header lines: metadata (ingest.history), not text to answer from
    head = content_rows[:_HISTORY_HEAD]
    history = set(history_lines(text, [(rows[i][2], rows[i][3]) for i in head]))
    for i in head:
        r = rows[i]
        if (r[2], r[3]) in history:
            rows[i] = (r[0], r[1], r[2], r[3], "furniture", "legislative history")
    # a scraped page's <title> line: the page's own heading, then its column and site
    # (明码标价和禁止价格欺诈规定_政策法规_国家市场监督管理总局), repeating a line below it
    top = content_rows[:_PAGE_TITLE_HEAD]
    for i in top:
        m = _PAGE_TITLE.match(search_form[i])
        if m and rows[i][4] == "body" and any(search_form[j].strip() == m.group(1).strip() for j in top if j != i):
            r = rows[i]
            rows[i] = (r[0], r[1], r[2], r[3], "furniture", "page title")
    # trailing block of a scraped page
    for i in content_rows:
        if _TRAILING_BLOCK.match(search_form[i]):
            for j in content_rows:
                if j >= i:
                    r = rows[j]
                    rows[j] = (r[0], r[1], r[2], r[3], "furniture", "related links / page footer")
            break
    # news preamble: only when the marker sits in the first third of the text
    for i in content_rows:
        r = rows[i]
        if r[2] > len(text) / 3:
            break
        if r[4] == "body" and _PREAMBLE_END.match(search_form[i]) and i != content_rows[-1]:
            for j in content_rows:
                if j <= i:
                    rj = rows[j]
                    rows[j] = (rj[0], rj[1], rj[2], rj[3], "furniture", "news preamble")
            break

    segments: list[Segment] = []

    def add(start: int, end: int, kind: str, reason: str = "") -> None:
        if start >= end:
            return
        if segments and segments[-1].kind == kind == "blank":
            prev = segments.pop()
            start = prev.start
        segments.append(Segment(start, end, kind, reason))

    prev_end = 0
    for ls, le, cs, ce, kind, reason in rows:
        add(prev_end, ls, "blank")  # the newline before this line
        if kind == "blank":
            add(ls, le, "blank")
        else:
            add(ls, cs, "blank")
            add(cs, ce, kind, reason)
            add(ce, le, "blank")
        prev_end = le
    add(prev_end, len(text), "blank")
    return segments


def body_segments(segments: list[Segment]) -> list[Segment]:
    return [s for s in segments if s.kind == "body"]
