"""A claim of the order of two steps (可以先组织竣工验收，之后再组织分户验收,对吗?) against a
provision putting them the other way round (应当在竣工验收前…组织质量分户验收; …完成不载客试运行后，
方可组织工程竣工验收). Procedures in statutes are written so: 在B前…A, A后，方可B, 先A，后B，再C.
The other verdicts on a claim: assistant.compose.verdicts and assistant.compose.slots."""
from __future__ import annotations

import re

from assistant.compose.claims import CLAIM_DEPTH
from assistant.compose.evidence import Candidate, Evidence
from assistant.compose.slots import sentence_saying
from assistant.compose.verdicts import article_text, loosely_held

_STEP = r"[^,;。?:：]{2,30}?"
# the order the claim puts: 先A(,…)再B, A(合格)后再B
_CLAIMED = (re.compile(rf"先(?P<a>{_STEP})(?:,[^;。?]{{0,16}}?)?(?:再|然后|之后|接着)(?P<b>{_STEP})(?=[,;。?]|对|是|吧|吗|$)"),
            re.compile(rf"(?:^|[,;])(?P<a>{_STEP})(?:合格)?(?:之后|以后|后)[,]?再(?P<b>{_STEP})(?=[,;。?]|对|是|吧|吗|$)"))
# the order a provision sets: A(合格)后,方可B; 在B(之)前…A; 先A,后B
_SET = (re.compile(r"(?P<a>[^,;。:：\n]{2,40}?)(?:合格)?(?:之后|以后|后)[,]?(?:方可|方能|才能|才可以|才可|再)(?P<b>[^,;。\n]{2,30})"),
        re.compile(r"在(?P<b>[^,;。:：\n]{2,20}?)(?:之)?前[,]?(?P<a>[^,;。\n]{2,30})"),
        re.compile(r"先(?P<a>[^,;。\n]{2,20}?)[,]后(?P<b>[^,;。\n]{2,20})"),
        # A合格的，B (竣工预验收合格的，建设单位应当组织…竣工验收); 经A仍无效者，B (经整顿仍无效者，…应令其停产或转产)
        re.compile(r"(?P<a>[^,;。:：\n]{2,20}?)(?<!不)合格的[,](?P<b>[^;。\n]{2,40})"),
        re.compile(r"经(?P<a>[^,;。:：\n]{2,12}?)(?:仍|后仍|仍然)(?:无效|不合格|未改正|不改正)的?者?[,](?P<b>[^;。\n]{2,40})"))
_ARTICLE_NUMBER = re.compile(r"^\s*第[零〇一二三四五六七八九十百千\d]+条\s*")


def _reach(step: str, piece: str) -> int:
    """How many of the step's last characters the provision's piece holds together: a step is
    named by its end (…单位工程质量竣工验收 is 竣工验收, not the 竣工预验收 before it)."""
    step = re.sub(r"(?:合格|了|的)+$", "", step)  # (经计量认证和考核合格: the step is 认证和考核)
    return max((n for n in range(2, min(len(step), 12) + 1) if step[-n:] in piece), default=0)


def claimed_order(asked: str) -> tuple[str, str] | None:
    """The two steps a claim puts in order, first one first; None when it puts no order."""
    for pattern in _CLAIMED:
        if m := pattern.search(asked):
            return m.group("a"), m.group("b")
    return None


def _ordered(ev: Evidence, same: bool) -> tuple[Candidate, str] | None:
    """A sentence about the claim (POLARITY_SUPPORT of its terms, among those searched) setting
    the claim's two steps in the claim's order (``same``) or the other: it and its words setting it."""
    order = claimed_order(ev.query.asked)
    if order is None:
        return None
    first, then = order
    for sentence in ev.candidates[:CLAIM_DEPTH]:
        if not loosely_held(ev, sentence):
            continue
        # (the article's other sentences too: 应令其限期整顿。经整顿仍无效者，应令其停产或转产)
        context = article_text(ev, sentence)
        for pattern in _SET:
            for m in pattern.finditer(context):
                early, late = (m.group("a"), m.group("b")) if same else (m.group("b"), m.group("a"))
                # the claim's first step is the provision's early one, and its second the late one
                if _reach(first, early) > _reach(first, late) and _reach(then, late) > _reach(then, early):
                    words = _ARTICLE_NUMBER.sub("", m.group(0))
                    return sentence_saying(ev, sentence, context, m.group(0)), words
    return None


def order_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """The sentence setting the claim's two steps the other way round, and its words doing so."""
    return _ordered(ev, same=False)


def order_held(ev: Evidence) -> Candidate | None:
    """The sentence setting the claim's two steps in the claim's order: the claim is confirmed."""
    found = _ordered(ev, same=True)
    return found[0] if found else None
