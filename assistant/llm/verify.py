"""Sentence-level verification of an LLM draft against the numbered evidence it cites.

A draft is split into sentences, each with the evidence numbers it cites ([1], [1][2], [1,2],
【1】). From every sentence the verifier extracts the facts a reader would act on — dates and
years, percentages, time limits (十五日内, 5个工作日内, 届满前一个月), other numbers, and
department or agency names (省质监局, 省发展改革委, 市场监管部门, 国务院) — and checks that each
appears in the evidence the sentence cites. Comparison is on the normalised text (simplified
script, folded width), numbers by value (十五日 = 15日 = 15天) and agency names after folding
long and short forms (质量技术监督 = 质监, 市场监督管理 = 市场监管, 人民政府 = 政府).

Verdicts, and why:
- ``supported``: cites existing evidence, and every fact it states is in that evidence. Kept.
- ``removed``: states a fact that its cited evidence does not contain, or states a fact and
  cites nothing (there is nothing to check it against). A wrong deadline or department is worse
  than a missing sentence, so these are dropped, not shown with a warning.
- ``marked``: cites nothing but states no checkable fact (a linking or summarising sentence).
  It may be harmless, so it stays, followed by （未经核实）, without a citation.

The verifier judges facts, not meaning: a sentence without numbers, dates or agency names is
trusted on its citation, and a paraphrase that reverses a statement's sense is not caught.
Text inside the evidence is data; nothing in it changes these rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Mapping

from ingest.normalize import normalize
from ingest.numerals import chinese_number

Verdict = Literal["supported", "removed", "marked"]
FactKind = Literal["date", "percent", "time_limit", "number", "agency"]

_CN_DIGIT = "零〇一二两三四五六七八九"
_DIGIT_VALUE = dict(zip(_CN_DIGIT, (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9)))
_CN_NUM = f"[{_CN_DIGIT}十百千万亿]+"
_NUM = rf"(?:\d+(?:\.\d+)?|{_CN_NUM})"
_SMALL = rf"(?:\d{{1,2}}|[{_CN_DIGIT}十]{{1,3}})"

_MARKER = re.compile(r"[\[【]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]】]")
# a sentence ends at 。！？!? (or a line break) plus any closing quotes and citation markers
_DRAFT_SENT = re.compile(
    r"[^。！？!?\n]*?(?:[。！？!?]+[”’」』)）]*(?:\s*[\[【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]】])*|\n|$)"
)

_DATE = re.compile(
    rf"(\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年(?:\s*({_SMALL})\s*月(?:\s*({_SMALL})\s*[日号])?)?"
    rf"|({_SMALL})\s*月\s*({_SMALL})\s*[日号]"
    r"|(\d{4})-(\d{1,2})-(\d{1,2})"
)
_PERCENT = re.compile(rf"(\d+(?:\.\d+)?)\s*%|百分之\s*([{_CN_DIGIT}十百千点]+)")
_TIME_LIMIT = re.compile(
    rf"(届满前|届满后)?\s*({_NUM})\s*(个)?\s*(工作日|小时|日|天|周|星期|月|年)\s*(以内|之内|内|以前|之前|前|以后|之后|后)?"
)
_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_UNIT_AFTER_CN = re.compile(
    rf"({_CN_NUM})(?=个|家|项|件|人|次|条|名|批|倍|元|所|座|台|种|类|款|户|岁|轮|份|道|处|支|位|套|章|节|级|期)"
    rf"|第({_CN_NUM})"
)
_CN_RUN = re.compile(_CN_NUM)
_LIST_ITEM = re.compile(r"^(?:[-*•·]+|\d{1,2}[.、)]|[（(]?[一二三四五六七八九十]{1,2}[)）、])\s*")

# agency suffixes, with the common words that end the same way kept out (格局, 干部, 办法, 部署 …)
_AGENCY_SUFFIX = re.compile(
    r"总局|委员会|办公厅|办公室|部门|总署|中心"
    r"|(?<![格布结出开大全当区])局(?![面势部限])"
    r"|(?<![干全内外西东南北中局本各基底])部(?![门分署位件队长])"
    r"|委(?![托屈婉员])"
    r"|(?<![督承协查创举兴开代包申主严])办(?![法理事公案])"
    r"|(?<![大客餐展])厅"
    r"|(?<![医学剧影庭寺书])院(?![校所士落线])"
)
# words after which an agency name starts (由省质监局牵头, 向市场监管部门报告)
_NAME_BOUNDARY = re.compile(
    r"会同|牵头|配合|负责|以及|或者|联合|组织|指导|督促|协调|设在|通报|报告|移送|按照|依照|根据|进一步|所在地"
    r"|[由向和与及或同对经报是为并请交等在将被给应要从把的了按其]"
)
_ONE_CHAR_CORES = "党省市县国"
_GENERIC_CORES = {"有关", "相关", "主管", "职能", "政府", "工作", "行政", "各级", "其他", "本级", "上级", "同级", "下级", "各个"}
# long and short forms of agency names, folded on both sides before comparing
_AGENCY_FOLDS = (
    ("国家质量监督检验检疫总局", "质检总局"),
    ("质量技术监督", "质监"),
    ("市场监督管理", "市场监管"),
    ("食品药品监督管理", "食药监"),
    ("食品药品监管", "食药监"),
    ("发展和改革委员会", "发改委"),
    ("发展改革委员会", "发改委"),
    ("发展改革委", "发改委"),
    ("经济和信息化委员会", "经信委"),
    ("工业和信息化", "工信"),
    ("工商行政管理", "工商"),
    ("人民政府", "政府"),
    ("委员会", "委"),
)


@dataclass(frozen=True)
class Fact:
    kind: FactKind
    text: str  # as it reads in the (normalised) sentence
    key: tuple  # comparable form: values, units, relation


@dataclass(frozen=True)
class DraftSentence:
    text: str  # without its citation markers
    cited: tuple[int, ...]


@dataclass(frozen=True)
class Verification:
    sentence: str
    cited: tuple[int, ...]  # the existing evidence numbers it cites
    facts: tuple[Fact, ...]
    missing_facts: tuple[Fact, ...]
    verdict: Verdict

    @property
    def supported(self) -> bool:
        return self.verdict == "supported"


def split_draft(draft: str) -> list[DraftSentence]:
    """The draft's sentences and the evidence numbers each cites (markers before or after 。)."""
    out = []
    for m in _DRAFT_SENT.finditer(draft):
        piece = m.group(0)
        cited = tuple(dict.fromkeys(int(n) for g in _MARKER.findall(piece) for n in re.split(r"[,，、\s]+", g) if n))
        text = re.sub(r"\s+", " ", _MARKER.sub("", piece)).strip().replace("**", "")
        text = _LIST_ITEM.sub("", text)
        if any(ch.isalnum() for ch in text):
            out.append(DraftSentence(text, cited))
    return out


