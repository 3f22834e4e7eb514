"""Claims a question puts to the documents (…有效期是5年,对吗?): the sentence a claim is about,
the figures it is compared with (bound to the clause of its subject), whether a sentence holds it,
or speaks of another kind of its subject; and what an answer would quote for a sentence (its
provision, the penalty punishing it). Whether a sentence belies or confirms the claim:
assistant.compose.verdicts."""
from __future__ import annotations

import re

from assistant.compose.cite import SINGLE_FACT_LIMIT
from assistant.compose.evidence import Candidate, Evidence
from assistant.compose.extractive import quoted_spans
from assistant.compose.provisions import provision_spans
from assistant.index.tokens import segmenter
from assistant.question.premises import figures_in, stated_quantities, stated_spans, told_only
from assistant.question.terms import dictionary_words
from ingest.normalize import normalize
from ingest.patterns import CITED_TITLE
from ingest.statute import article_at

# a claim the question puts (…由X主管,对吗?) must be held, terms and all, by one sentence and
# its context: chosen on the development corpus's dev split, where true claims hold 0.85 or
# more and 4 of the 6 false ones without a figure hold less than 0.8
CLAIM_SUPPORT = 0.8
CLAIM_DEPTH = 8  # sentences searched for one that holds the claim
CORRECTED = "不对:"  # how an answer correcting the claim begins, before its reason
CONTRADICTED = "文件的规定是"  # after 不对: and the reason
FIGURE_BELIED = "问题中的"  # how the reason begins where a figure the question states is belied (问题中的“五年”与…不符)
CONFIRMED = "是。文件的规定是: "


def rivals(ev: Evidence, sentence: Candidate, figure: tuple[float, str]) -> bool:
    """Does the sentence (or the penalty punishing it) state a figure in the claimed figure's unit
    but of another value? Then the claim is contradicted, not merely unsupported."""
    return any(unit == figure[1] and value != figure[0] or _other_period((value, unit), figure)
               or _other_ratio((value, unit), figure) for value, unit in claimed_figures(ev, sentence))


# a multiple and a percentage of the same base are one kind of figure (非法收入的一到三倍 against
# 相当于非法收入的15%至20%): 一倍 is 100%
_PERCENT = {"倍": 100.0, "%": 1.0}


def _other_ratio(said: tuple[float, str], claimed: tuple[float, str]) -> bool:
    """Is one a multiple and the other a percentage, of another size?"""
    if said[1] == claimed[1] or said[1] not in _PERCENT or claimed[1] not in _PERCENT:
        return False
    return said[0] * _PERCENT[said[1]] != claimed[0] * _PERCENT[claimed[1]]


# periods in units of days, to compare a claim's 一个星期 with a text's 三十日 (a 个月 of 30 days, so
# 一个月 is no rival to 三十日: they differ by less than _SAME_PERIOD)
_DAYS = {"日": 1.0, "周": 7.0, "个月": 30.0, "年": 365.0}
_SAME_PERIOD = 0.1


def _other_period(said: tuple[float, str], claimed: tuple[float, str]) -> bool:
    """Are both periods in units of days, in different units, and of clearly different length?"""
    if said[1] == claimed[1] or said[1] not in _DAYS or claimed[1] not in _DAYS:
        return False
    a, b = said[0] * _DAYS[said[1]], claimed[0] * _DAYS[claimed[1]]
    return abs(a - b) > _SAME_PERIOD * max(a, b)


# words of what a claim says a thing takes in or leaves out: compared on their own (a definition
# says 是指…及装修工程 for a claim that 建设工程包括装修工程)
_INCLUSION = re.compile(r"不?(?:包括|包含)|不含|不属于")


# X化, X性 are other words than X (地方标准化技术委员会 is no 地方标准)
_DERIVED = re.compile(r"[化性]")


def said_whole(word: str, text: str) -> bool:
    """Does the text say the word as a word of its own, not the stem of a derived one?"""
    return any(not _DERIVED.match(text, m.end()) for m in re.finditer(re.escape(word), text))


