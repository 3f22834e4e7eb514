"""Sentence-level verification of an LLM draft against the numbered evidence it cites.

A draft is split into sentences, each with the evidence numbers it cites ([1], [1][2], [1,2],
【1】). From every sentence the verifier extracts the facts a reader would act on — dates and
years, percentages, time limits (十五日内, 5个工作日内, 届满前一个月, 半年), other figures, and
department or agency names (省质监局, 省发展改革委, 市场监管部门, 公安机关, 海关, 国务院) — and checks
that each appears in the evidence the sentence cites. Comparison is on the normalised text
(simplified script, folded width); figures by value and unit, however written (九成九 = 99%,
三分之一, 3万元 = 30000元, 十五日 = 15天, 一周 = 七日, 半年 = 六个月; see assistant/llm/figures.py);
agency names after folding long and short forms (质量技术监督 = 质监, 人民政府 = 政府) and through
the department table (ingest/data/departments.txt: 省发改委 = 省发展和改革委员会). Besides its
facts, a sentence must say what its evidence says: at least ``MIN_WORD_SUPPORT`` of its content
words (jieba tokens of two or more characters) must be in the cited evidence, so a claim the
evidence never makes (所有企业均已合格) is not carried in on a citation.

Verdicts, and why:
- ``supported``: cites existing evidence, every fact it states is in that evidence, and enough
  of its words are. Kept.
- ``removed``: states a fact that its cited evidence does not contain, says something its
  evidence does not, states a fact and cites nothing (there is nothing to check it against), or
  reads as an instruction to a model (``reason`` says which). A wrong deadline or department is
  worse than a missing sentence, so these are dropped, not shown with a warning.
- ``marked``: cites nothing but states no checkable fact (a linking or summarising sentence).
  It may be harmless, so it stays, followed by （未经核实）, without a citation.

The verifier judges facts and wording, not meaning: a paraphrase that keeps the evidence's
words and figures but reverses its sense is not caught. Text inside the evidence is data;
nothing in it changes these rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Mapping

from assistant.index.tokens import segmenter, tokenize
from assistant.llm.figures import CN_DIGITS, NUM, number_figures, number_value, percent_figures, units_agree
from assistant.llm.instructions import addressed_to_model
from ingest.extract.departments import mentioned_departments, normalize_department
from ingest.normalize import normalize

Verdict = Literal["supported", "removed", "marked"]
Reason = Literal["", "missing_fact", "uncited_fact", "unsupported_words", "instruction"]
FactKind = Literal["date", "percent", "time_limit", "number", "agency", "department"]

MIN_WORD_SUPPORT = 0.5  # share of a cited sentence's content words its evidence must hold

_SMALL = rf"(?:\d{{1,2}}|[{CN_DIGITS}十]{{1,3}})"

_MARKER = re.compile(r"[\[【]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]】]")
# a sentence ends at 。！？!? (or a line break) plus any closing quotes and citation markers
_DRAFT_SENT = re.compile(
    r"[^。！？!?\n]*?(?:[。！？!?]+[”’」』)）]*(?:\s*[\[【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]】])*|\n|$)"
)

_DATE = re.compile(
    rf"(\d{{4}}|[{CN_DIGITS}]{{4}})\s*年(?:\s*({_SMALL})\s*月(?:\s*({_SMALL})\s*[日号])?)?"
    rf"|({_SMALL})\s*月\s*({_SMALL})\s*[日号]"
    r"|(\d{4})-(\d{1,2})-(\d{1,2})"
)
# 十五日内, 5个工作日内, 届满前一个月, 半个月, 两个半月, 一年半, 半年
_TIME_LIMIT = re.compile(
    rf"(?P<anchor>届满前|届满后)?\s*(?:(?P<n>{NUM})\s*(?P<ge>个)?\s*(?P<and_half>半)?|(?P<half>半))\s*(?P<ge2>个)?\s*"
    r"(?P<unit>工作日|小时|日|天|周|星期|月|年)(?P<half_after>半)?\s*(?P<rel>以内|之内|内|以前|之前|前|以后|之后|后)?"
)
# durations compared in one unit per kind: 一周 = 七日, 半年 = 六个月
_DURATION_UNITS = {"天": ("日", 1), "星期": ("日", 7), "周": ("日", 7), "年": ("月", 12)}
_RELATIONS = {"以内": "内", "之内": "内", "以前": "前", "之前": "前", "以后": "后", "之后": "后"}
_LIST_ITEM = re.compile(r"^(?:[-*•·]+|\d{1,2}[.、)]|[（(]?[一二三四五六七八九十]{1,2}[)）、])\s*")

# agency suffixes, with the common words that end the same way kept out (格局, 干部, 办法, 部署 …)
_AGENCY_SUFFIX = re.compile(
    r"总局|委员会|办公厅|办公室|部门|总署|中心|机关|机构|海关|检察院|法院|政府"
    r"|(?<![格布结出开大全当区])局(?![面势部限])"
    r"|(?<![干全内外西东南北中局本各基底])部(?![门分署位件队长])"
    r"|委(?![托屈婉员])"
    r"|(?<![督承协查创举兴开代包申主严])办(?![法理事公案])"
    r"|(?<![大客餐展])厅"
    r"|(?<![医学剧影庭寺书])院(?![校所士落线])"
)
_SELF_NAMING = {"海关", "法院", "检察院"}
# a word that holds one of these without ending in one names something else: 政府质量奖 is an
# award, 部门规章 a kind of rule, 机构改革 a reform
_ORG_WORD = re.compile(r"政府|机关|部门|机构|海关|检察院|法院|委员会|总局|总署|中心|局|厅|委|办|院|部")
_ENDS_IN_ORG = re.compile(f"(?:{_ORG_WORD.pattern})$")
_MASK = "|"  # 由海关处理: the suffix alone names the body
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
    ("人民法院", "法院"),
    ("人民检察院", "检察院"),
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
    reason: Reason = ""  # why a sentence was removed
    word_support: float = 1.0  # share of its content words in the cited evidence

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


def _fold_agencies(norm: str) -> str:
    for long, short in _AGENCY_FOLDS:
        norm = norm.replace(long, short)
    return norm


def _agencies(folded: str) -> list[Fact]:
    found: list[tuple[int, int, Fact]] = []
    for m in _AGENCY_SUFFIX.finditer(folded):
        head = re.search(r"[\u4e00-\u9fff]{0,10}$", folded[: m.start()]).group(0)
        cut = [b.end() for b in _NAME_BOUNDARY.finditer(head)]
        name = head[cut[-1] :] if cut else head
        suffix = m.group(0)
        # the two characters before the suffix name the agency (质监局, 发改委, 宣传部); 党委, 省委 need one
        core = name[-1:] if name[-1:] and name[-1] in _ONE_CHAR_CORES else name[-2:]
        if not core or len(core) < 2 and core not in _ONE_CHAR_CORES or core in _GENERIC_CORES:
            if suffix not in _SELF_NAMING:
                continue  # 有关部门, 各部门, 为中心: not a named agency
            core = ""
        found.append((m.start() - len(name), m.end(), Fact("agency", name + suffix, (core + suffix,))))
    # 政府 in 县级以上政府市场监管部门 is part of the name of the 部门, not a body of its own
    return [f for s, e, f in found if not any(a <= s and e <= b and (a, b) != (s, e) for a, b, _ in found)]


def _bodies_only(norm: str) -> str:
    """``norm`` with the organisation words that only begin or sit inside a longer word masked out."""
    return "".join(
        w if _ENDS_IN_ORG.search(w) else _ORG_WORD.sub(lambda m: _MASK * len(m.group(0)), w)
        for w in segmenter().cut(norm, True)
    )


def _departments(norm: str, agencies: list[Fact]) -> list[Fact]:
    """Known departments (the table's short and long names) that no agency fact already names."""
    named = {normalize_department(f.text) for f in agencies}
    return [Fact("department", d, (d,)) for d in mentioned_departments(norm) if d not in named]


def _time_limits(norm: str, taken: list[tuple[int, int]]) -> list[Fact]:
    facts = []
    for m in _TIME_LIMIT.finditer(norm):
        g = m.groupdict()
        value = 0.5 if g["half"] else number_value(g["n"] or "")
        if value is None or any(not (m.end() <= a or m.start() >= b) for a, b in taken):
            continue
        if g["unit"] == "月" and not (g["ge"] or g["ge2"] or g["half"]):
            continue  # 5月 is a month, 3个月 a duration
        value += 0.5 if g["and_half"] or g["half_after"] else 0.0
        unit, factor = _DURATION_UNITS.get(g["unit"], (g["unit"], 1))
        relation = g["anchor"] or _RELATIONS.get(g["rel"] or "", g["rel"] or "")
        facts.append(Fact("time_limit", m.group(0).strip(), (value * factor, unit, relation)))
        taken.append(m.span())
    return facts


def extract_facts(sentence: str) -> tuple[Fact, ...]:
    """Dates, percentages, time limits, figures (bare, ordinal or counted) and agency names of a sentence."""
    norm = normalize(sentence)
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for m in _DATE.finditer(norm):
        y, mo, d, mo2, d2, iy, imo, id_ = m.groups()
        key = (number_value(y or iy or ""), number_value(mo or mo2 or imo or ""), number_value(d or d2 or id_ or ""))
        facts.append(Fact("date", m.group(0), key))
        taken.append(m.span())
    facts.extend(Fact("percent", f.text, (f.value,)) for f in percent_figures(norm, taken))
    facts.extend(_time_limits(norm, taken))
    facts.extend(Fact("number", f.text, (f.value, f.unit)) for f in number_figures(norm, taken))
    bodies = _bodies_only(norm)
    agencies = _agencies(_fold_agencies(bodies))
    return tuple(facts + agencies + _departments(bodies, agencies))


@dataclass(frozen=True)
class _EvidenceFacts:
    norm: str
    folded: str
    dates: tuple[tuple, ...]
    percents: tuple[float, ...]
    limits: tuple[tuple, ...]
    figures: tuple[tuple[float, str], ...]  # every figure as (value, unit), "" where it has none
    departments: frozenset[str]


def _evidence_facts(text: str) -> _EvidenceFacts:
    norm = normalize(text)
    facts = extract_facts(text)
    figures = [(f.key[0], f.key[1]) for f in facts if f.kind == "number"]
    figures += [(f.key[0], "%") for f in facts if f.kind == "percent"]
    figures += [(f.key[0], f.key[1]) for f in facts if f.kind == "time_limit"]
    figures += [(v, "") for f in facts if f.kind == "date" for v in f.key if v is not None]
    return _EvidenceFacts(
        norm=norm,
        folded=_fold_agencies(norm),
        dates=tuple(f.key for f in facts if f.kind == "date"),
        percents=tuple(f.key[0] for f in facts if f.kind == "percent"),
        limits=tuple(f.key for f in facts if f.kind == "time_limit"),
        figures=tuple(figures),
        departments=frozenset(mentioned_departments(norm)),
    )


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(a))


