"""Extractive answers: the sentences of the retrieved chunks that best answer the question,
each with an exact citation, shaped by question type (assistant.compose.shapes); or an
abstention with its reason when the passages do not cover the question or lack what it asks for."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answer import Citation
from assistant.compose.cite import SINGLE_FACT_LIMIT, cite, trim_to_clauses
from assistant.compose.evidence import Candidate, Evidence, gather_evidence
from assistant.compose.extractive import Shaped, quoted_spans
from assistant.compose.provisions import provision_spans
from assistant.compose.shapes import shape
from assistant.errors import ConfigError
from assistant.index.snapshot import Snapshot
from assistant.index.tokens import tokens_of_normalized
from assistant.question.kinds import MANY_THINGS_TYPES, asks_penalty, asserts_claim
from assistant.question.interrogatives import only_in_frames
from assistant.question.premises import (asserted_liabilities, asserted_roles, holds_role, required_quantities,
                                         liabilities_in, stated_figures, stated_quantities, stated_spans)
from assistant.question.terms import NUMERAL_START, dictionary_words, situation_words, topic_like
from assistant.search.hits import Hits
from ingest.normalize import normalize
from ingest.numerals import quantities, quantity_spans
from ingest.patterns import PENALTY

MIN_COVERAGE = 0.3  # chosen on the dev split: see README, "Abstention"
# a claim the question puts (…由X主管,对吗?) must be held, terms and all, by one sentence and
# its context: chosen on the development corpus's dev split, where true claims hold 0.85 or
# more and 4 of the 6 false ones without a figure hold less than 0.8
CLAIM_SUPPORT = 0.8
CLAIM_DEPTH = 8  # sentences searched for one that holds the claim
FIGURE_COVER = 0.8  # share of the best coverage a sentence stating the figure asked must have (dev split)


@dataclass(frozen=True)
class Composition:
    answer: str
    citations: list[Citation]
    abstained: bool
    reason: str = ""
    coverage: float = 0.0
    notes: tuple[str, ...] = ()  # what the reader should know besides the answer (a word the documents lack)


def unknown_topics(ev: Evidence) -> list[str]:
    """Nouns of the question that no document contains, nor any of their synonyms
    (网约车, 口罩, 局长): the question is about something the corpus does not cover."""
    texts = [ev.snap.normalized(d) for d in ev.snap.docs]

    def absent(term: str) -> bool:
        return not any(ev.mentions(term, t) for t in texts)

    asked = ev.query.asked
    figures = [(s, e) for _, _, s, e in quantity_spans(asked)]  # 小时 in 24小时内: a unit, not a topic
    unknown = []
    own = situation_words(ev.snap, ev.query)  # 女儿, 瓷砖: the asker's situation, not a topic
    earlier = ev.query.follow_up  # a follow-up: a word of the earlier question only was weighed there
    for t in ev.weights:
        if earlier and t not in earlier:
            continue
        if t in own or t.isascii() or t[0] in NUMERAL_START or not topic_like(t) or not absent(t):
            continue
        if figures and only_in_frames(t, asked, figures):
            continue
        parts = [p for p in tokens_of_normalized(t) if p != t and len(p) >= 2]
        if parts and not any(absent(p) for p in parts):
            continue  # 工商部门: 工商 and 部门 are both in the documents
        if any(not absent(t[:i]) and not absent(t[i:]) for i in range(2, len(t) - 1)):
            continue  # the same, when jieba's parts (工商部) hide the split
        at = asked.find(t)
        before = asked[max(0, at - 2) : at] if at > 0 else ""
        if before and any(not absent(before + t[:i]) and not absent(t[i:]) for i in range(1, len(t))):
            continue  # cut in the wrong place: 广告主罚 read as 广告 + 主罚 (广告主 + 罚)
        unknown.append(t)
    return unknown


# a question with words no document has (商户, 化肥) is still answered when the rest of it
# carries most of its weight and one sentence covers most of that rest: chosen on the dev split
KNOWN_SHARE = 0.6
KNOWN_COVERED = 0.5


def answered_without(ev: Evidence, unknown: list[str]) -> bool:
    """Do the question's other terms carry it, and does one sentence hold most of them? Then a
    word the documents never use (the asker's own) is not the reason to decline."""
    known = [t for t in ev.weights if t not in unknown]
    total, rest = ev.weight(ev.weights) or 1.0, ev.weight(known)
    if not rest or rest < KNOWN_SHARE * total:
        return False
    held = max((ev.weight(c.covered & set(known)) for c in ev.candidates if not c.heading), default=0.0)
    return held >= KNOWN_COVERED * rest


def unmet_premise(ev: Evidence) -> Composition | None:
    """An abstention when the question asks for a figure the passages lack, or states one
    they do not; it quotes the nearest sentence so the user sees what the documents say."""
    top = ev.candidates[0]
    reason, lead = "", "最接近的原文"
    claims = asserts_claim(ev.query.asked)
    if ev.quantity is not None and ev.question_type not in MANY_THINGS_TYPES:
        # in a statute, whose answers quote whole provisions, a sentence stating the figure must
        # cover the question nearly as well as the best: a figure in a provision about
        # something else (保险期间 for 保修期) does not answer
        most = max(ev.weight(c.covered) for c in ev.candidates)
        # the sentence covering most is weighed too, whatever the cues added to the others' scores
        strong = [c for c in ev.candidates if (c.score >= 0.75 * top.score or ev.weight(c.covered) >= most)
                  and (ev.weight(c.covered) >= FIGURE_COVER * most or not ev.snap.articles(c.doc_id))]
        fines_answer = ev.quantity.kind != "money" or asks_penalty(ev.query.asked)
        if fines_answer and ev.quantity.kind == "money" and PENALTY.search(top.norm):
            strong.append(top)  # 罚多少? answered by the best sentence setting a fine, whatever else it covers
        # nor by a figure of another kind of the thing asked (地方标准化指导性技术文件的有效期 for 企业标准的)
        strong = [c for c in strong if not _rival_subject(ev, c)]
        if not any(_states_figure(ev, c.norm, fines_answer) or _states_figure(ev, _quoted_text(ev, c), fines_answer)
                   for c in strong):
            reason = f"文件提到了相关内容,但没有规定具体的{ev.quantity.label}"
            # quote what the documents say of the thing asked: the sentence covering most of it, not
            # one lifted by a figure of something else (锅炉停用一年 for how long a test may take)
            top = max(ev.candidates[:5], key=lambda c: (round(ev.weight(c.covered), 6), c.score))
    if not reason:
        near = [c for c in ev.candidates[:5] if c.score >= 0.6 * top.score]
        missing = [f for f in stated_figures(ev.query.normalized) if not any(f in c.norm for c in near)]
        stated = set().union(*(quantities(c.norm) for c in near)) if near else set()
        # a claim's every figure is a premise; otherwise only a figure put as a requirement
        figures = stated_quantities(ev.query.asked) if claims else required_quantities(ev.query.asked)
        wrong = [q for q in figures if q not in stated]
        if missing:
            reason = f"文件没有提到问题中的“{missing[0]}”"
        elif wrong and claims and _rivals(ev, claim := _claim_sentence(ev), wrong[0]):
            # the sentence the claim is about states another figure of that kind (三十日, not 15天)
            reason, lead, top = f"问题中的“{_figure(ev, wrong[0])}”与文件的规定不符", CONTRADICTED, claim
        elif wrong:
            reason = f"文件没有提到问题中的“{_figure(ev, wrong[0])}”"
    if not reason and claims:
        claim = _claim_sentence(ev)
        off = [q for q in stated_quantities(ev.query.asked) if q not in claimed_figures(ev, claim)]
        unheld = [(u, r) for u, r in asserted_roles(ev.query.asked)
                  if not any(holds_role(u, r, c.norm) for c in ev.candidates[:CLAIM_DEPTH])]
        held = claim_held(ev, claim)
        liable = liabilities_in(claim.norm)
        other_liability = [k for k, _ in asserted_liabilities(ev.query.asked) if liable and k not in liable]
        if off and held:
            # the provision the claim is about states another figure (十周岁, not 十四周岁)
            reason, lead, top = f"问题中的“{_figure(ev, off[0])}”与文件的规定不符", CONTRADICTED, claim
        elif other_liability and held:
            # it states another liability (因过失…承担相应责任, not 连带责任)
            reason = f"文件规定的是{'、'.join(sorted(liable))}责任,不是{other_liability[0]}责任"
            lead, top = CONTRADICTED, claim
        elif unheld:
            # the unit the claim gives a role (由安全生产监督管理部门负责) is not given it: quote who is
            unit, role = unheld[0]
            said = [c for c in ev.candidates[:CLAIM_DEPTH] if role in c.norm]
            reason, lead = f"文件没有规定由{unit}{role}", CONTRADICTED
            top = max(said, key=lambda c: (ev.weight(c.covered), c.score)) if said else claim
        elif not held:
            reason = "文件中没有与问题的说法相符的规定"
    if not reason:
        return None
    s, e = trim_to_clauses(ev.text(top.doc_id), top.start, top.end, ev.weights, SINGLE_FACT_LIMIT)
    spans = [(s, e)] + (_punishing_spans(ev, top) if lead == CONTRADICTED else [])  # the duty, then its penalty
    quotes = [cite(ev.snap, top.doc_id, a, b, n) for n, (a, b) in enumerate(spans, 1)]
    said = f"不对:{reason}" if lead == CONTRADICTED else reason
    return Composition(answer=f"{said}。{lead}: " + " ".join(f"{q.quote} [{q.n}]" for q in quotes), citations=quotes,
                       abstained=True, reason=reason, coverage=ev.coverage)


CONTRADICTED = "文件的规定是"  # after 不对: and the reason
CONFIRMED = "是。文件的规定是: "


# a fine a text sets (处十万元以上三十万元以下的罚款, 罚款五千元): the amount of a penalty
_FINE = re.compile(r"处以?[^，。；,;]{0,40}罚款(?:[^，。；,;]{0,20}元)?|罚款[^，。；,;]{0,20}元")


def _states_figure(ev: Evidence, text: str, fines_answer: bool) -> bool:
    """Does the text state the kind of figure asked? An amount of money asked about anything but
    a penalty (担保金额, 收费标准) is not answered by the fine for not paying it."""
    assert ev.quantity is not None
    return ev.quantity.found_in(text if fines_answer else _FINE.sub("", text))


def _rivals(ev: Evidence, sentence: Candidate, figure: tuple[float, str]) -> bool:
    """Does the sentence (or the penalty punishing it) state a figure in the claimed figure's unit
    but of another value? Then the claim is contradicted, not merely unsupported."""
    return any(unit == figure[1] and value != figure[0] for value, unit in claimed_figures(ev, sentence))


def claim_held(ev: Evidence, sentence: Candidate) -> bool:
    """Does the sentence hold the claim's terms (CLAIM_SUPPORT of their weight)? The words of the
    figures the claim states (十五个工作日) and of the liability it asserts (连带责任) are left out:
    they are compared on their own, and a sentence stating another figure (七个工作日) or another
    liability (相应责任) is about the same thing."""
    terms = _claim_terms(ev)
    return _claim_weight(ev, sentence) >= CLAIM_SUPPORT * (ev.weight(terms) or 1.0)


def _claim_terms(ev: Evidence) -> dict[str, float]:
    """The claim's terms less the words of the figures it states and the liability it asserts."""
    spans = stated_spans(ev.query.asked) + [span for _, span in asserted_liabilities(ev.query.asked)]
    return {t: w for t, w in ev.weights.items() if not (spans and only_in_frames(t, ev.query.asked, spans))}


def _claim_weight(ev: Evidence, sentence: Candidate) -> float:
    """How much of the claim's terms a sentence holds."""
    return ev.weight(_claim_covered(ev, sentence) & set(_claim_terms(ev)))


def _claim_covered(ev: Evidence, sentence: Candidate) -> frozenset[str]:
    """The question's terms a sentence holds, with those of the provisions punishing it when the
    claim is about a penalty: a duty and the penalty for breaking it are one claim."""
    punishing = _punishing_text(ev, sentence)
    return sentence.covered | frozenset(t for t in ev.weights if punishing and ev.mentions(t, punishing))


def claimed_figures(ev: Evidence, sentence: Candidate) -> set[tuple[float, str]]:
    """The figures a claim about ``sentence`` is compared with: the sentence's own (the 三十日 of
    起诉 in the next sentence of its article is not the 十五日 of 复审); for a sentence stating
    none (an item under a lead that sets the fine), its provision's; for a claim about how a
    duty is punished (…的，处五万元罚款，对吗?), the figures of the provisions that punish it too."""
    own = _bound_figures(ev, sentence.norm) or _bound_figures(ev, _provision_text(ev, sentence))
    punishing = _punishing_text(ev, sentence)
    return own | set(quantities(punishing)) if punishing else own


_CLAUSE_END = re.compile(r"[，,；;。：:]")


def _bound_figures(ev: Evidence, text: str) -> set[tuple[float, str]]:
    """The figures of ``text`` a claim may be about: of those in one unit, the ones stated in the
    clauses that hold most of the claim's terms. …地基基础和主体结构的保险期间至少为10年，防水工程的
    保险期间至少为5年: a claim on 防水工程 is about 5年, not 10年."""
    terms = _claim_terms(ev)
    by_unit: dict[str, list[tuple[float, set[tuple[float, str]]]]] = {}
    for clause in _CLAUSE_END.split(text):
        figures = set(quantities(clause))
        if not figures:
            continue
        held = round(ev.weight([t for t in terms if ev.mentions(t, clause)]), 6)
        for unit in {u for _, u in figures}:
            by_unit.setdefault(unit, []).append((held, {f for f in figures if f[1] == unit}))
    found: set[tuple[float, str]] = set()
    for clauses in by_unit.values():
        most = max(h for h, _ in clauses)
        for held, figures in clauses:
            if held >= most:
                found |= figures
    return found


def _punishing_spans(ev: Evidence, sentence: Candidate) -> list[tuple[int, int]]:
    """For a claim about a penalty, the provisions of other articles that punish the sentence's
    article (违反本法第十四条第五款规定的，…处十万元罚款); none for other claims."""
    return ev.punishing(sentence.doc_id, sentence.start)[0] if asks_penalty(ev.query.asked) else []


def _punishing_text(ev: Evidence, sentence: Candidate) -> str:
    return ev.punishing(sentence.doc_id, sentence.start)[1] if asks_penalty(ev.query.asked) else ""


def _claim_sentence(ev: Evidence) -> Candidate:
    """The sentence a claim the question puts is about: one that holds the claim's terms and
    states its figures, when there is one (a law may set 九个月 in one article and 十二个月 in
    the next for a like step: the claim is true of the first), else the sentence that holds most
    of its terms."""
    pool = ev.candidates[:CLAIM_DEPTH]
    # rounded: a sum over a set of terms differs in its last bits from one process to the next
    key = lambda c: (round(ev.weight(_claim_covered(ev, c)), 6), c.score)  # noqa: E731
    figures = stated_quantities(ev.query.asked)
    if figures:
        holding = [c for c in pool if claim_held(ev, c)]
        # a sentence on another subject of the same kind (团体标准…五年) does not make a claim on
        # 地方标准…五年 true
        agreeing = [c for c in holding if all(q in claimed_figures(ev, c) for q in figures) and not _rival_subject(ev, c)]
        if agreeing:
            return max(agreeing, key=key)
        if holding:  # the claim is about the sentence holding most of it, whatever figure it states
            return max(holding, key=lambda c: (round(_claim_weight(ev, c), 6), c.score))
    return max(pool, key=key)


def _rival_subject(ev: Evidence, sentence: Candidate) -> bool:
    """Does the sentence speak of another kind of the claim's subject: the claim's 地方标准 where
    the sentence has 标准 only after another noun (团体标准)? A term of the claim the sentence
    lacks, written just before a term it holds, which the sentence puts after another noun
    (收到申请 is no other kind of 复审申请: 收到 is no noun)."""
    asked, norm = ev.query.asked, sentence.norm
    nouns = dictionary_words()[0]
    earlier = ev.query.follow_up  # a follow-up: a word only the earlier question had is no subject now
    for t in _claim_terms(ev):
        if t in sentence.covered or ev.mentions(t, norm) or t not in nouns or earlier and t not in earlier:
            continue
        at = asked.find(t)
        while at >= 0:
            after = asked[at + len(t):]
            for h in sentence.covered:
                if len(h) >= 2 and h in nouns and after.startswith(h) and t + h not in norm:
                    if any(norm[i - 2:i] in nouns for i in _starts(norm, h) if i >= 2):
                        return True
            at = asked.find(t, at + 1)
    return False


def _starts(text: str, word: str) -> list[int]:
    found, i = [], text.find(word)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + 1)
    return found


