"""Quantitative targets and reported figures: what is measured, how much, by when.

Patterns, on one clause (an 、 list item for rates):
- a rate or measure and its value: 全区制造业产品质量合格率达到93%以上, 差错率为0,
  质量监督覆盖率100%, 满意度平均值达90.04, 万元生产总值能耗下降3.7% (the subject ends in
  率/比例/比重/满意度/平均值/得分/指数/面积/能耗)
- a count after its noun: 培育广西名牌产品300个, 创新平台20个, 新产品…120个左右
- a count before its noun, after a verb of making: 培育3—5个全国及世界知名品牌,
  培育建立3个知名品牌创建示范区
The horizon is a by-year or period expression in the same sentence (到2020年, 十三五期间).
``status`` is 'reported' in a review section (…回顾) or a sentence with a completed-fact cue
(了, 已, 荣获, 共有, 得分, 均在…), else 'goal'.

Known limits: counts that summarise a list (等8个领域) and counts without a verb of making
before them (24个工程荣获…) are left out; Chinese-numeral quantities (三个) are not read; a
subject is the clause text before the value with leading verbs and times removed, so it can
keep a scope word (全区, 各市).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ingest.extract.spans import (
    NormalizedText, body_sentences, clauses, inside, normalized, simplify, title_spans, trim,
)
from ingest.extract.timex import TimeRequirement, extract_time_requirements
from ingest.models import Section, SectionLocator

_NUMBER = r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?:\s*[—\-~至到]\s*(?P<num2>\d+(?:\.\d+)?))?(?![\d.])"
_COUNT = r"(?P<unit>个|家|项|件|名|所|座|条|台|处|种|类|款|批次)"
_QUAL = r"(?P<qual>以上|以下|左右|以内)?"
_MEASURE = re.compile(
    r"(?P<subject>[^,;:。、]{1,40}?(?:率|比例|比重|满意度|平均值|得分|指数|面积|能耗))"
    r"(?P<verb>(?:均|一直|总体|平均|分别)?(?:达到|达|为|保持在|保持|稳定在|控制在|提高到|提升到|提高至|降至|"
    r"不低于|不少于|不超过|超过|低于|高于|下降|降低|提高|增长|在)?)\s*"
    + _NUMBER + r"\s*(?P<unit>%|个百分点|亿元|万元|亿亩|万亩|倍)?" + _QUAL
)
_COUNT_AFTER = re.compile(r"(?P<subject>[^,;:。]{2,40}?)" + _NUMBER + _COUNT + _QUAL)
_MAKING_VERBS = "培育建立|培育|建立|新建|建成|共建成|创建|打造|引进|培养|新增|组建|扶持|争创|建设|完成|研发"
_MAKING = rf"(?:{_MAKING_VERBS})了?"
_COUNT_BEFORE = re.compile(rf"(?P<verb>{_MAKING})" + _NUMBER + _COUNT + r"(?P<subject>[^,;:。、等]{2,30})")
_LEADING = re.compile(
    r"(?:(?:确保|力争|实现|保证|争取|力求|推动|使|以|其中|每年|每季度|每月|全区共有|全省共有|共有|全区共|共|获批创建|获批|"
    + _MAKING_VERBS + r"|在|到|至|截至)+|“?十[一二三四五六七八九]五”?(?:期间|时期)?|(?:19|20)\d{2}(?:\s*[—\-]\s*(?:19|20)\d{2})?年(?:度|底|末)?)+"
)
_REPORTED = re.compile(r"了|已|荣获|获批|共有|共建成|得分|显示|一直|均在|连续|居全国|排名|排在")
_HORIZON_KINDS = ("by_year", "period")


@dataclass(frozen=True)
class Target:
    subject: str  # what is measured or counted (simplified)
    value: float
    unit: str  # % | 个 | 家 | 项 … | '' when the text gives none (差错率为0)
    comparator: str  # at_least (以上, 不低于) | at_most (以下, 以内, 不超过) | about (左右) | exactly | range
    expression: str  # the quantity as written (simplified): 93%以上, 3—5个
    status: str  # goal | reported
    start: int  # original[start:end] holds subject and quantity
    end: int
    value_max: float | None = None  # upper bound of a range (3—5个)
    horizon: str | None = None  # 到2020年, “十三五”期间 in the same sentence
    horizon_year: int | None = None  # the year the horizon ends
    section_path: str | None = None


def _comparator(verb: str, qual: str | None, ranged: bool) -> str:
    if ranged:
        return "range"
    if qual == "以上" or verb.endswith(("不低于", "不少于", "超过")):
        return "at_least"
    if qual in ("以下", "以内") or verb.endswith(("不超过", "低于", "控制在")):
        return "at_most"
    return "about" if qual == "左右" else "exactly"


def _subject(view: NormalizedText, start: int, end: int) -> tuple[int, int]:
    text = view.text
    start, end = trim(text, start, end, " ,;:、()—-")
    lead = _LEADING.match(text, start, end)
    if lead:
        start = lead.end()
    return trim(text, start, end, " ,;:、()“”—-")


def _found(view: NormalizedText, m: re.Match[str], subject: tuple[int, int], verb: str) -> dict | None:
    if subject[1] - subject[0] < 2 or not re.search(r"[\u4e00-\u9fff]", view.text[subject[0] : subject[1]]):
        return None
    last = next(g for g in ("qual", "unit", "num") if m.groupdict().get(g))
    quantity = (m.start("num"), m.end(last))
    ranged = m.group("num2") is not None
    return {
        "subject": view.simplified(*subject),
        "value": float(m.group("num")),
        "value_max": float(m.group("num2")) if ranged else None,
        "unit": m.group("unit") or "",
        "comparator": _comparator(verb, m.groupdict().get("qual"), ranged),
        "expression": view.simplified(*quantity),
        "span": (min(subject[0], quantity[0]), max(subject[1], quantity[1])),
    }


def _in_clause(view: NormalizedText, a: int, b: int) -> list[dict]:
    text = view.text
    found = []
    for part in re.finditer(r"[^、]+", text[a:b]):
        s, e = a + part.start(), a + part.end()
        m = _MEASURE.match(text, s, e)
        if m:
            got = _found(view, m, _subject(view, s, m.end("subject")), m.group("verb"))
            found += [got] if got else []
    if found:
        return found
    m = _COUNT_AFTER.fullmatch(text, a, b)
    if m:
        got = _found(view, m, _subject(view, a, m.start("num")), "")
        return [got] if got else []
    for m in _COUNT_BEFORE.finditer(text, a, b):
        got = _found(view, m, trim(text, m.start("subject"), m.end("subject")), m.group("verb"))
        found += [got] if got else []
    return found


def _horizon(times: list[TimeRequirement], starts: list[int], start: int, end: int, at: int,
             goal: bool) -> TimeRequirement | None:
    """The nearest time before the figure in its sentence when it is a deadline or a period (a
    plain year dates a figure, it is no horizon); for a goal, else the first one after it.
    ``times`` in order of start, ``starts`` their starts: the sentence's are found by bisection."""
    in_sentence = times[bisect_left(starts, start):bisect_left(starts, end)]
    before = [t for t in in_sentence if t.start <= at]
    if before:
        return before[-1] if before[-1].kind in _HORIZON_KINDS else None
    after = [t for t in in_sentence if t.kind in _HORIZON_KINDS]
    return after[0] if goal and after else None


