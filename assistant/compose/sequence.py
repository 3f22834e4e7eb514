"""A claim of the order of two steps (可以先组织竣工验收，之后再组织分户验收,对吗?) against a
provision putting them the other way round (应当在竣工验收前…组织质量分户验收; …完成不载客试运行后，
方可组织工程竣工验收). Procedures in statutes are written so: 在B前…A, A后，方可B, 先A，后B，再C.
The other verdicts on a claim: assistant.compose.verdicts and assistant.compose.slots."""
from __future__ import annotations

import re

from assistant.compose.claims import CLAIM_DEPTH
from assistant.compose.evidence import Candidate, Evidence
from assistant.compose.verdicts import loosely_held
from assistant.index.tokens import segmenter

_STEP = r"[^,;。?:：]{2,30}?"
# the order the claim puts: 先A(,…)再B, A(合格)后再B
_CLAIMED = (re.compile(rf"先(?P<a>{_STEP})(?:,[^;。?]{{0,16}}?)?(?:再|然后|之后|接着)(?P<b>{_STEP})(?=[,;。?]|对|是|吧|吗|$)"),
            re.compile(rf"(?:^|[,;])(?P<a>{_STEP})(?:合格)?(?:之后|以后|后)[,]?再(?P<b>{_STEP})(?=[,;。?]|对|是|吧|吗|$)"))
# the order a provision sets: A(合格)后,方可B; 在B(之)前…A; 先A,后B
_SET = (re.compile(r"(?P<a>[^,;。:：]{2,40}?)(?:合格)?(?:之后|以后|后)[,]?(?:方可|方能|才能|才可以|才可|再)(?P<b>[^,;。]{2,30})"),
        re.compile(r"在(?P<b>[^,;。:：]{2,20}?)(?:之)?前[,]?(?P<a>[^,;。]{2,30})"),
        re.compile(r"先(?P<a>[^,;。]{2,20}?)[,]后(?P<b>[^,;。]{2,20})"))
_ARTICLE_NUMBER = re.compile(r"^\s*第[零〇一二三四五六七八九十百千\d]+条\s*")
# words saying how a step is done rather than which step it is
_GENERIC = frozenset({"组织", "进行", "完成", "按照", "规定", "合格", "应当", "可以", "开展", "实施", "办理"})


def _steps(text: str) -> list[str]:
    return [w for w, _, _ in segmenter().tokenize(text) if len(w) >= 2 and w not in _GENERIC and re.fullmatch(r"[\u4e00-\u9fff]+", w)]


def _share(ev: Evidence, step: str, text: str, pieces: str) -> float:
    """How much of a claimed step's words ``text`` holds (by the question's weights), of those
    the provision's two steps (``pieces``) hold: who does the step (住宅建设工程) is no step."""
    words = [w for w in _steps(step) if ev.mentions(w, pieces)]
    total = sum(ev.weights.get(w, 1.0) for w in words)
    return sum(ev.weights.get(w, 1.0) for w in words if ev.mentions(w, text)) / total if total else 0.0


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
        for pattern in _SET:
            for m in pattern.finditer(sentence.norm):
                early, late = (m.group("a"), m.group("b")) if same else (m.group("b"), m.group("a"))
                both = early + "," + late
                # the claim's first step is the provision's early one, and its second the late one
                if (_share(ev, first, early, both) >= 0.5 and _share(ev, first, early, both) > _share(ev, first, late, both)
                        and _share(ev, then, late, both) >= 0.5 and _share(ev, then, late, both) > _share(ev, then, early, both)):
                    return sentence, _ARTICLE_NUMBER.sub("", m.group(0))
    return None


def order_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """The sentence setting the claim's two steps the other way round, and its words doing so."""
    return _ordered(ev, same=False)


def order_held(ev: Evidence) -> Candidate | None:
    """The sentence setting the claim's two steps in the claim's order: the claim is confirmed."""
    found = _ordered(ev, same=True)
    return found[0] if found else None