def confirmed_claim(ev: Evidence) -> Candidate | None:
    """The sentence that confirms a claim: it holds the claim, states every figure, gives every
    unit the role and sets the liability the claim does (…不满十周岁的…, …由国务院市场监督管理部门
    主管, …承担连带责任, 对吗?). Then the answer can say 是; a claim with none of these is quoted,
    never confirmed."""
    figures, roles = stated_quantities(ev.query.asked), asserted_roles(ev.query.asked)
    liabilities = [k for k, _ in asserted_liabilities(ev.query.asked)]
    if not (figures or roles or liabilities) or not asserts_claim(ev.query.asked):
        return None
    claim = _claim_sentence(ev)
    text = _provision_text(ev, claim)
    said = claimed_figures(ev, claim)
    liable = liabilities_in(claim.norm)
    if (claim_held(ev, claim) and all(q in said for q in figures) and all(holds_role(u, r, text) for u, r in roles)
            and all(k in liable for k in liabilities)):
        return claim
    return None


def confirmation(ev: Evidence, shaped: Shaped, claim: Candidate) -> Shaped:
    """是, with the answer's quotes when the first holds the confirming sentence, else with its provision."""
    first = shaped.citations[0] if shaped.citations else None
    if first is not None and first.doc_id == claim.doc_id and first.start <= claim.start and claim.end <= first.end:
        return replace(shaped, text=CONFIRMED + shaped.text)
    quotes = [cite(ev.snap, claim.doc_id, s, e, n) for n, (s, e, _) in enumerate(quoted_spans(ev, claim, SINGLE_FACT_LIMIT), 1)]
    return Shaped(text=CONFIRMED + " ".join(f"{q.quote} [{q.n}]" for q in quotes), citations=quotes)


