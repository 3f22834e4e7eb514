"""A claim that says the opposite of a provision in one word of a closed pair: paid against free
(地方标准的文本得花钱购买 against 免费公开地方标准文本), valid against void (这张告示是有效的 against
…的内容无效), lighter against heavier punishment (从轻处罚 against 从重处罚). Each pair is a
concept, written as the asker (花钱, 要交钱) and as a provision (免费, 无偿) say it. Also the
claims a provision belies by saying an act does or does not happen (不会重新计算, 会提前告诉), by
joining a second party to the one claimed (只要投诉人同意), by fixing another value for a thing
(以…为准) and by allowing in one case what the claim bars in every case (一律不得更改). The other
verdicts on a claim: assistant.compose.verdicts, slots and sequence."""
from __future__ import annotations

import re
from typing import NamedTuple

from assistant.compose.claims import CLAIM_DEPTH, case_terms, heard_held, held_terms
from assistant.compose.evidence import Candidate, Evidence
from assistant.compose.verdicts import POLARITY_SUPPORT
from assistant.index.tokens import segmenter
from assistant.question.premises import claim_part


class Opposites(NamedTuple):
    claimed: re.Pattern[str]  # how a claim puts one side
    said: re.Pattern[str]  # how a provision puts the other


_PAID = r"花钱|掏钱|交钱|要钱|付钱|给钱|出钱|钱[^,;。]{0,8}(?:付|出)|付费|缴费|交费|收费|购买|(?<![不无])有偿"
_FREE = r"免费|无偿|不收费|不收取[^,;。]{0,8}费用?|不得收取[^,;。]{0,8}费用?|不花钱|不要钱"
PAIRS = (
    Opposites(re.compile(rf"(?<!不)(?:{_PAID})"), re.compile(_FREE)),  # paid, said free
    Opposites(re.compile(_FREE), re.compile(r"(?<![不免无])(?:收取|缴纳|支付)[^,;。]{0,8}费用?|(?<![不无])有偿")),
    Opposites(re.compile(r"(?<![无不])有效(?!期)|具有[^,;。]{0,4}效力"), re.compile(r"无效|不发生效力|不具有[^,;。]{0,4}效力")),
    Opposites(re.compile(r"无效|不发生效力"), re.compile(r"(?<![无不])有效(?!期)|(?<!不)发生效力")),
    Opposites(re.compile(r"从轻|减轻"), re.compile(r"从重|加重")),
    Opposites(re.compile(r"从重|加重"), re.compile(r"从轻|减轻")),
)


def _clause_start(norm: str, at: int) -> int:
    """Where the clause ``at`` stands in begins."""
    return max(norm.rfind(c, 0, at) for c in ",;。") + 1


def antonym_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A sentence about the claim (POLARITY_SUPPORT of its terms, among those searched) whose
    clause says the other side of a pair the claim says one side of, and never the claim's side:
    the sentence and that clause. The claim's words for its side (花钱, 购买) are left out of what
    the sentence must hold: the other side is what it holds instead; so are the words only the
    asker's case tells before the claim names its document (市场监管部门来我们厂…, 按…条例，这些样品…)."""
    story = case_terms(ev)
    claim = claim_part(ev.query.asked)
    for pair in PAIRS:
        sides = tuple(m.group(0) for m in pair.claimed.finditer(claim))
        if not sides:
            continue
        sides += story
        for sentence in ev.candidates[:CLAIM_DEPTH]:
            if not heard_held(ev, sentence, POLARITY_SUPPORT, sides) or pair.claimed.search(sentence.norm):
                continue
            if m := pair.said.search(sentence.norm):
                clause = re.split(r"[,;。]", sentence.norm[m.start():])[0]
                return sentence, clause
    return None