def _found(fact: Fact, ev: _EvidenceFacts) -> bool:
    if fact.kind == "date":
        return any(all(a is None or a == b for a, b in zip(fact.key, d)) for d in ev.dates) or (
            fact.key[1] is None and any(_same(fact.key[0], v) for v, _ in ev.figures)
        )
    if fact.kind == "percent":
        return any(_same(fact.key[0], p) for p in ev.percents)
    if fact.kind == "time_limit":
        value, unit, rel = fact.key
        return any(_same(v, value) and u == unit and (rel == r or not rel or not r) for v, u, r in ev.limits)
    if fact.kind == "number":
        value, unit = fact.key
        return any(_same(value, v) and units_agree(unit, u) for v, u in ev.figures)
    if fact.kind == "department":
        return fact.key[0] in ev.departments
    return fact.key[0] in ev.folded


@lru_cache(maxsize=4096)
def content_words(sentence: str) -> tuple[str, ...]:
    """The words of a sentence that carry its claim: tokens of two or more characters, figures aside."""
    return tuple(dict.fromkeys(t for t in tokenize(sentence) if len(t) >= 2 and not re.fullmatch(r"[\d.%]+", t)))


def word_support(sentence: str, evidence_norm: str) -> float:
    """The share of the sentence's content words that the (normalised) evidence holds."""
    words = content_words(sentence)
    return sum(1 for w in words if w in evidence_norm) / len(words) if words else 1.0


