"""Obligations: who must, must not, may or is encouraged to do what, and on what condition.

Patterns: a modal cue, one record per cue (第八条's three 不得 are three records):
- must: 应当, 应该, 必须, 应 (not 相应/应用/应急…), 要 after its subject or at a clause start
  (not 要求/要素/要案…)
- prohibited: 不得, 禁止, 严禁, 不准
- permitted: 可以, 有权 (a statute's 可以 grants a right; it is not an encouragement)
- encouraged: 鼓励, 支持和鼓励, 提倡, 倡导, and 支持 when an actor follows it
For must/prohibited/permitted the actor is the subject: the actors opening the last clause
before the cue in the sentence (县级以上人民政府市场监督管理部门根据…,可以…), also after
督促/推动/引导 (督促各类第三方机构…,要立即向监管部门报告). For encouraged it is the actors
right after the cue (鼓励有关行业协会开展…). Actor types come from ingest.extract.actors.
The condition is the clauses before the cue from one opening with 如果/若/凡/一旦/发现/没有,
or from the first, through the last ending in 的/时/情况/情形 (生产者、销售者对…有异议的,).
The action runs from the cue to the next cue's clause, a ';' or the sentence end.

Known limits: an actor only implied (第九条's 抽取样品应当…, whose actor is the 市场监督管理部门
of the sentence before) is None; 督促企业… without a modal is a measure of government, not an
obligation of 企业, and is not extracted; a relative clause 应当具备的 is skipped by its shape
(a 1-2 character verb then 的), so a longer one can slip through.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.actors import actor_groups, subject_group
from ingest.extract.spans import FULL_STOPS, NormalizedText, body_sentences, clauses, normalized, trim
from ingest.models import Section, SectionLocator

_CUES = {
    "应当": "must", "应该": "must", "必须": "must", "应": "must", "要": "must",
    "不得": "prohibited", "禁止": "prohibited", "严禁": "prohibited", "不准": "prohibited",
    "可以": "permitted", "有权": "permitted",
    "支持和鼓励": "encouraged", "鼓励": "encouraged", "提倡": "encouraged", "倡导": "encouraged", "支持": "encouraged",
}
_CUE = re.compile(
    r"应当|应该|必须|不得|禁止|严禁|不准|可以|有权|支持和鼓励|鼓励|提倡|倡导|支持"
    r"|(?<![相反供适对效响呼感顺答报照理回])应(?![用对急变届收缴诉征聘答有])"
    r"|(?<![主重需只纲摘概必扼])要(?![求素案点害件闻是么紧领义员务])"
)
_ADVERBS = re.compile(r"(?:还|也|均|都|首先|更|切实)*")
_COND_START = re.compile(r"如果|若|倘若|凡|一旦|发现|没有")
_COND_END = ("的", "时", "情况", "情形")
_RELATIVE = re.compile(r"[\u4e00-\u9fff]{1,2}的")
_ENCOURAGED_GAP = re.compile(r"(?:并|和)?(?:引导|支持)?")


@dataclass(frozen=True)
class Obligation:
    modality: str  # must | prohibited | permitted | encouraged
    cue: str  # the modal word (simplified)
    actors: tuple[str, ...]  # the actors as written (simplified), empty when none is named
    actor_types: tuple[str, ...]  # canonical type of each actor (生产者, 监管部门…)
    action: str  # what is required (simplified)
    condition: str | None  # the situation it applies in (simplified), without the actor
    start: int  # original[start:end] runs from the condition or actor to the end of the action
    end: int
    section_path: str | None = None


def _is_cue(text: str, m: re.Match[str], clause_start: int) -> bool:
    word = m.group(0)
    after = text[m.end() : m.end() + 3]
    if _RELATIVE.match(after) or after[:1] in "”’」)":
        return False  # 具备产品应当具备的使用性能: a relative clause; “九个严禁”: a name
    if word == "要":
        if m.start() == clause_start:
            return True
        groups = actor_groups(text, clause_start, m.start())
        return bool(groups) and _ADVERBS.fullmatch(text, groups[-1].end, m.start()) is not None
    if word == "支持":
        groups = actor_groups(text, m.end(), m.end() + 12)
        return bool(groups) and groups[0].start == m.end()
    return True


def _action_end(text: str, start: int, sentence_end: int, next_stop: int | None) -> int:
    end = min(sentence_end, next_stop if next_stop is not None else sentence_end)
    semicolon = text.find(";", start, end)
    return semicolon if semicolon >= 0 else end


def _condition(view: NormalizedText, region: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Span of the condition among the clauses before a cue, without the actor opening it."""
    text = view.text

    def body_start(a: int, b: int) -> int:
        groups = actor_groups(text, a, b)
        return groups[0].end if groups and groups[0].start == a else a

    region = [(a, b) for a, b in region if b > a]
    if region and body_start(*region[-1]) >= region[-1][1]:
        region = region[:-1]  # the subject of the cue's own clause: 没有…的产品,生产者应当…
    starts = [i for i, (a, b) in enumerate(region) if _COND_START.match(text, body_start(a, b))]
    ends = [i for i, (a, b) in enumerate(region) if text[a:b].endswith(_COND_END)]
    if starts:
        first = starts[0]
        last = max([j for j in ends if j >= first], default=len(region) - 1)
    elif ends:
        # the subject's clause opens the condition (X根据…,对…进行查处时,); else the run of
        # clauses ending like conditions (…,必要时应…)
        last = first = ends[-1]
        opened = actor_groups(text, *region[0])
        if opened and opened[0].start == region[0][0]:
            first = 0
        while first > 0 and first - 1 in ends:
            first -= 1
    else:
        return None
    a, b = body_start(*region[first]), region[last][1]
    if text[b - 1] in "的时":
        b -= 1
    a, b = trim(text, a, b)
    return (a, b) if b - a >= 2 else None