# a claim that an act does not happen (…不会重新计算, 就不再受理), against a provision saying it
# does: the act is the words after the negation, up to the clause's end
_DENIED = re.compile(r"(?:不会|不再|并不|不就|就不)(?P<act>[\u4e00-\u9fff]{2,6}?)(?=了?[,;。?]|了?(?:对|是|吧|吗)|$)")
# the share of the claim's other terms the sentence must hold: the act itself, said whole, is the
# rest of the match (the asker tells the thing in their words: 修过的这块地方 for 经维修的部位)
DENIED_SUPPORT = 0.4
_NEGATED_BEFORE = re.compile(r"(?:[不未无非没]|不再|不会|不予|不得|不必|无需|无须|免予)\s*$")


def denied_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A sentence about the claim that says the act the claim denies (经维修的部位保修期限…重新计算
    against 保修期…不会重新计算,对吧?), never negated: the sentence and its clause saying it."""
    claim = claim_part(ev.query.asked)
    m = _DENIED.search(claim)
    if m is None:
        return None
    act = m.group("act")
    for sentence in ev.candidates[:CLAIM_DEPTH]:
        if not heard_held(ev, sentence, DENIED_SUPPORT, (act, m.group(0)) + case_terms(ev)):
            continue
        said = [s for s in re.finditer(re.escape(act), sentence.norm)]
        if said and not any(_NEGATED_BEFORE.search(sentence.norm[max(0, s.start() - 4):s.start()]) for s in said):
            return sentence, sentence.norm[_clause_start(sentence.norm, said[0].start()):said[0].end()]
    return None


# a claim that one party alone acts or consents (只要投诉人同意, 只需要转让人一方…提出申请) against a
# provision requiring two together (经投诉人和被投诉人同意, 转让人和受让人…共同…提出申请)
_ALONE = re.compile(r"(?:只要|只需要?|仅需|单凭)(?P<one>[\u4e00-\u9fff]{2,12}?)(?P<act>同意|申请|签字|签订|提出|决定|盖章)")
_JOINED = re.compile(r"和|与|以及|及")


def joint_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A sentence about the claim whose clause with the claim's act joins to the claim's one
    party another (投诉人和被投诉人): the sentence and that clause from the party on."""
    claim = claim_part(ev.query.asked)
    m = _ALONE.search(claim)
    if m is None:
        return None
    one, act = m.group("one"), m.group("act")
    # the terms of the claim's clause that says who acts (只要我这个投诉人同意调解), the rest of
    # the claim tells what follows
    clause = re.split(r"[,;。?]", claim[m.start():])[0]
    terms = [t for t in held_terms(ev) if t in clause and t not in ev.unheard]
    for sentence in ev.candidates[:CLAIM_DEPTH]:
        if ev.weight([t for t in terms if ev.mentions(t, sentence.norm)]) < POLARITY_SUPPORT * (ev.weight(terms) or 1.0):
            continue
        for clause in re.split(r"[;。]", sentence.norm):
            if act not in clause:
                continue
            for j in _JOINED.finditer(clause):
                left, right = clause[:j.start()], clause[j.end():]
                party = next((left[-n:] for n in range(6, 1, -1) if left[-n:] in one), "")
                if party and len(right) >= 2 and right[:2] not in one:
                    said = clause[j.start() - len(party):]
                    cut = said.find(",", said.find(act))  # to the end of the act's own clause
                    return sentence, said[:cut] if cut > 0 else said
    return None


# a claim that an act will happen (检查人员会提前告诉我们…, 再审时法院也会适用这个规定), against a
# provision saying it must not or does not (不得事先告知, 不适用本规定)
_WILL = re.compile(r"(?<![不没])(?:也|都|就|还)?(?<![不没])会(?P<act>[\u4e00-\u9fff]{2,12})")  # (not 不会)
_DENIES = re.compile(r"不得|不予|不应当|禁止|不(?=[\u4e00-\u9fff])")
_DENIED_REACH = 6  # characters after the negation where the act's first word must stand