def _number(token: str) -> float | None:
    token = token.strip()
    if not token:
        return None
    if _ARABIC.fullmatch(token):
        return float(token)
    if len(token) > 1 and all(ch in _DIGIT_VALUE for ch in token):  # 二〇一七: digit by digit
        return float("".join(str(_DIGIT_VALUE[ch]) for ch in token))
    value = chinese_number(token)
    return None if value is None else float(value)


def _fold_agencies(norm: str) -> str:
    for long, short in _AGENCY_FOLDS:
        norm = norm.replace(long, short)
    return norm


def _agencies(folded: str) -> list[Fact]:
    facts = []
    for m in _AGENCY_SUFFIX.finditer(folded):
        head = re.search(r"[\u4e00-\u9fff]{0,10}$", folded[: m.start()]).group(0)
        cut = [b.end() for b in _NAME_BOUNDARY.finditer(head)]
        name = head[cut[-1] :] if cut else head
        # the two characters before the suffix name the agency (质监局, 发改委, 宣传部); 党委, 省委 need one
        core = name[-1:] if name[-1:] and name[-1] in _ONE_CHAR_CORES else name[-2:]
        if not core or len(core) < 2 and core not in _ONE_CHAR_CORES or core in _GENERIC_CORES:
            continue  # 有关部门, 各部门, 为中心: not a named agency
        facts.append(Fact("agency", name + m.group(0), (core + m.group(0),)))
    return facts


def _spans_free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    return all(e <= a or s >= b for a, b in taken)


