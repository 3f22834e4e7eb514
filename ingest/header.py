"""The information table a government site prints above a document (索引号 | 发文机关 | 成文日期 |
发布日期 | 文号 | 主题分类), in any of the shapes it takes once the page is text: ``标签:值`` lines,
a label line with its value on the next (• 发布机构: / • 区市场监管局), or cells of one row
(索引号 | 1134… | 发文机关 | 安徽省人民政府).

The rows are page furniture (kept out of answers) and the values are metadata: who issued the
document, its number, when it was written and published. Each value keeps the span of its row in
the original text, so an answer can cite the row."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.history import iso_date
from ingest.models import Segment
from ingest.normalize import fold_width, to_simplified, without_glosses

# labels by what they state (simplified, as normalised lines read)
LABELS: dict[str, tuple[str, ...]] = {
    "issuer": ("发文机关", "发布机构", "发布单位", "发文单位", "印发机关", "制发机关", "发布机关", "颁布单位", "发文机构"),
    "doc_number": ("发文字号", "发布文号", "发文文号", "文号", "字号"),
    "date": ("成文日期", "成文时间", "印发日期", "印发时间", "签发日期"),
    "published": ("发布日期", "发布时间", "公布日期", "公开日期", "发文日期", "颁布日期", "颁布时间"),
    "effective": ("生效日期", "施行日期", "实施日期"),
    "expires": ("废止日期", "失效日期", "有效期至"),
    "index_number": ("索引号", "索 引 号"),
    "source": ("稿件来源", "信息来源", "文章来源", "来源"),
    "topic": ("主题分类", "组配分类", "主题词", "体裁分类", "信息分类"),
    "status": ("有效性状态", "有效性", "时效性", "效力状态"),
    "openness": ("公开方式", "公开范围", "公开属性"),
}
_FIELD_OF = {label: field for field, labels in LABELS.items() for label in labels}
_LABEL = "|".join(sorted(map(re.escape, _FIELD_OF), key=len, reverse=True))
_BULLET = r"[•·●◆■▪\-\*]?\s*"
_LABELLED = re.compile(rf"^{_BULLET}({_LABEL})\s*[:：]\s*(.*)$")
_CELLS = re.compile(r"\s*[|｜\t]\s*")
_NONE = re.compile(r"^(暂无|无|空|-+|/|—+)?$")
# what may follow a value on its line: the next label (浏览次数:, 来源:) or a page widget
_ON_THE_SAME_LINE = re.compile(r"\s+(?=[^\s:：]{1,6}[:：])|\s{2,}|【|字体")
_LATER_LABEL = re.compile(rf"(?:^|\s)({_LABEL})\s*[:：]\s*(\S[^:：]*?)(?=\s+\S{{1,6}}[:：]|$)")
_HEAD_LINES = 40  # content lines at the top where the table stands


@dataclass(frozen=True)
class HeaderField:
    field: str  # issuer | doc_number | date | published | ... (LABELS)
    label: str  # as the page writes it (simplified)
    value: str  # '' when the page leaves it empty (暂无)
    start: int  # the row in the original text: label and value
    end: int

    @property
    def iso(self) -> str | None:
        """The value as yyyy-mm-dd when it is a date (2022- 04- 27, 2013年3月1日)."""
        m = re.search(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", self.value)
        return iso_date(f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日") if m else None


def _simple(line: str) -> str:
    """The line as labels are read: folded, simplified, without a site's pinyin glosses (文(wén)章来源)."""
    return to_simplified(without_glosses(fold_width(line))).strip()


def _content_lines(text: str) -> list[Segment]:
    """The text's lines that hold something, trimmed (for a caller without the ingest's segments)."""
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip(" \t\u3000\xa0\r"))
        end = m.end() - (len(raw) - len(raw.rstrip(" \t\u3000\xa0\r")))
        if end > m.start() + lead:
            lines.append(Segment(m.start() + lead, end, "body"))
        if len(lines) >= _HEAD_LINES:
            break
    return lines


def header_fields(text: str, segments: list[Segment] | None = None) -> list[HeaderField]:
    """The labelled rows near the top of the document, in order; a field stated twice keeps both.
    ``segments``: the ingest's (else the text's lines are read)."""
    content = [s for s in (segments if segments is not None else _content_lines(text)) if s.kind != "blank"][:_HEAD_LINES]
    found: list[HeaderField] = []
    i = 0
    while i < len(content):
        seg = content[i]
        line = _simple(text[seg.start : seg.end])
        cells = [c for c in _CELLS.split(line) if c]
        if len(cells) >= 2 and all(c in _FIELD_OF for c in cells) and i + 1 < len(content):
            # a row of labels over a row of values: 索引号 | 发文机关 | 成文日期 / 1150… | 重庆市… | 2020-11-12
            below = content[i + 1]
            values = [c for c in _CELLS.split(_simple(text[below.start : below.end])) if c]
            if len(values) == len(cells) and not any(v in _FIELD_OF for v in values):
                found += [HeaderField(_FIELD_OF[c], c, "" if _NONE.match(v) else v, seg.start, below.end)
                          for c, v in zip(cells, values)]
                i += 2
                continue
        if len(cells) >= 2 and any(c in _FIELD_OF for c in cells):
            found += _row_cells(cells, seg)
            i += 1
            continue
        m = _LABELLED.match(line)
        if m is None:
            i += 1
            continue
        label, value, end = m.group(1), m.group(2).strip(), seg.end
        if not value and i + 1 < len(content):
            nxt = _simple(text[content[i + 1].start : content[i + 1].end])
            if not _LABELLED.match(nxt):  # the value stands on the next line (a bullet list)
                value, end = re.sub(rf"^{_BULLET}", "", nxt).strip(), content[i + 1].end
                i += 1
        value, *rest = _ON_THE_SAME_LINE.split(value, 1)
        found.append(HeaderField(_FIELD_OF[label], label, "" if _NONE.match(value.strip()) else value.strip(), seg.start, end))
        # further labels on the line: 颁布时间:2015-05-02 00:00:00.000 发文单位:贵州省人民政府
        for more in _LATER_LABEL.finditer(rest[0] if rest else ""):
            if more.group(1) in _FIELD_OF and all(f.field != _FIELD_OF[more.group(1)] or f.start != seg.start for f in found):
                value = _ON_THE_SAME_LINE.split(more.group(2).strip(), 1)[0].strip()
                found.append(HeaderField(_FIELD_OF[more.group(1)], more.group(1), "" if _NONE.match(value) else value,
                                         seg.start, end))
        i += 1
    return found


def _row_cells(cells: list[str], seg: Segment) -> list[HeaderField]:
    out = []
    for k, cell in enumerate(cells):
        if cell in _FIELD_OF:
            value = cells[k + 1] if k + 1 < len(cells) and cells[k + 1] not in _FIELD_OF else ""
            out.append(HeaderField(_FIELD_OF[cell], cell, "" if _NONE.match(value) else value, seg.start, seg.end))
    return out


def header_value(fields: list[HeaderField], field: str) -> HeaderField | None:
    """The first row stating ``field`` with a value."""
    return next((f for f in fields if f.field == field and f.value), None)


def as_furniture(segments: list[Segment], fields: list[HeaderField]) -> list[Segment]:
    """The segments with the table's rows marked as furniture ("header table"): a row is where a
    document comes from, never an answer to what it says."""
    if not fields:
        return segments
    spans = [(f.start, f.end) for f in fields]
    return [
        Segment(s.start, s.end, "furniture", "header table")
        if s.kind == "body" and any(a <= s.start and s.end <= b for a, b in spans) else s
        for s in segments
    ]
