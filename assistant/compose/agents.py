"""A claim giving an act to one party where the provision gives it to another: …由供水、供电、供气的
经营者向法定计量检定机构申请首次强制检定 where the article says 建设单位…应当向法定计量检定机构申请首次
强制检定; 得我们用户自己去提出申请 where it says 强制检定由…供应方提出申请. Who the claim says acts is
the party written before its act (after 由, or before the act's modal or adverb); who the sentence
says acts is the body after its 由 before the act, or the party its sentence opens with. The
actor of a modal claim (施工单位应当…): assistant.compose.verdicts.actor_rival."""
from __future__ import annotations

import re
from typing import NamedTuple

from assistant.compose.claims import CLAIM_DEPTH, CLAIM_SUPPORT, CLAUSE_END
from assistant.compose.evidence import Candidate, Evidence
from assistant.compose.verdicts import ACT_END, article_text, bigrams
from assistant.question.interrogatives import only_in_frames

# what a party's name ends in: a body, an undertaking, a person by role (供应方, 建设单位, 用户)
_PARTY = r"(?:单位|企业|公司|厂家|商家|开发商|物业|经营者|生产者|销售者|使用者|供应方|一方|机构|部门|机关|委员会|平台|用户|消费者|人|组织|协会|政府|局)"
# words between a party and its act that say nothing of who acts (自行组织, 应当向…, 得自己去)
_ADVERBS = r"(?:应当|必须|可以|能|需要|需|要|得|该|负责|自行|自己|亲自|统一|共同|分别|依法|直接|去|来|再|也|就|才)"
_BETWEEN = _ADVERBS + "{0,3}"
# the asker's pronouns before a party (我们用户): not part of its name
_PRONOUN = re.compile(r"^(?:我们|咱们|我|你们|你|他们|他)")
_BY = re.compile(rf"由(?P<party>[\u4e00-\u9fff、]{{1,20}}?{_PARTY})(?P<between>{_BETWEEN})")
_SUBJECT = re.compile(rf"(?:^|[，,；;：:])(?:是不是|是否|难道)?(?:{_BETWEEN})(?P<party>[\u4e00-\u9fff]{{0,8}}?{_PARTY})(?P<between>{_ADVERBS}{{1,3}})")
# a party opening a clause of the claim acts where a modal or adverb follows it (用户自己去…)
# the sentence's party: after 由 right before its act, or the one it opens with (after 第N条)
_HEADING = re.compile(r"^第[一二三四五六七八九十百零〇]+条\s*")
_OPENING = re.compile(rf"(?![对向在从自依按经为与和])(?P<party>[\u4e00-\u9fff、]{{1,16}}?{_PARTY})")
_SAME_SHARE = 0.5  # of the claimed party's character pairs the sentence's party shares to be it in other words


class Claimed(NamedTuple):
    party: str  # 供水、供电、供气的经营者, 用户
    act: str  # the claim's words after it, to the clause's end
    span: tuple[int, int]


def _claimed(asked: str) -> Claimed | None:
    """The party the claim says acts and its act: the first 由-party, else the first party
    opening a clause with an act after it."""
    for pattern in (_BY, _SUBJECT):
        for m in pattern.finditer(asked):
            act = ACT_END.split(asked[m.end():])[0]
            party = _PRONOUN.sub("", m.group("party"))
            if len(act) >= 2 and len(party) >= 2:
                return Claimed(party, act, m.span("party"))
    return None


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(p, 0, at) for p in "，,；;。") + 1


def _acting(sentence: str, at: int) -> str | None:
    """Who ``sentence`` says does the act written at ``at``: the party after the 由 before it in
    its clause, else the party the sentence opens with."""
    by = [m for m in _BY.finditer(sentence, _clause_start(sentence, at), at) if m.end() == at]
    if by:
        return by[-1].group("party")
    head = _HEADING.match(sentence)
    opening = _OPENING.match(sentence, head.end() if head else 0)  # not a preposition's object (对…平台的举报)
    return opening.group("party") if opening and opening.end() <= at else None


def _same(ev: Evidence, claimed: str, theirs: str) -> bool:
    """Is the sentence's party the claim's, in the same or other words?"""
    if ev.mentions(claimed, theirs) or theirs in claimed:
        return True
    pairs = bigrams(re.sub(r"[^\u4e00-\u9fff]", "", claimed))
    return bool(pairs) and len(pairs & bigrams(theirs)) >= _SAME_SHARE * len(pairs)


def agent_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A sentence whose article holds CLAIM_SUPPORT of the claim's terms besides its party that gives the
    claim's act to another party, named nowhere in it: the sentence and its words from that
    party to its clause's end; None otherwise, and None where a sentence searched gives the act
    to the claim's party."""
    asked = ev.query.asked
    claimed = _claimed(asked)
    if claimed is None:
        return None
    terms = [t for t in ev.claim_terms if not only_in_frames(t, asked, [claimed.span])]
    doing = sorted((t for t in terms if t in claimed.act and len(t) >= 2), key=claimed.act.find)  # in the act's order
    if not doing:
        return None
    heard = [t for t in terms if t not in ev.unheard] or terms
    need = CLAIM_SUPPORT * (ev.weight(heard) or 1.0)
    found = None
    for sentence in ev.candidates[:CLAIM_DEPTH]:
        article = article_text(ev, sentence)  # the claim's other words may stand in the article's other sentences
        if ev.weight([t for t in heard if ev.mentions(t, article)]) < need:
            continue
        text = sentence.norm
        at = next((i for t in doing if (i := text.find(t)) >= 0), -1)  # where the act's first word stands
        if at < 0:
            continue
        if ev.mentions(claimed.party, text):
            return None  # a sentence names the claim's party with its act: the claim may be true
        theirs = _acting(text, at)
        if theirs is None:
            continue
        if _same(ev, claimed.party, theirs):
            return None
        if found is None:
            start = text.rfind(theirs, 0, at)
            start -= text[start - 1:start] == "由"
            clause = _clause_start(text, at)  # the clause the act is written in
            act = CLAUSE_END.split(text[at:])[0]
            words = text[start:at] + act if clause <= start else f"{text[start:start + len(theirs)]}…{text[clause:at]}{act}"
            found = sentence, words
    return found