def extract_obligations(text: str, sections: list[Section]) -> list[Obligation]:
    """One record per modal cue of the original text, in text order."""
    locate = SectionLocator(sections).at  # one search per sentence, not a scan of every section
    view = normalized(text)
    norm = view.text
    found: list[Obligation] = []
    for s_start, s_end in body_sentences(view, sections, FULL_STOPS):
        parts = clauses(norm, s_start, s_end)
        cues = []
        for a, b in parts:
            cues += [(m, a) for m in _CUE.finditer(norm, a, b) if _is_cue(norm, m, a)]
        region_start = s_start
        for k, (m, clause_start) in enumerate(cues):
            modality = _CUES[m.group(0)]
            next_stop = None
            if k + 1 < len(cues):
                following, following_clause = cues[k + 1]
                # the next cue's clause, or the next cue itself when it shares this clause
                next_stop = following_clause if following_clause > m.start() else following.start()
            action_start = m.end()
            if modality == "encouraged":
                after = actor_groups(norm, m.end(), min(m.end() + 40, s_end))
                group = after[0] if after and _ENCOURAGED_GAP.fullmatch(norm, m.end(), after[0].start) else None
                if group and norm[group.end : group.end + 1] not in ("、", "和", "及", "与"):
                    # 鼓励消费者组织、行业协会、第三方机构等开展… : the action follows the actors
                    action_start = group.end + (norm[group.end : group.end + 1] == "等")
            else:
                group = subject_group(norm, parts, m.start())
            action_end = _action_end(norm, action_start, s_end, next_stop)
            a_start, a_end = trim(norm, action_start, action_end, " ,;:、。")
            region = [(a, min(b, m.start())) for a, b in parts if region_start <= a < m.start()]
            condition = _condition(view, region) if region else None
            region_start = action_end
            if a_end - a_start < 2:
                continue
            region_first = region[0][0] if region else m.start()
            begin = min([m.start()] + [x for x in (condition and condition[0], group and group.start)
                                        if x is not None and x >= region_first])
            start, end = view.span(begin, a_end)
            sec = locate(start)
            found.append(Obligation(
                modality=modality,
                cue=view.simplified(m.start(), m.end()),
                actors=tuple(view.simplified(a, b) for a, b in group.names) if group else (),
                actor_types=group.types if group else (),
                action=view.simplified(a_start, a_end),
                condition=view.simplified(*condition) if condition else None,
                start=start, end=end,
                section_path=sec.path if sec else None,
            ))
    return found