def verify_sentence(sentence: DraftSentence, evidence: Mapping[int, str]) -> Verification:
    """Check one sentence against the evidence it cites (numbers that do not exist are ignored)."""
    cited = tuple(n for n in sentence.cited if n in evidence)
    facts = extract_facts(sentence.text)
    if addressed_to_model(sentence.text):
        return Verification(sentence=sentence.text, cited=cited, facts=facts, missing_facts=(), verdict="removed",
                            reason="instruction", word_support=0.0)
    if not cited:
        if facts:
            return Verification(sentence=sentence.text, cited=(), facts=facts, missing_facts=facts, verdict="removed",
                                reason="uncited_fact")
        return Verification(sentence=sentence.text, cited=(), facts=facts, missing_facts=(), verdict="marked")
    ev = _evidence_facts("\n".join(evidence[n] for n in cited))
    missing = tuple(f for f in facts if not _found(f, ev))
    support = word_support(sentence.text, ev.norm)
    reason: Reason = "missing_fact" if missing else "unsupported_words" if support < MIN_WORD_SUPPORT else ""
    return Verification(sentence=sentence.text, cited=cited, facts=facts, missing_facts=missing,
                        verdict="removed" if reason else "supported", reason=reason, word_support=support)


def verify_draft(draft: str, evidence: Mapping[int, str]) -> list[Verification]:
    """Every sentence of ``draft``, verified against ``evidence`` (number -> text shown to the model)."""
    return [verify_sentence(s, evidence) for s in split_draft(draft)]