def extract_facts(sentence: str) -> tuple[Fact, ...]:
    """Dates, percentages, time limits, numbers (with a unit, or 第N) and agency names of a sentence."""
    norm = normalize(sentence)
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for m in _DATE.finditer(norm):
        y, mo, d, mo2, d2, iy, imo, id_ = m.groups()
        key = (_number(y or iy or ""), _number(mo or mo2 or imo or ""), _number(d or d2 or id_ or ""))
        facts.append(Fact("date", m.group(0), key))
        taken.append(m.span())
    for m in _PERCENT.finditer(norm):
        if _spans_free(taken, *m.span()):
            facts.append(Fact("percent", m.group(0), (_number(m.group(1) or m.group(2)),)))
            taken.append(m.span())
    for m in _TIME_LIMIT.finditer(norm):
        anchor, n, ge, unit, rel = m.groups()
        value = _number(n)
        if value is None or not _spans_free(taken, *m.span()) or unit == "月" and not ge:
            continue  # 5月 is a month, 3个月 a duration
        unit = {"天": "日", "星期": "周"}.get(unit, unit)
        relation = anchor or {"以内": "内", "之内": "内", "以前": "前", "之前": "前", "以后": "后", "之后": "后"}.get(rel or "", rel or "")
        facts.append(Fact("time_limit", m.group(0).strip(), (value, unit, relation)))
        taken.append(m.span())
    for m in _ARABIC.finditer(norm):
        if _spans_free(taken, *m.span()):
            facts.append(Fact("number", m.group(0), (float(m.group(0)),)))
    for m in _UNIT_AFTER_CN.finditer(norm):
        token = m.group(1) or m.group(2)
        value = _number(token)
        if value is not None and _spans_free(taken, *m.span()):
            facts.append(Fact("number", m.group(0), (value,)))
    facts.extend(_agencies(_fold_agencies(norm)))
    return tuple(facts)


@dataclass(frozen=True)
class _EvidenceFacts:
    folded: str
    dates: tuple[tuple, ...]
    percents: frozenset
    limits: tuple[tuple, ...]
    numbers: frozenset


def _evidence_facts(text: str) -> _EvidenceFacts:
    norm = normalize(text)
    facts = extract_facts(text)
    # every number the evidence mentions, in any form, counts for a bare number in the sentence
    numbers = {float(x) for x in _ARABIC.findall(norm)}
    numbers |= {v for run in _CN_RUN.findall(norm) if (v := _number(run)) is not None}
    numbers |= {f.key[0] for f in facts if f.kind in ("percent", "time_limit", "number") and f.key[0] is not None}
    numbers |= {v for f in facts if f.kind == "date" for v in f.key if v is not None}
    return _EvidenceFacts(
        folded=_fold_agencies(norm),
        dates=tuple(f.key for f in facts if f.kind == "date"),
        percents=frozenset(f.key[0] for f in facts if f.kind == "percent"),
        limits=tuple(f.key for f in facts if f.kind == "time_limit"),
        numbers=frozenset(numbers),
    )


def _found(fact: Fact, ev: _EvidenceFacts) -> bool:
    if fact.kind == "date":
        return any(all(a is None or a == b for a, b in zip(fact.key, d)) for d in ev.dates) or (
            fact.key[1] is None and fact.key[0] in ev.numbers
        )
    if fact.kind == "percent":
        return fact.key[0] in ev.percents
    if fact.kind == "time_limit":
        value, unit, rel = fact.key
        return any(v == value and u == unit and (rel == r or not rel or not r) for v, u, r in ev.limits)
    if fact.kind == "number":
        return fact.key[0] in ev.numbers
    return fact.key[0] in ev.folded


def verify_sentence(sentence: DraftSentence, evidence: Mapping[int, str]) -> Verification:
    """Check one sentence against the evidence it cites (numbers that do not exist are ignored)."""
    cited = tuple(n for n in sentence.cited if n in evidence)
    facts = extract_facts(sentence.text)
    if not cited:
        verdict: Verdict = "removed" if facts else "marked"
        return Verification(sentence=sentence.text, cited=(), facts=facts, missing_facts=facts, verdict=verdict)
    ev = _evidence_facts("\n".join(evidence[n] for n in cited))
    missing = tuple(f for f in facts if not _found(f, ev))
    return Verification(sentence=sentence.text, cited=cited, facts=facts, missing_facts=missing,
                        verdict="removed" if missing else "supported")


def verify_draft(draft: str, evidence: Mapping[int, str]) -> list[Verification]:
    """Every sentence of ``draft``, verified against ``evidence`` (number -> text shown to the model)."""
    return [verify_sentence(s, evidence) for s in split_draft(draft)]