def _quoted_text(ev: Evidence, cand: Candidate) -> str:
    """What an answer would quote for a sentence (its provision, the penalty that punishes
    it), normalised: the figure asked may stand there rather than in the sentence itself."""
    text = ev.text(cand.doc_id)
    return normalize(" ".join(text[s:e] for s, e, _ in quoted_spans(ev, cand, SINGLE_FACT_LIMIT)))


def _provision_text(ev: Evidence, cand: Candidate) -> str:
    """The normalised text of the provision a sentence belongs to (its paragraph's lead too,
    for an item), or of the sentence alone outside a statute."""
    text = ev.text(cand.doc_id)
    articles = ev.snap.articles(cand.doc_id)
    spans = provision_spans(text, articles, cand.start, cand.end) if articles else [(cand.start, cand.end)]
    return normalize(" ".join(text[a:b] for a, b in spans))


def _figure(ev: Evidence, q: tuple[float, str]) -> str:
    """A figure of the question as the asker wrote it (五万元, 十五个工作日), else as a number."""
    asked = ev.query.asked
    for s, e in stated_spans(asked):
        if q in quantities(asked[s:e]):
            return asked[s:e]
    value, unit = q
    return f"{value:g}{unit}"


class ExtractiveComposer:
    def __init__(self, min_coverage: float = MIN_COVERAGE) -> None:
        if not 0 <= min_coverage <= 1:
            raise ConfigError("min_coverage must be within [0, 1]")
        self.min_coverage = min_coverage

    def compose(self, hits: Hits, snap: Snapshot) -> Composition:
        ev = gather_evidence(hits, snap)
        unknown = unknown_topics(ev) if ev.candidates else []
        if unknown and not answered_without(ev, unknown):
            reason = f"文件中没有提到“{'、'.join(unknown[:3])}”"
            return Composition(answer="", citations=[], abstained=True, reason=reason, coverage=ev.coverage)
        if not ev.candidates or ev.coverage < self.min_coverage:
            missing = [t for t in ev.weights if not any(t in normalize(h.chunk.text) for h in hits.hits[:6])]
            reason = "没有找到涵盖问题关键词的段落" + (f"(未出现: {'、'.join(missing[:5])})" if missing else "")
            return Composition(answer="", citations=[], abstained=True, reason=reason, coverage=ev.coverage)
        gap = unmet_premise(ev)
        if gap is not None:
            return gap
        shaped = shape(ev)
        if not shaped.abstained and (claim := confirmed_claim(ev)) is not None:
            shaped = confirmation(ev, shaped, claim)
        own = list(dict.fromkeys(unknown + situation_words(snap, hits.query)))
        own = [t for t in own if not any(t != u and t in u for u in own)]  # 羽绒服, not also 羽绒
        notes = (f"文件中没有“{'、'.join(own[:3])}”这个说法,以下按文件的用语回答。",) if own and not shaped.abstained else ()
        return Composition(answer=shaped.text, citations=shaped.citations, abstained=shaped.abstained, reason=shaped.reason,
                           coverage=ev.coverage, notes=notes)