def act_said(ev: Evidence, act: str, said: str) -> bool:
    """Does a provision's words say the act as the claim puts it (制定地方标准): its words run
    together said whole where they stand together, else each word some document holds said
    whole — not 制定地方标准化指导性技术文件, nor 对地方标准化技术委员会进行考核评价?"""
    words = [w for w, _, _ in segmenter().tokenize(act) if len(w) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", w)]
    words = [w for w in words if not any(w != o and w in o for o in words)]
    run = "".join(words)
    if run and run in act and run in said:
        return said_whole(run, said)
    at = 0
    for w in words:  # in the claim's order (制定…地方标准, not 参照地方标准制定程序)
        if w in ev.unheard:
            continue
        found = next((m.end() for m in re.finditer(re.escape(w), said[at:]) if not _DERIVED.match(said, at + m.end())), None)
        if found is None:
            return False
        at += found
    return True


def case_terms(ev: Evidence) -> tuple[str, ...]:
    """The claim's terms only the asker's own case tells, before the claim names the document it
    goes by (我们市要调整自来水价格，…，按价格法，这种听证会…): no provision need hold them."""
    return told_only(held_terms(ev), ev.query.asked)


def held_terms(ev: Evidence) -> list[str]:
    """The claim's terms a sentence must hold for the claim to be about it."""
    return [t for t in ev.claim_terms if not _INCLUSION.fullmatch(t)]


_INCLUDED_END = re.compile(r"[，,；;。？?]|对吗|对吧|对不对|是吗|是不是|吗")


def _included(ev: Evidence) -> list[str]:
    """The terms of the thing a claim says is taken in or left out (…包括[质量强省],对吗?)."""
    m = _INCLUSION.search(ev.query.asked)
    if m is None:
        return []
    thing = _INCLUDED_END.split(ev.query.asked[m.end():])[0]
    return [t for t in held_terms(ev) if t in thing]


def claim_held(ev: Evidence, sentence: Candidate) -> bool:
    """Does the sentence hold the claim's terms (CLAIM_SUPPORT of their weight)? The words of the
    figures the claim states (十五个工作日) and of the liability it asserts (连带责任) are left out:
    they are compared on their own, and a sentence stating another figure (七个工作日) or another
    liability (相应责任) is about the same thing. What a claim says is taken in or left out must be
    held whole by the sentence's own words (not by the title of a document it cites: 《山东省质量
    强省建设纲要》 does not take 质量强省 into 四强工程)."""
    own = CITED_TITLE.sub("", sentence.norm)
    return (_claim_weight(ev, sentence) >= CLAIM_SUPPORT * (ev.weight(held_terms(ev)) or 1.0)
            and all(ev.mentions(t, own) for t in _included(ev)))


def heard_held(ev: Evidence, sentence: Candidate, share: float = CLAIM_SUPPORT, leaving_out: tuple[str, ...] = ()) -> bool:
    """Does the sentence hold ``share`` of the claim's terms that some document holds (the asker's
    story aside: 一直, 店里), less those within ``leaving_out`` (the claim's words for an event
    compared on its own)? CLAIM_SUPPORT is enough where it also states every figure the claim does."""
    heard = [t for t in held_terms(ev) if t not in ev.unheard] or held_terms(ev)
    terms = [t for t in heard if not any(t in w for w in leaving_out)]
    return ev.weight(claim_covered(ev, sentence) & set(terms)) >= share * (ev.weight(terms) or 1.0)


def _claim_weight(ev: Evidence, sentence: Candidate) -> float:
    """How much of the claim's terms a sentence holds."""
    return ev.weight(claim_covered(ev, sentence) & set(held_terms(ev)))


def claim_covered(ev: Evidence, sentence: Candidate) -> frozenset[str]:
    """The question's terms a sentence holds, with those of the case it continues (情节严重的，吊销…
    after 药品经营企业…未按照规定进行记录…；) and of the provisions punishing it when the claim is
    about a penalty: a duty and the penalty for breaking it are one claim."""
    said = " ".join(t for t in (_case_before(ev, sentence), punishing_text(ev, sentence)) if t)
    return sentence.covered | frozenset(t for t in ev.weights if said and ev.mentions(t, said))


# a sentence opening with a further case (情节严重的，, 逾期不改正的，, 拒不改正的，)
_FURTHER_CASE = re.compile(r"^[^，,。；;]{1,12}的[，,]")


def _case_before(ev: Evidence, sentence: Candidate) -> str:
    """For a sentence of a statute opening with a further case, the normalised text of its
    paragraph before it (the act whose graver case it is); "" otherwise."""
    if not _FURTHER_CASE.match(sentence.norm):
        return ""
    article = article_at(ev.snap.articles(sentence.doc_id), sentence.start)
    paragraph = next((p for p in article.paragraphs if p.start <= sentence.start < p.end), None) if article else None
    return normalize(ev.text(sentence.doc_id)[paragraph.start:sentence.start]) if paragraph else ""


def claimed_figures(ev: Evidence, sentence: Candidate) -> set[tuple[float, str]]:
    """The figures a claim about ``sentence`` is compared with: the sentence's own (the 三十日 of
    起诉 in the next sentence of its article is not the 十五日 of 复审); for a sentence stating
    none (an item under a lead that sets the fine), its provision's; for a claim about how a
    duty is punished (…的，处五万元罚款，对吗?), the figures of the provisions that punish it too."""
    own = _bound_figures(ev, sentence.norm) or _bound_figures(ev, provision_text(ev, sentence))
    punishing = punishing_text(ev, sentence)
    return own | figures_in(punishing) if punishing else own


CLAUSE_END = re.compile(r"[，,；;。：:]")


def _bound_figures(ev: Evidence, text: str) -> set[tuple[float, str]]:
    """The figures of ``text`` a claim may be about: of those in one unit, the ones stated in the
    clauses that hold most of the claim's terms. …地基基础和主体结构的保险期间至少为10年，防水工程的
    保险期间至少为5年: a claim on 防水工程 is about 5年, not 10年."""
    terms = ev.claim_terms
    by_unit: dict[str, list[tuple[float, set[tuple[float, str]]]]] = {}
    for clause in CLAUSE_END.split(text):
        figures = figures_in(clause)
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


def claim_penalty_spans(ev: Evidence, sentence: Candidate) -> list[tuple[int, int]]:
    """For a claim about a penalty, the provisions of other articles that punish the sentence's
    article (违反本法第十四条第五款规定的，…处十万元罚款); none for other claims."""
    return ev.punishing(sentence.doc_id, sentence.start)[0] if ev.asks_penalty else []


def punishing_text(ev: Evidence, sentence: Candidate) -> str:
    return ev.punishing(sentence.doc_id, sentence.start)[1] if ev.asks_penalty else ""


def claim_sentence(ev: Evidence) -> Candidate:
    """The sentence a claim the question puts is about: one that holds the claim's terms and
    states its figures, when there is one (a law may set 九个月 in one article and 十二个月 in
    the next for a like step: the claim is true of the first), else the sentence that holds most
    of its terms."""
    pool = ev.candidates[:CLAIM_DEPTH]
    # rounded: a sum over a set of terms differs in its last bits from one process to the next
    # the claim's own terms first: not the asker's story (在山东找店里修手机，…) a provision also names
    key = lambda c: (round(_claim_weight(ev, c), 6), round(ev.weight(claim_covered(ev, c)), 6), c.score)  # noqa: E731
    figures = stated_quantities(ev.query.asked)
    if figures:
        holding = [c for c in pool if claim_held(ev, c)]
        # a sentence on another subject of the same kind (团体标准…五年) does not make a claim on
        # 地方标准…五年 true
        agreeing = [c for c in holding if all(q in claimed_figures(ev, c) for q in figures) and not rival_subject(ev, c)]
        if agreeing:
            return max(agreeing, key=key)
        if holding:  # the claim is about the sentence holding most of it, whatever figure it states
            return max(holding, key=lambda c: (round(_claim_weight(ev, c), 6), c.score))
        # none holds it (the asker's story in its words): of those stating a figure of its kind
        # (超过十五日未退款 for 一个月内), the one holding most of it
        kinds = {_kind(u) for _, u in figures}
        stating = [c for c in pool if any(_kind(u) in kinds for _, u in figures_in(c.norm))]
        if stating:
            return max(stating, key=key)
    return max(pool, key=key)


def _kind(unit: str) -> str:
    """What a figure's unit measures: a period in days (日, 周, 个月, 年) or the unit itself."""
    return "period" if unit in _DAYS else unit


def rival_subject(ev: Evidence, sentence: Candidate) -> bool:
    """Does the sentence speak of another kind of the claim's subject: the claim's 地方标准 where
    the sentence has 标准 only after another noun (团体标准)? A term of the claim the sentence
    lacks, written just before a term it holds, which the sentence puts after another noun
    (收到申请 is no other kind of 复审申请: 收到 is no noun)."""
    asked, norm = ev.query.asked, sentence.norm
    nouns = dictionary_words()[0]
    earlier = ev.query.follow_up  # a follow-up: a word only the earlier question had is no subject now
    for t in ev.claim_terms:
        if t in sentence.covered or ev.mentions(t, norm) or t not in nouns or earlier and t not in earlier:
            continue
        at = asked.find(t)
        while at >= 0:
            after = asked[at + len(t):]
            for h in sentence.covered:
                if len(h) >= 2 and h in nouns and after.startswith(h) and t + h not in norm:
                    if any(norm[i - 2:i] in nouns for i in occurrences(norm, h) if i >= 2):
                        return True
            at = asked.find(t, at + 1)
    return False


def occurrences(text: str, word: str) -> list[int]:
    found, i = [], text.find(word)
    while i >= 0:
        found.append(i)
        i = text.find(word, i + 1)
    return found


def quoted_text(ev: Evidence, cand: Candidate) -> str:
    """What an answer would quote for a sentence (its provision, the penalty that punishes
    it), normalised: the figure asked may stand there rather than in the sentence itself."""
    text = ev.text(cand.doc_id)
    return normalize(" ".join(text[s:e] for s, e, _ in quoted_spans(ev, cand, SINGLE_FACT_LIMIT)))


def provision_text(ev: Evidence, cand: Candidate) -> str:
    """The normalised text of the provision a sentence belongs to (its paragraph's lead too,
    for an item), or of the sentence alone outside a statute."""
    text = ev.text(cand.doc_id)
    articles = ev.snap.articles(cand.doc_id)
    spans = provision_spans(text, articles, cand.start, cand.end) if articles else [(cand.start, cand.end)]
    return normalize(" ".join(text[a:b] for a, b in spans))


def figure_as_asked(ev: Evidence, q: tuple[float, str]) -> str:
    """A figure of the question as the asker wrote it (五万元, 十五个工作日), else as a number."""
    asked = ev.query.asked
    for s, e in stated_spans(asked):
        if q in figures_in(asked[s:e]):
            return asked[s:e]
    value, unit = q
    return f"{value:g}{unit}"