def affirmed_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A sentence about the claim that negates the act the claim says will happen, its first
    word (or the document's word for it) within reach of the negation: the sentence and clause."""
    claim = claim_part(ev.query.asked)
    # 会 as a word of its own (not the 会 of 委员会, 协会, 社会)
    alone = [s for w, s, _ in segmenter().tokenize(claim) if w == "会"]
    m = next((m for m in _WILL.finditer(claim) if m.end() - len(m.group("act")) - 1 in alone), None)
    if m is None or _DENIED.search(claim):
        return None
    words = [w for w, _, _ in segmenter().tokenize(m.group("act")) if len(w) >= 2 and w not in ev.unheard][:2]
    if not words:
        return None
    for sentence in ev.candidates[:CLAIM_DEPTH]:
        if not heard_held(ev, sentence, DENIED_SUPPORT, (m.group(0),) + case_terms(ev)):
            continue
        for neg in _DENIES.finditer(sentence.norm):
            reach = sentence.norm[neg.end():neg.end() + _DENIED_REACH]
            if any(ev.mentions(w, reach[:len(w) + 2]) for w in words):
                return sentence, re.split(r"[,;。]", sentence.norm[_clause_start(sentence.norm, neg.start()):])[0]
    return None


# a claim of what a thing is taken to be (工程竣工时间以工程交付使用的日期为准) against the provision
# that fixes it otherwise (…签署齐备的日期为工程竣工时间)
_TAKEN_AS = re.compile(r"(?P<thing>[\u4e00-\u9fff]{3,10}?)(?:以|按)(?P<value>[^,;。?]{2,24}?)为准")


def defined_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A sentence fixing the claim's thing (…为工程竣工时间, 工程竣工时间以…为准) to a value that is
    not the claim's: the sentence and its words fixing it."""
    m = _TAKEN_AS.search(claim_part(ev.query.asked))
    if m is None:
        return None
    thing, value = m.group("thing"), m.group("value")
    for sentence in ev.candidates[:CLAIM_DEPTH]:
        norm = sentence.norm
        fixed = re.search(rf"(?P<v>[^,;。]{{2,40}})为{re.escape(thing)}|{re.escape(thing)}(?:以|按)(?P<w>[^,;。]{{2,40}}?)为准", norm)
        if fixed is None:
            continue
        theirs = fixed.group("v") or fixed.group("w")
        if value not in theirs and _reach_of(value, theirs) < 4:
            return sentence, fixed.group(0)
    return None


def _reach_of(value: str, theirs: str) -> int:
    """The longest run of the claim's value the provision's value holds."""
    return max((n for n in range(2, len(value) + 1) for i in range(len(value) - n + 1) if value[i:i + n] in theirs), default=0)


# a claim that an act is barred in every case (一律不得更改，就算发现确有差错也不能改) against a
# provision that allows it in a case (…确有差错和失误需要更改的，应当按照规定的程序…更改)
_EVERY_CASE = re.compile(r"一律|无论|不管|就算|即使|哪怕|任何情况")
_BARRED = re.compile(r"(?:不得|不能|不可以|不准|不许)(?P<act>[\u4e00-\u9fff]{1,4})")


def allowed_case_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A sentence about the claim allowing, in a case it names (…的，应当/可以…), the act the
    claim says is barred in every case: the sentence and that clause."""
    claim = claim_part(ev.query.asked)
    m = _BARRED.search(claim)
    if m is None or not _EVERY_CASE.search(claim):
        return None
    act = m.group("act")
    for sentence in ev.candidates[:CLAIM_DEPTH]:
        if not heard_held(ev, sentence, DENIED_SUPPORT, (m.group(0),) + case_terms(ev)):
            continue
        case = re.search(rf"的[,](?P<said>(?:应当|可以|可)[^;。]{{0,40}}?{re.escape(act[:2])}[^,;。]*)", sentence.norm)
        if case and not _BARRED.search(case.group("said")):
            return sentence, sentence.norm[:case.end()]
    return None
