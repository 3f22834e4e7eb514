"""Time requirements: dates, years, periods, recurrences and time limits, with the action
they bound.

Patterns (Arabic or Chinese numerals, any script):
- date: 2019年1月1日, 自2019年1月1日起 (relation 'from')
- year: 2015年, 2015年度 (kind 'year'); 2014年底, 到2020年, 截至2014年 (kind 'by_year')
- period: 2013—2014年度; 十三五, “十三五”期间 (plan n covers 2006+5(n-11) … +4)
- recurring: 每年, 每季度, 每月, 每半年, 年度 before a noun (年度考核, 年度分析报告);
  定期 (every is None: the text names no interval)
- duration: 十五日内, 5个工作日内 (working days kept apart from calendar days), 三个月内,
  自收到检验结果之日起十五日内 (trigger 收到检验结果), 有效期届满前一个月 (relation 'before',
  trigger 有效期届满), 延长三十日 (relation 'extension'), 一般不超过五年 and 最长为三年 (an upper
  bound: relation 'within'), 有效期为三年 (the length of a term: relation 'for')

Years inside a cited title (《质量发展纲要(2012—2020年)》) are left out: they date the cited
text, not a requirement. Known limits: vague times (及时, 立即, 定期, 限期, 逐年) are not
extracted; a campaign length (三年任务) is missed; 连续4年 is a fact, not a limit; 周 and 小时 are not units; the actor is found only among known actor types
(ingest.extract.actors) before the expression in its sentence; the action is the rest of the
clause after the expression, or before it when nothing follows.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache


from ingest.extract.actors import subject_group
from ingest.extract.spans import (
    FULL_STOPS, NormalizedText, body_sentences, clauses, inside, normalized, title_spans, trim,
)
from ingest.models import Section, SectionLocator
from ingest.numerals import chinese_number

_YEAR = r"(?:19|20)\d{2}"
_NUM = r"(?:\d+|[〇零一二两三四五六七八九十百千]+)"
_UNIT = r"(?P<unit>个工作日|工作日|个月|月|日|天|年)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", re.compile(rf"(?P<from>自|从)?(?<!\d)(?P<y>{_YEAR})年(?P<m>\d{{1,2}})月(?:(?P<d>\d{{1,2}})日)?(?P<since>起)?")),
    ("range", re.compile(rf"(?<!\d)(?P<y>{_YEAR})\s*[—–\-~至到]+\s*(?P<y2>{_YEAR})年度?")),
    ("year", re.compile(rf"(?P<by>截止到|截至|截止|到|至)?(?<!\d)(?P<y>{_YEAR})年(?P<suffix>度|底|末|初|以前|之前|前)?")),
    ("plan", re.compile(r"“?十(?P<n>[一二三四五六七八九])五”?(?P<when>期间|时期)?(?![日天个年分%万])")),
    ("recurring", re.compile(r"每(?:个)?(?P<every>半年|年度|年|季度|季|月)")),
    ("periodic", re.compile(r"定期")),
    ("yearly", re.compile(r"(?<![\d年])年度(?=[\u4e00-\u9fff])")),
    ("within", re.compile(
        rf"(?:(?:自|从)(?P<trig>[^,;:。自从]{{1,40}}?)(?:之日|之时|当日)?起)?(?P<n>{_NUM}){_UNIT}(?:以内|之内|内)")),
    ("before", re.compile(rf"(?P<anchor>[^,;:。在于自从]{{1,20}}?)前(?P<n>{_NUM}){_UNIT}")),
    ("extension", re.compile(rf"延长(?P<n>{_NUM}){_UNIT}")),
    # an upper bound on a period: 复审周期一般不超过五年, 有效期最长为三年, 不得超过三十日
    ("limit", re.compile(rf"(?:不超过|不得超过|不超出|不得长于|最长(?:为|不超过|不得超过)?|至多)(?P<n>{_NUM}){_UNIT}")),
    # a period stated as the length of a term: 有效期为三年, 最低保修期限为五年
    ("term", re.compile(rf"(?:期限|有效期|周期|保修期|保质期|期间)(?:一般|统一)?为(?P<n>{_NUM}){_UNIT}")),
)
# A literal each pattern cannot match without: a sentence lacking it skips the pattern (most
# sentences hold no time expression, and trying ten patterns on each was a fifth of an ingest).
_NEEDS = {"date": "年", "range": "年", "year": "年", "plan": "五", "recurring": "每", "periodic": "定期",
          "yearly": "年度", "within": "内", "before": "前", "extension": "延长", "limit": ("超", "长", "至多"), "term": "为"}
_EVERY = {"年": "year", "年度": "year", "半年": "half_year", "季度": "quarter", "季": "quarter", "月": "month"}
_EVERY_SHOWN = {"year": "每年", "half_year": "每半年", "quarter": "每季度", "month": "每月"}


@dataclass(frozen=True)
class TimeRequirement:
    expression: str  # simplified form of original[start:end]
    kind: str  # date | year | by_year | period | recurring | duration
    relation: str  # on | from | in | by | during | every | within | before | extension
    action: str  # the clause text the expression bounds (simplified)
    start: int
    end: int
    section_path: str | None = None
    year: int | None = None  # the year, or the first year of a period
    year_end: int | None = None  # last year of a period
    month: int | None = None
    day: int | None = None
    days: int | None = None  # calendar days
    working_days: int | None = None
    months: int | None = None
    years: int | None = None
    every: str | None = None  # year | half_year | quarter | month; None for 定期
    trigger: str | None = None  # 自<trigger>之日起 / <trigger>前: the event the limit counts from
    actor: str | None = None  # who it binds, as written (simplified), when a known actor precedes it

    @property
    def normal_form(self) -> str:
        """One normal form: 15日 (calendar days), 5个工作日, 3个月, 2015年, 每年, 2016—2020年."""
        if self.working_days is not None:
            return f"{self.working_days}个工作日"
        if self.days is not None:
            return f"{self.days}日"
        if self.months is not None:
            return f"{self.months}个月"
        if self.years is not None:
            return f"{self.years}年"
        if self.every:
            return _EVERY_SHOWN.get(self.every, self.every)
        if self.kind == "date" and self.year and self.month and self.day:
            return f"{self.year}-{self.month:02d}-{self.day:02d}"
        if self.year_end:
            return f"{self.year}—{self.year_end}年"
        if self.year:
            return f"{self.year}年"
        return self.expression


@lru_cache(maxsize=1024)
def number_value(token: str) -> int | None:
    """12 -> 12, 十五 -> 15, 两 -> 2; None when not a number."""
    if token.isdigit():
        return int(token)
    value = chinese_number(token)
    return None if value is None else int(value)


def _plan_years(n: int) -> tuple[int, int]:
    """Five-year plan n: 十一五 2006-2010, 十三五 2016-2020 (the 3rd began in 1966)."""
    first = {1: 1953, 2: 1958}.get(n, 2006 + 5 * (n - 11))
    return first, first + 4


def _values(kind: str, m: re.Match[str]) -> dict | None:
    g = m.groupdict()
    if kind == "date":
        v = {"kind": "date", "relation": "from" if g["from"] or g["since"] else "on",
             "year": int(g["y"]), "month": int(g["m"]), "day": int(g["d"]) if g["d"] else None}
        return v if 1 <= v["month"] <= 12 and (v["day"] is None or 1 <= v["day"] <= 31) else None
    if kind == "range":
        return {"kind": "period", "relation": "during", "year": int(g["y"]), "year_end": int(g["y2"])}
    if kind == "year":
        by = g["by"] or g["suffix"] in ("底", "末", "以前", "之前", "前")
        return {"kind": "by_year" if by else "year", "relation": "by" if by else "in", "year": int(g["y"])}
    if kind == "plan":
        first, last = _plan_years(10 + (number_value(g["n"]) or 0))
        return {"kind": "period", "relation": "during", "year": first, "year_end": last}
    if kind == "recurring":
        return {"kind": "recurring", "relation": "every", "every": _EVERY[g["every"]]}
    if kind == "periodic":
        return {"kind": "recurring", "relation": "every"}
    if kind == "yearly":
        return {"kind": "recurring", "relation": "every", "every": "year"}
    n = number_value(g["n"])
    if n is None:
        return None
    unit = g["unit"].lstrip("个")
    field = {"工作日": "working_days", "日": "days", "天": "days", "月": "months", "年": "years"}[unit]
    relation = {"within": "within", "before": "before", "extension": "extension", "limit": "within", "term": "for"}[kind]
    return {"kind": "duration", "relation": relation, field: n}


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int, str, re.Match[str]]]:
    found = []
    for kind, pattern in _PATTERNS:
        needs = _NEEDS[kind]
        if all(text.find(x, start, end) < 0 for x in ((needs,) if isinstance(needs, str) else needs)):
            continue
        for m in pattern.finditer(text, start, end):
            found.append((m.start(), m.end(), kind, m))
    found.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    kept: list[tuple[int, int, str, re.Match[str]]] = []
    for c in found:
        if not kept or c[0] >= kept[-1][1]:
            kept.append(c)
        elif c[1] - c[0] > kept[-1][1] - kept[-1][0] and c[0] < kept[-1][1]:
            kept[-1] = c  # a longer reading of an overlapping span
    return kept


def _action(view: NormalizedText, s: int, e: int, clause: tuple[int, int], following: tuple[int, int] | None,
            relation: str) -> str:
    text = view.text
    if relation == "extension":
        return _balanced(view.simplified(*clause))
    after = trim(text, e, clause[1], " ,;:、的起")
    if after[1] - after[0] >= 2:
        return _balanced(view.simplified(*after))
    before = trim(text, clause[0], s, " ,;:、在于自从到至")
    if before[1] - before[0] >= 4 or following is None:
        return _balanced(view.simplified(*before))
    return _balanced(view.simplified(*following))


def _balanced(action: str) -> str:
    """Without the closing bracket of a parenthesis the clause sits in: (2004年5月28日…通过)."""
    while action and action[-1] in ")）" and action.count(action[-1]) > action.count("(" if action[-1] == ")" else "（"):
        action = action[:-1]
    return action


def _holding(spans: list[tuple[int, int]], starts: list[int], at: int) -> tuple[int, int] | None:
    """The span of ``spans`` (in order, not overlapping; ``starts`` theirs) that holds ``at``."""
    i = bisect_right(starts, at) - 1
    return spans[i] if i >= 0 and at < spans[i][1] else None


def extract_time_requirements(text: str, sections: list[Section]) -> list[TimeRequirement]:
    """Every time expression of the original text that is not inside a cited title, in order."""
    locate = SectionLocator(sections).at  # one search per sentence, not a scan of every section
    view = normalized(text)
    norm = view.text
    titles = title_spans(norm)
    found: list[TimeRequirement] = []
    full = body_sentences(view, sections, FULL_STOPS)
    full_starts = [a for a, _ in full]
    for s_start, s_end in body_sentences(view, sections):
        candidates = _candidates(norm, s_start, s_end)
        parts = clauses(norm, s_start, s_end) if candidates else []
        for s, e, kind, m in candidates:
            values = _values(kind, m)
            if values is None or inside(titles, s, e):
                continue
            i = next((k for k, (a, b) in enumerate(parts) if a <= s < b), None)
            clause = parts[i] if i is not None else (s, e)
            following = parts[i + 1] if i is not None and i + 1 < len(parts) else None
            named = m.groupdict()
            trigger = next((g for g in ("trig", "anchor") if named.get(g)), None)
            f_start, f_end = _holding(full, full_starts, s) or (s_start, s_end)
            subject = subject_group(norm, clauses(norm, f_start, f_end), s)
            actor = view.simplified(subject.start, subject.end) if subject else None
            start, end = view.span(s, e)
            sec = locate(start)
            found.append(TimeRequirement(
                expression=view.simplified(s, e),
                action=_action(view, s, e, clause, following, values["relation"]),
                start=start, end=end,
                section_path=sec.path if sec else None,
                trigger=view.simplified(m.start(trigger), m.end(trigger)) if trigger else None,
                actor=actor,
                **values,
            ))
    return found
