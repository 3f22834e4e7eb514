"""Verdicts on a claim a question puts (…可以收取检验费用,对吗?): the checks that find a sentence
saying otherwise — the opposite modal (只能 against 也可以, 不包括 against a definition listing
it), another actor, the other bound, another starting event, another year's figure of a yearly
series, an exception to a rule claimed for every case — and the sentence that confirms it (是).
A claim with one thing changed in a slot: assistant.compose.slots. What the
claim is about and which figures it is compared with: assistant.compose.claims."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from assistant.compose.cite import SINGLE_FACT_LIMIT, cite
from assistant.compose.claims import (CLAIM_DEPTH, CLAIM_SUPPORT, CLAUSE_END, CONFIRMED, claim_covered, claim_held,
                                      act_said, claim_sentence, claimed_figures, heard_held, held_terms, provision_text,
                                      punishing_text)
from assistant.compose.evidence import Candidate, Evidence, sentence_spans
from assistant.compose.extractive import Shaped, quoted_spans
from assistant.question.interrogatives import only_in_frames
from assistant.question.kinds import asserts_claim
from assistant.question.premises import (asserted_liabilities, asserted_roles, bounded_figures, holds_role, liabilities_in,
                                         stated_bounds, stated_frequencies, stated_quantities)
from ingest.normalize import normalize
from ingest.statute import article_at


# what a claim says one may, need not, must not or must do (可以不 and 不可以 before 可以; 可 in a
# statute's 可并处, 可处…罚款), and
# what it says a thing takes in or leaves out (建设工程不包括装修工程, 净含量是指包括包装容器在内的…)
MODALS = (("excludes", re.compile(r"不包括|不包含|不含|不属于|不算")),
           ("includes", re.compile(r"(?<![不])(?:包括|包含)")),
           ("need_not", re.compile(r"无需|无须|不需要|不需|不用|不必|免于|可以不|不一定(?:非)?(?:要|得|需要)|不是非(?:要|得)|不非得"
                                   r"|可以(?:自行|自己)?(?:决定|选择)(?:要不要|是否)")),  # discretion
           ("must_not", re.compile(r"不得|不准|不许|禁止|严禁|不能|不可以|不允许|无权|不应当|不应")),
           ("only", re.compile(r"只能|只可以|只可|仅能|仅可|只得|仅限")),
           ("may", re.compile(r"(?<![不无只仅])(?:可以|允许|准许|有权|能够|可(?=并处|处以?|予以|申请|依法|要求|委托|先行|延长|责令))")),
           ("must", re.compile(r"(?<![不无])(?:应当|必须)|不免除|仍应|仍须")))  # 不免除…的责任: it stays owed
# one may do it only so (调解只能采取现场调解方式) against a sentence that also allows another way
_ALSO = re.compile(r"也可以|也可|还可以|亦可")
# a definition or list takes the thing in (是指…及装修工程); a text leaves it out (去除包装容器…后)
_LISTS = re.compile(r"包括|包含|是指|属于")
_REMOVES = re.compile(r"去除|除去|扣除|不包括|不包含|不含")
_OPPOSITE = {"need_not": "must", "may": "must_not", "must_not": "may", "must": "may", "only": "also",
             "excludes": "lists", "includes": "removes"}
ACT_END = re.compile(r"[，,；;。？?]|对吗|对吧|对不对|是吗|是不是|吧|吗")
# the share of the claim's terms a sentence must hold for its modal to contradict the claim's:
# less than CLAIM_SUPPORT, as the act is put in other words where it is the opposite
# (可以向企业收取检验费用 against 不准向企业收费)
POLARITY_SUPPORT = 0.6
# and the share of its terms before the modal that the sentence's article must hold (the asker's
# words for who and when are often not the article's: 厂家 and 被罚 for 产品质量责任方 and 上述处罚)
SUBJECT_SUPPORT = 0.6


# what a text wants done and does not require (提倡…办理第三者责任保险, 鼓励其他农产品生产者…检测)
_WANTED = re.compile(r"提倡|鼓励")
_MODAL_OF = dict(MODALS) | {"also": _ALSO, "lists": _LISTS, "removes": _REMOVES, "wanted": _WANTED}
_INCLUSIONS = frozenset({"includes", "excludes", "lists", "removes"})


def _sentences_holding(ev: Evidence, terms: list[str], share: float) -> list[Candidate]:
    """The sentences searched for a claim (CLAIM_DEPTH) that hold ``share`` of the weight of
    ``terms`` (of those some document holds: 店里 in the asker's story is in none), those
    holding most first."""
    terms = [t for t in terms if t not in ev.unheard] or terms
    need = share * (ev.weight(terms) or 1.0)
    held = {id(c): ev.weight(claim_covered(ev, c) & set(terms)) for c in ev.candidates[:CLAIM_DEPTH]}
    pool = [c for c in ev.candidates[:CLAIM_DEPTH] if held[id(c)] >= need]
    return sorted(pool, key=lambda c: -round(held[id(c)], 6))


def loosely_held(ev: Evidence, sentence: Candidate) -> bool:
    """Does the sentence hold POLARITY_SUPPORT of the claim's terms some document holds? Enough
    for a claim told in the asker's words (商场里的柜台出租者…让我买到问题食品…) to be about it
    when what it asserts (补充责任) is compared on its own."""
    return heard_held(ev, sentence, POLARITY_SUPPORT)


def _modal_said(ev: Evidence, sentence: Candidate, kind: str, doing: list[str]) -> str | None:
    """The sentence's words from a modal of ``kind`` to its clause's end, when they hold a term of
    the act the claim names; for what a thing takes in or leaves out, the words to the sentence's
    end (a list runs over commas), holding every term of the thing (against the claim's, its first)."""
    for o in _MODAL_OF[kind].finditer(sentence.norm):
        if kind in _INCLUSIONS:
            # (against the claim's own, the thing it names first: 包括[包装容器]在内的商品总质量)
            theirs = sentence.norm[o.end():].rstrip("。；;")
            if all(ev.mentions(t, theirs) for t in (doing[:1] if kind in ("lists", "removes") else doing)):
                return o.group(0) + theirs
            continue
        clauses = CLAUSE_END.split(sentence.norm[o.end():])
        theirs = clauses[0]
        if len(theirs) <= _HOW_CLAUSE and len(clauses) > 1:  # 应当按照有关规定，移送司法机关: how, then what
            theirs += "," + clauses[1]
        if any(ev.mentions(t, theirs) for t in doing):
            return o.group(0) + theirs
    if kind == "also" and not _MODAL_OF["only"].search(sentence.norm):
        return _alternative(ev, sentence.norm, doing)
    return None


_OR = re.compile(r"或者|或(?![是许])")
_HOW_CLAUSE = 8  # most characters of a clause saying only how the modal's act is done (按照有关规定)


def _alternative(ev: Evidence, norm: str, doing: list[str]) -> str | None:
    """The clause of a sentence that offers the claim's way and another (向委托监督检验的行政机关或者
    其上一级主管机关申请复检, against 只能向委托监督检验的行政机关申请复检): it holds the claim's act
    (POLARITY_SUPPORT of its terms); the words before 或者 end as the claim's way does, and after
    the other way the clause goes on as the claim does after its way (申请复检)."""
    only = _MODAL_OF["only"].search(ev.query.asked)
    if only is None:
        return None
    act = ACT_END.split(ev.query.asked[only.end():])[0]
    for clause in CLAUSE_END.split(norm):
        held = [t for t in doing if ev.mentions(t, clause)]
        if ev.weight(held) < POLARITY_SUPPORT * ev.weight(doing):
            continue
        for m in _OR.finditer(clause):
            way = clause[max(0, m.start() - 2):m.start()]
            at = act.find(way) if len(way) == 2 else -1
            goes_on = act[at + 2:].lstrip("的")[:4] if at >= 0 else ""
            if len(goes_on) >= 2 and goes_on in clause[m.end():m.end() + 24] and not act[at + 2:].startswith(clause[m.end():m.end() + 2]):
                return re.sub(r"^\s*第[零〇一二三四五六七八九十百千\d]+条\s*", "", clause)  # the clause, not the article's number
    return None


class ClaimModal(NamedTuple):
    kind: str  # a key of MODALS
    subject: list[str]  # the claim's terms before the modal: who, in what case
    doing: list[str]  # the terms of the act it qualifies, after it
    told: list[str]  # terms only the clauses before the modal's own tell (the asker's story)


def _claim_modal(ev: Evidence) -> ClaimModal | None:
    """The claim's first modal: its kind, the claim's terms before it (who, in what case) and
    those of the act it qualifies after it; None when the claim has none, or either is empty.
    Where the modal's own clause names who (…，这个办事处可以直接开展检验服务吧?), the terms before
    it are that clause's: the clauses before tell the asker's story (我们是外省的检测公司，…)."""
    asked, terms = ev.query.asked, ev.claim_terms
    for kind, pattern in MODALS:
        m = pattern.search(asked)
        if m is None:
            continue
        before, act = asked[:m.start()], ACT_END.split(asked[m.end():])[0]
        clause = before[max(before.rfind(c) for c in "，,；;") + 1:]
        local = [t for t in terms if t in clause]
        subject = local or [t for t in terms if t in before]
        doing = [t for t in terms if t in act and t not in subject]
        told = [t for t in terms if t in before and t not in subject and t not in doing] if local else []
        return ClaimModal(kind, subject, doing, told) if subject and doing else None
    return None


def _subject_held(ev: Evidence, sentence: Candidate, subject: list[str]) -> bool:
    """Does the sentence's article hold the claim's words before its modal (CLAIM_SUPPORT of
    them)? The article may say who and when, the sentence what: 七日无理由退货 in the article's
    first sentence, 应当同时退回…奖赠品 in its third."""
    context = article_text(ev, sentence)
    subject = [t for t in subject if t not in ev.unheard]  # the story's words no document holds
    return bool(subject) and ev.weight([t for t in subject if ev.mentions(t, context)]) >= SUBJECT_SUPPORT * ev.weight(subject)


def polarity_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A claim that one may do a thing (可以…收取检验费用) where a sentence says one must not
    (不准向企业收费), that one need not or must where it says one must or may (必须委托 against
    可以自行办理，也可以委托), or that one must not where it says one may: the sentence and its
    words from its modal to the clause's end; None otherwise. The sentence must hold the claim's
    words before its modal, a term of the act after it, and POLARITY_SUPPORT of the claim's terms
    (the modals left out: the opposite one is what the sentence holds instead). Of the sentences
    searched (CLAIM_DEPTH), those holding most of the claim are tried first; an opposite said of
    less of the claim's act than the sentence's other clause says its own modal of is none."""
    claimed = _claim_modal(ev)
    if claimed is None or claimed[0] not in _OPPOSITE:
        return None
    kind, subject, doing, told = claimed
    # the claim's terms, less those only the asker's story tells (see _claim_modal)
    terms = [t for t in ev.claim_terms if not any(p.fullmatch(t) for _, p in MODALS) and t not in told]
    for sentence in _sentences_holding(ev, terms, POLARITY_SUPPORT):
        if not _subject_held(ev, sentence, subject):
            continue
        said = _modal_said(ev, sentence, _OPPOSITE[kind], doing)
        own = _modal_said(ev, sentence, kind, doing)
        # of a sentence's two clauses, the one saying more of the claim's act (可以…推广活动，但不得
        # 直接开展检验服务活动: the second, of 直接开展检验服务)
        if said and (own is None or _acts_held(ev, said, doing) >= _acts_held(ev, own, doing)):
            return sentence, said
    if kind == "must":
        # a duty claimed where the text only wants the act done, said of the claim whole: a
        # sentence wanting a like act of the same party is no rival (提倡…办理第三者责任保险 for 办理登记)
        for sentence in _sentences_holding(ev, terms, CLAIM_SUPPORT):
            if _subject_held(ev, sentence, subject) and (said := _modal_said(ev, sentence, "wanted", doing)):
                return sentence, said
    return None


def _acts_held(ev: Evidence, said: str, doing: list[str]) -> float:
    return ev.weight([t for t in doing if ev.mentions(t, said)])


def _modal_held(ev: Evidence, claim: Candidate) -> bool:
    """Does the sentence say of the claim's act what the claim does (不能向企业收费: 不准向企业收费)?"""
    claimed = _claim_modal(ev)
    if claimed is None:
        return False
    kind, subject, doing, _ = claimed
    said = _modal_said(ev, claim, kind, doing) if _subject_held(ev, claim, subject) else None
    m = _MODAL_OF[kind].search(ev.query.asked)
    return said is not None and act_said(ev, ACT_END.split(ev.query.asked[m.end():])[0] if m else "", said)


def confirmed_claim(ev: Evidence) -> Candidate | None:
    """The sentence that confirms a claim: it holds the claim, states every figure, gives every
    unit the role and sets the liability the claim does (…不满十周岁的…, …由国务院市场监督管理部门
    主管, …承担连带责任, 对吗?), or says of the claim's act what the claim's modal says (不能…收费:
    不准向企业收费). Then the answer can say 是; a claim with none of these is quoted, never
    confirmed."""
    figures = stated_quantities(ev.query.asked) + stated_frequencies(ev.query.asked)
    roles = asserted_roles(ev.query.asked)
    liabilities = [k for k, _ in asserted_liabilities(ev.query.asked)]
    if not asserts_claim(ev.query.asked):
        return None
    claim = claim_sentence(ev)
    if not (figures or roles or liabilities):
        # a claim of what one may or must not do is confirmed by a sentence saying so of its act
        return claim if claim_held(ev, claim) and _modal_held(ev, claim) else None
    text = provision_text(ev, claim)
    said = claimed_figures(ev, claim)
    liable = liabilities_in(claim.norm)
    held = claim_held(ev, claim) or bool(figures) and heard_held(ev, claim)  # its figures: the rest of the match
    if (held and all(q in said for q in figures) and all(holds_role(u, r, text) for u, r in roles)
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


def bound_rival(ev: Evidence, claim: Candidate) -> str | None:
    """A figure the claim puts as one bound (3万元以上) that the sentence, its provision or the
    penalty punishing it states as the other only (3万元以下): the figure as the question wrote it."""
    texts = (claim.norm, provision_text(ev, claim), punishing_text(ev, claim))
    bounds = set().union(*(bounded_figures(t) for t in texts if t))
    other = {"upper": "lower", "lower": "upper"}
    for value, unit, bound, written in stated_bounds(ev.query.asked):
        if (value, unit, other[bound]) in bounds and (value, unit, bound) not in bounds:
            return written
    return None


# who a claim says does a thing: the actor right before its modal or its 对…负责 (施工单位应当,
# 监理单位对…负责), keyed by its suffix and the two characters before it
_ACTOR_SUFFIX = r"(?:单位|企业|经营者|生产者|销售者|机构|部门|机关|委员会|平台)"
_ACTOR = re.compile(rf"(?P<actor>[\u4e00-\u9fff]{{2}}{_ACTOR_SUFFIX})(?P<then>应当|必须|可以|不得|对)")


def actor_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A sentence giving the claim's act to another actor of the same kind (施工单位应当委托原设计
    单位 against 建设单位应当委托原设计单位; 监理单位对…施工质量负责 against 施工单位对…), and its
    words from that actor to its clause's end; None otherwise. The claim's actor is named nowhere
    in the sentence, which holds POLARITY_SUPPORT of the claim's other terms and a term of its
    act. Of the sentences searched (CLAIM_DEPTH), those holding most of the claim come first."""
    asked = ev.query.asked
    found = [m for m in _ACTOR.finditer(asked) if not any(w in m.group("actor") for w in "的和或与及、")]
    if not found:
        return None
    m = found[0]
    actor, then = m.group("actor"), m.group("then")
    terms = [t for t in ev.claim_terms if not only_in_frames(t, asked, [m.span("actor")])]
    doing = [t for t in terms if t in ACT_END.split(asked[m.end():])[0]]
    pool = _sentences_holding(ev, terms, POLARITY_SUPPORT)
    if any(actor + then in c.norm for c in pool):
        return None  # a sentence gives the act to the claim's actor: the claim may be true
    for sentence in pool:
        if actor in sentence.norm:
            continue
        for o in _ACTOR.finditer(sentence.norm):
            theirs = CLAUSE_END.split(sentence.norm[o.start():])[0]
            if o.group("then") == then and o.group("actor") != actor and any(ev.mentions(t, theirs) for t in doing):
                return sentence, theirs
    return None


# the event a period is counted from: 自核准注册之日起, 自收到通知之日起, 自交付之次日起
_COUNTED_FROM = re.compile(r"自(?P<event>[^，。；,;：:]{1,20}?)之?(?:次日|日|时)起")
# and as people say it (是从我把手机送去修的那天开始算的)
_ASKED_FROM = re.compile(r"从(?P<event>[^，。；,;：:]{2,20}?)(?:的)?(?:那天|那一天|当天|之日|那时)(?:开始|起)")


def bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def start_rival(ev: Evidence, claim: Candidate) -> str | None:
    """The sentence's 自…之日起 when the claim counts its period from another event (自申请之日起
    against 自核准注册之日起: they share no two characters but for the persons they name), the sentence holding the claim's other
    words; None otherwise."""
    asked = [m.group("event") for m in (*_COUNTED_FROM.finditer(ev.query.asked), *_ASKED_FROM.finditer(ev.query.asked))]
    # the sentence's, else its article's (包修期不得少于三十日；…包修期自商品修复并交付消费者之日起计算)
    said = [m for m in _COUNTED_FROM.finditer(claim.norm)] or [m for m in _COUNTED_FROM.finditer(article_text(ev, claim))]
    if not asked or not said:
        return None
    # the sentence holds most of the claim but for the words of its event (转让协议签订 for 公告) and
    # of the asker's story
    if not heard_held(ev, claim, POLARITY_SUPPORT, leaving_out=tuple(asked)):
        return None
    for event in asked:
        if not any(bigrams(_PERSON.sub("", event)) & bigrams(_PERSON.sub("", m.group("event"))) for m in said):
            return said[0].group(0)
    return None


# who an event befalls is no part of what it is (消费者送修 and 交付消费者 are other events)
_PERSON = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:消费者|经营者|申请人|当事人|者|人)")


def article_text(ev: Evidence, cand: Candidate) -> str:
    """The normalised text of the article a sentence stands in, or its provision's outside one."""
    article = article_at(ev.snap.articles(cand.doc_id), cand.start)
    return normalize(ev.text(cand.doc_id)[article.start:article.end]) if article else provision_text(ev, cand)


# a target set year by year over a span (2015—2017年,…合格率逐年达到91%、92%、93%): the n-th
# figure is the n-th year's
_SPAN = re.compile(r"((?:19|20)\d\d)\s*(?:年)?\s*[—\-–~至到]\s*((?:19|20)\d\d)\s*年")
_YEARLY = re.compile(r"(?:逐年|分别|依次)[^，,；;。]{0,6}?((?:\d+(?:\.\d+)?\s*[%％]\s*[、,，和]\s*)+\d+(?:\.\d+)?\s*[%％])")
_ASKED_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")


def yearly_rival(ev: Evidence, claim: Candidate) -> str | None:
    """The figure the claimed year has, when the claim gives a year one of a span's yearly
    figures that is another year's (2015年…达到93%, where 93% is 2017's); None when it agrees or
    the sentence sets no such series."""
    years = [int(y) for y in _ASKED_YEAR.findall(ev.query.asked)]
    figures = [v for v, unit in stated_quantities(ev.query.asked) if unit == "%"]
    span = _SPAN.search(claim.norm)
    if len(years) != 1 or len(figures) != 1 or span is None:
        return None
    first, last = int(span.group(1)), int(span.group(2))

    def held(m: re.Match[str]) -> float:  # the question's words in the clause the series ends
        clause = claim.norm[max(claim.norm.rfind(p, 0, m.start()) for p in "，,；;") + 1 : m.end()]
        return ev.weight([t for t in ev.weights if ev.mentions(t, clause)])

    # of several series (工业产品…逐年达到89%、90%、91%,食品…逐年达到91%、92%、93%), the indicator's asked
    series = max((m for m in _YEARLY.finditer(claim.norm, span.end())), key=held, default=None)
    if series is None:
        return None
    values = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", series.group(1))]
    if len(values) != last - first + 1 or not first <= years[0] <= last or figures[0] not in values:
        return None
    own = values[years[0] - first]
    if own == figures[0]:
        return None
    return f"{years[0]}年为{own:g}%"


# a claim that a rule holds for every case (所有网购商品都适用…) and the exceptions a provision
# makes to it (除法律、行政法规规定情形外, 但…除外, 不适用…)
_EVERY = re.compile(r"所有|一切|任何|全部|凡是|无论|一律|没有例外|无一例外|毫无例外")
_EXCEPTION = re.compile(r"除[^，,。；;]{1,40}?外|但[^。；;]{0,40}?除外|[^，,。；;]{0,30}不适用[^，,。；;]{0,30}")


def exception_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """For a claim that a rule holds in every case, a sentence stating the rule with an exception
    (the rule's sentence or the next in its article: 除法律、行政法规规定情形外，适用七日无理由退货
    制度): the sentence and the exception's words; None otherwise. The sentence holds
    POLARITY_SUPPORT of the claim's terms, the words of every case left out."""
    asked = ev.query.asked
    if not _EVERY.search(asked):
        return None
    terms = [t for t in held_terms(ev) if not _EVERY.fullmatch(t) and t != "都"]
    for sentence in _sentences_holding(ev, terms, POLARITY_SUPPORT):
        if (m := _EXCEPTION.search(sentence.norm)) is not None:
            return sentence, m.group(0)
        # the rule's sentence ends at its semicolon; its 但是…除外 follows (…不得委托生产；但是，…除外)
        following = _next_sentence(ev, sentence)
        if following is not None and _BUT.match(following[2]) and (m := _EXCEPTION.search(following[2])) is not None:
            return ev.span_candidate(sentence, sentence.start, following[1]), m.group(0)
    return None


_BUT = re.compile(r"但|但是|然而")


def _next_sentence(ev: Evidence, sentence: Candidate) -> tuple[int, int, str] | None:
    """(start, end, normalised text) of the sentence after ``sentence`` in its article."""
    article = article_at(ev.snap.articles(sentence.doc_id), sentence.start)
    if article is None:
        return None
    text = ev.text(sentence.doc_id)
    after = [(s, e) for s, e in sentence_spans(text, sentence.end, article.end) if s >= sentence.end]
    return (after[0][0], after[0][1], normalize(text[after[0][0]:after[0][1]])) if after else None