def extract_targets(text: str, sections: list[Section], times: list[TimeRequirement] | None = None) -> list[Target]:
    """Quantities with what they measure, in text order (cited titles and ordinals left out).
    ``times``: the text's time requirements, when the caller has extracted them already."""
    locate = SectionLocator(sections).at  # one search per sentence, not a scan of every section
    view = normalized(text)
    titles = title_spans(view.text)
    if times is None:
        times = extract_time_requirements(text, sections)
    times = sorted(times, key=lambda t: t.start)  # stable: already in text order, as found
    starts = [t.start for t in times]
    targets = []
    for s_start, s_end in body_sentences(view, sections):
        o_start, o_end = view.span(s_start, s_end)
        reported_cue = _REPORTED.search(view.text, s_start, s_end) is not None
        for a, b in clauses(view.text, s_start, s_end):
            for got in _in_clause(view, a, b):
                span = got.pop("span")
                if inside(titles, *span) or view.text[max(span[0] - 1, 0)] == "第":
                    continue
                start, end = view.span(*span)
                sec = locate(start)
                path = sec.path if sec else None
                status = "reported" if reported_cue or (path and "回顾" in simplify(path)) else "goal"
                horizon = _horizon(times, starts, o_start, o_end, start, status == "goal")
                targets.append(Target(
                    **got, status=status, start=start, end=end, section_path=path,
                    horizon=horizon.expression if horizon else None,
                    horizon_year=(horizon.year_end or horizon.year) if horizon else None,
                ))
    return targets
