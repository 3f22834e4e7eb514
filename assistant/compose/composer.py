"""Extractive answers: the sentences of the retrieved chunks that best answer the question,
each with an exact citation, shaped by question type (assistant.compose.shapes); or an
abstention with its reason when the passages do not cover the question or lack what it asks for."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import Citation, QuestionType
from assistant.compose.addressees import with_addressees
from assistant.compose.antonyms import (affirmed_rival, allowed_case_rival, antonym_rival, defined_rival, denied_rival,
                                        joint_rival)
from assistant.compose.agents import agent_rival
from assistant.compose.cite import SINGLE_FACT_LIMIT, cite, trim_to_clauses
from assistant.compose.evidence import Candidate, Evidence, gather_evidence
from assistant.compose.claims import (CLAIM_DEPTH, CONTRADICTED, CORRECTED, claim_held, claim_penalty_spans,
                                      claim_sentence, claimed_figures, figure_as_asked, heard_held, quoted_text,
                                      rival_subject, rivals)
from assistant.compose.levels import level_rival
from assistant.compose.lists import list_rival
from assistant.compose.slots import numbered_rival, sentence_saying, slot_rival
from assistant.compose.verdicts import (actor_rival, article_text, bound_rival, confirmation, confirmed_claim, exception_rival,
                                        loosely_held, polarity_rival, start_rival, yearly_rival)
from assistant.compose.sequence import order_held, order_rival
from assistant.compose.shapes import shape
from assistant.compose.truncation import cut_through, missing_attachment
from assistant.errors import ConfigError
from assistant.index.snapshot import Snapshot
from assistant.index.tokens import tokens_of_normalized
from assistant.question.kinds import MANY_THINGS_TYPES, asserts_claim
from assistant.question.interrogatives import interrogative_spans, only_in_frames
from assistant.question.premises import (asserted_liabilities, asserted_roles, figures_in, holds_role, required_quantities,
                                         liabilities_in, stated_figures, stated_frequencies, stated_quantities, told_only)
from assistant.question.terms import NUMERAL_START, in_quoted_example, topic_like
from assistant.search.definitions import quoted_term
from assistant.search.hits import Hits
from ingest.normalize import normalize
from ingest.numerals import quantity_spans
from ingest.patterns import NUMERAL, PENALTY, YEAR

MIN_COVERAGE = 0.3  # chosen on the dev split: see README, "Abstention"
FINE_COVER = 0.3  # share of the question's words the sentence stating a fine asked for must hold (dev split)
# share of a sentence's hold on the question that the clause stating a rate must have: the rate is
# the asked indicator's (抽查合格率…不断提升，验收合格率保持100%: 100% is another indicator's)
RATE_BOUND = 0.6
_CLAUSE = re.compile(r"[^，,；;。！？!?]+")
# a period asked for an act (几天内完成检验), and a period a text sets for one (十个工作日内颁发…):
# the text's period answers only when its act is the one asked
_UNIT = r"个?(?:工作日|日|天|小时|钟头|分钟|个月|月|年|周|星期)"
_PERIOD_ASKED = re.compile(rf"(?:几|多少){_UNIT}(?:之内|以内|内)(?P<act>[^，。？?,;；]{{2,16}})")
_PERIOD_OF = re.compile(r"(?P<act>[^，。？?,;；]{2,8})的(?:(?:具体|明确|固定)的?(?:期限|时限)|天数|日数)")  # 完成检验的具体期限
# a period set by reference to another (在与委托人约定的期限内): what a text says instead of a number
_RELATIVE_PERIOD = re.compile(r"(?:规定|约定|确定|指定|限定|商定)的(?:期限|时限|时间)(?:内|以内|之内)")
_PERIOD_SET = re.compile(rf"{NUMERAL}\s*{_UNIT}(?:之内|以内|内)(?P<act>[^。；;]{{0,30}})")
# a question asking whether the documents set a figure at all (条例里有规定具体天数吗?, 有没有
#明确的罚款数额?): that they set none, with what they say instead, is its answer
_ASKS_IF_SET = re.compile(r"(?:有没有|有无|是否|有)(?:规定|写明|明确|说明|定)?了?[^，。？?,;；]{0,6}(?:具体|明确|固定)的?"
                          r"[^，。？?,;；]{0,6}(?:吗|呢|[？?]|$)|(?:有没有|有无|是否)(?:规定|写明|明确)")
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
    texts = [ev.snap.body_normalized(d) for d in ev.snap.docs]  # not a page's widgets: 【字体：大 中 小】

    def absent(term: str) -> bool:
        return not any(ev.mentions(term, t) for t in texts)

    asked = ev.query.asked
    figures = [(s, e) for _, _, s, e in quantity_spans(asked)]  # 小时 in 24小时内: a unit, not a topic
    unknown = []
    own = ev.situation  # 女儿, 瓷砖: the asker's situation, not a topic
    earlier = ev.query.follow_up  # a follow-up: a word of the earlier question only was weighed there
    # a claim told after the asker's case (我开了家影楼，…。按山东的消保条例，…，对吧?): the case's
    # words are theirs; the claim is checked against the provisions on its own words
    case = told_only(ev.weights, asked) if asserts_claim(asked) else ()
    for t in ev.weights:
        if earlier and t not in earlier or t in case:
            continue
        if t in own or t.isascii() or t[0] in NUMERAL_START or not topic_like(t) or not absent(t):
            continue
        if figures and only_in_frames(t, asked, figures):
            continue
        if in_quoted_example(t, asked, lambda w: not absent(w)):
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
# carries most of its weight and one sentence covers most of that rest: chosen on the dev split;
# less of it when those words only tell the asker's story (我是做零食测评的博主，…这样会被罚吗?)
KNOWN_SHARE = 0.6
KNOWN_COVERED = 0.5
KNOWN_COVERED_TOLD = 0.35


def answered_without(ev: Evidence, unknown: list[str]) -> bool:
    """Do the question's other terms carry it, and does one sentence hold most of them? Then a
    word the documents never use (the asker's own) is not the reason to decline."""
    known = [t for t in ev.weights if t not in unknown]
    total, rest = ev.weight(ev.weights) or 1.0, ev.weight(known)
    if not rest or rest < KNOWN_SHARE * total:
        return False
    held = max((ev.weight(c.covered & set(known)) for c in ev.candidates if not c.heading), default=0.0)
    return held >= (KNOWN_COVERED_TOLD if _told(ev.query.asked, unknown) else KNOWN_COVERED) * rest


def _quoted_term_absent(ev: Evidence) -> str | None:
    """The expression a definition question quotes (“首问负责制”是什么意思?), when no document in
    play holds it, nor a synonym of it: nothing there can say what it means."""
    if ev.question_type != QuestionType.DEFINITION or (term := quoted_term(ev.query.asked)) is None:
        return None
    if any(ev.mentions(term, ev.snap.body_normalized(d)) for d in ev.hits.allowed_docs):
        return None
    return term


def _told(asked: str, words: list[str]) -> bool:
    """Do the words stand only in clauses that ask nothing (买了一款代餐粉，吃了出问题，…我能找
    这个网红一起赔吗?): the asker's story, not the thing asked about, which the clause holding
    the question's frame names (…的字体大小有什么具体要求?)."""
    frames = interrogative_spans(asked)
    story = [m.span() for m in _CLAUSE.finditer(asked) if not any(m.start() <= a < m.end() for a, _ in frames)]
    return bool(story) and all(only_in_frames(w, asked, story) for w in words)


def unmet_premise(ev: Evidence) -> Composition | None:
    """An abstention when the question asks for a figure the passages lack, or states one
    they do not; it quotes the nearest sentence so the user sees what the documents say."""
    top = ev.candidates[0]
    reason, lead = "", "最接近的原文"
    items: list[tuple[int, int]] = []  # a list's items, quoted after the sentence announcing them
    claims = asserts_claim(ev.query.asked)
    if ev.quantity is not None and ev.question_type not in MANY_THINGS_TYPES:
        # in a statute, whose answers quote whole provisions, a sentence stating the figure must
        # cover the question nearly as well as the best: a figure in a provision about
        # something else (保险期间 for 保修期) does not answer
        most = max(ev.weight(c.covered) for c in ev.candidates)
        # the sentence covering most is weighed too, whatever the cues added to the others' scores
        strong = [c for c in ev.candidates if (c.score >= 0.75 * top.score or ev.weight(c.covered) >= most)
                  and (ev.weight(c.covered) >= FIGURE_COVER * most or not ev.snap.articles(c.doc_id))]
        fines_answer = ev.quantity.kind != "money" or ev.asks_penalty
        if fines_answer and ev.quantity.kind == "money" and PENALTY.search(top.norm):
            strong.append(top)  # 罚多少? answered by the best sentence setting a fine, whatever else it covers
        # nor by a figure of another kind of the thing asked (地方标准化指导性技术文件的有效期 for 企业标准的)
        strong = [c for c in strong if not rival_subject(ev, c)]
        stating = [c for c in strong
                   if _states_figure(ev, c.norm, fines_answer) or _states_figure(ev, quoted_text(ev, c), fines_answer)]
        if stating and fines_answer and ev.quantity.kind == "money":
            # a fine for the act asked: the sentence stating it, with its provision and the penalty
            # punishing it, holds a share of the question's words (not 校准 for 泄露商业秘密)
            unknown = set(unknown_topics(ev))
            known = [t for t in ev.weights if t not in unknown]
            stating = [c for c in stating if _share_held(ev, c, known) >= FINE_COVER]
        if not stating:
            reason = f"文件提到了相关内容,但没有规定具体的{ev.quantity.label}"
            # quote what the documents say of the thing asked: the sentence covering most of it, not
            # one lifted by a figure of something else (锅炉停用一年 for how long a test may take)
            # (of two equal through their document's title, the one saying more itself)
            # (a period set by reference to another first: it is what the text sets instead)
            relative = ev.quantity.kind == "duration"
            top = max(ev.candidates[:5], key=lambda c: (relative and bool(_RELATIVE_PERIOD.search(c.norm)),
                                                         round(ev.weight(c.covered), 6),
                                                         round(ev.weight([t for t in c.covered if ev.mentions(t, c.norm)]), 6), c.score))
    if not reason:
        near = [c for c in ev.candidates[:5] if c.score >= 0.6 * top.score]
        missing = [f for f in stated_figures(ev.query.normalized) if not any(_holds_figure(ev, c, f) for c in near)]
        stated = set().union(*(figures_in(c.norm) for c in near)) if near else set()
        # a claim's every figure is a premise; otherwise only a figure put as a requirement
        figures = stated_quantities(ev.query.asked) if claims else required_quantities(ev.query.asked)
        wrong = [q for q in figures if q not in stated]
        if missing:
            reason = f"文件没有提到问题中的“{missing[0]}”"
        elif wrong and claims and rivals(ev, claim := claim_sentence(ev), wrong[0]):
            # the sentence the claim is about states another figure of that kind (三十日, not 15天)
            reason, lead, top = f"问题中的“{figure_as_asked(ev, wrong[0])}”与文件的规定不符", CONTRADICTED, claim
        elif wrong:
            reason = f"文件没有提到问题中的“{figure_as_asked(ev, wrong[0])}”"
    if not reason and claims:
        claim = claim_sentence(ev)
        in_claim = claimed_figures(ev, claim)
        off = ([q for q in stated_quantities(ev.query.asked) if q not in in_claim]
               + [f for f in stated_frequencies(ev.query.asked) if f not in in_claim and rivals(ev, claim, f)])
        unheld = [(u, r) for u, r in asserted_roles(ev.query.asked)
                  if not any(holds_role(u, r, c.norm) for c in ev.candidates[:CLAIM_DEPTH])]
        # a sentence stating the claim's every figure needs only hold the words some document holds
        held = claim_held(ev, claim) or bool(stated_quantities(ev.query.asked)) and not off and heard_held(ev, claim)
        liable = liabilities_in(claim.norm)
        other_liability = [k for k, _ in asserted_liabilities(ev.query.asked) if liable and k not in liable]
        yearly = yearly_rival(ev, claim) if held else None
        if opposite := antonym_rival(ev) or polarity_rival(ev) or exception_rival(ev):
            # the claim says one may (可以收取检验费用) where the provision says one must not; it says
            # every case, and the provision makes an exception (除法律、行政法规规定情形外)
            top, words = opposite
            reason, lead = f"文件规定的是“{words}”", CONTRADICTED
        elif start := start_rival(ev, claim):
            # the period is counted from another event (自申请之日起, not 自核准注册之日起)
            reason, lead = f"文件规定的是{start}计算", CONTRADICTED
            top = sentence_saying(ev, claim, article_text(ev, claim), start)  # its article may say it elsewhere
        elif yearly:
            # the figure is one of a span's yearly targets, another year's (2015—2017年…逐年达到91%、92%、93%)
            reason, lead, top = f"问题中的年份与数值不对应,文件规定{yearly}", CONTRADICTED, claim
        elif other := (actor_rival(ev) or numbered_rival(ev) or level_rival(ev) or slot_rival(ev) or agent_rival(ev)
                       or order_rival(ev) or denied_rival(ev) or joint_rival(ev) or affirmed_rival(ev)
                       or defined_rival(ev) or allowed_case_rival(ev)):
            # the act is another actor's (建设单位应当委托…, not 施工单位); the article writes the claim's
            # numbered word with another number (第三方, not 第二方), or has another term where the
            # claim has its own (由地方工商行政管理部门责令, not 由商标局), or puts a body at another level
            # (省、自治区、直辖市人民政府…备案, not 县级人民政府), or gives the act to another party
            # (由…供应方提出申请, not 用户)
            top, words = other
            reason, lead = f"文件规定的是“{words}”", CONTRADICTED
        elif held and (bound := bound_rival(ev, claim)):
            # the figure bounds the other way (1万元以上3万元以下, not 3万元以上)
            reason, lead, top = f"问题中的“{bound}”与文件的规定不符", CONTRADICTED, claim
        elif off and held:
            # the provision the claim is about states another figure (十周岁, not 十四周岁)
            reason, lead, top = f"问题中的“{figure_as_asked(ev, off[0])}”与文件的规定不符", CONTRADICTED, claim
        elif other_liability and (held or loosely_held(ev, claim)):
            # it states another liability (因过失…承担相应责任, not 连带责任)
            reason = f"文件规定的是{'、'.join(sorted(liable))}责任,不是{other_liability[0]}责任"
            lead, top = CONTRADICTED, claim
        elif listed := list_rival(ev):
            # the provision lists its items, none of them the thing the claim says it takes in
            top, thing, items = listed
            reason, lead = f"文件列出的各项中没有“{thing}”", CONTRADICTED
        elif unheld:
            # the unit the claim gives a role (由安全生产监督管理部门负责) is not given it: quote who is
            unit, role = unheld[0]
            said = [c for c in ev.candidates[:CLAIM_DEPTH] if role in c.norm]
            reason, lead = f"文件没有规定由{unit}{role}", CONTRADICTED
            top = max(said, key=lambda c: (ev.weight(c.covered), c.score)) if said else claim
        elif not held and order_held(ev) is None:  # (a claim of two steps' order is held by the order)
            reason = "文件中没有与问题的说法相符的规定"
    if not reason:
        return None
    answered = reason.startswith("文件提到了相关内容") and _ASKS_IF_SET.search(ev.query.asked) is not None
    if answered:
        reason, lead = f"文件没有规定具体的{ev.quantity.label}", "文件的规定"
    s, e = trim_to_clauses(ev.text(top.doc_id), top.start, top.end, ev.weights, SINGLE_FACT_LIMIT)
    spans = [(s, e)] + items + (claim_penalty_spans(ev, top) if lead == CONTRADICTED else [])  # the duty, then its penalty
    quotes = [cite(ev.snap, top.doc_id, a, b, n) for n, (a, b) in enumerate(spans, 1)]
    said = f"{CORRECTED}{reason}" if lead == CONTRADICTED else reason
    return Composition(answer=f"{said}。{lead}: " + " ".join(f"{q.quote} [{q.n}]" for q in quotes), citations=quotes,
                       abstained=not answered, reason="" if answered else reason, coverage=ev.coverage)


# a fine a text sets (处十万元以上三十万元以下的罚款, 罚款五千元): the amount of a penalty
_FINE = re.compile(r"处以?[^，。；,;]{0,40}罚款(?:[^，。；,;]{0,20}元)?|罚款[^，。；,;]{0,20}元")


def _share_held(ev: Evidence, sentence: Candidate, known: list[str]) -> float:
    """The share of the question's ``known`` terms (those some document uses) a sentence holds
    with what would be quoted for it (its provision, the penalty punishing it)."""
    quoted = quoted_text(ev, sentence)
    held = [t for t in known if t in sentence.covered or ev.mentions(t, quoted)]
    return ev.weight(held) / (ev.weight(known) or 1.0)


def _holds_figure(ev: Evidence, c, figure: str) -> bool:
    """Does sentence ``c`` state ``figure``? A year also when its section states it before the
    sentence: 到2020年 leads a list of goals (二、工作目标 / 到2020年,… / ——…合格率保持100%)."""
    if figure in c.norm:
        return True
    if not YEAR.fullmatch(figure):
        return False
    section = ev.snap.docs[c.doc_id].section_at(c.start)
    return section is not None and figure in normalize(ev.snap.text(c.doc_id)[section.start : c.end])


def _states_figure(ev: Evidence, text: str, fines_answer: bool) -> bool:
    """Does the text state the kind of figure asked? An amount of money asked about anything but
    a penalty (担保金额, 收费标准) is not answered by the fine for not paying it; a rate, only by a
    clause that also names what the question asks the rate of (RATE_BOUND)."""
    assert ev.quantity is not None
    text = text if fines_answer else _FINE.sub("", text)
    if ev.quantity.kind == "duration" and not _period_of_act(ev, text):
        return False
    if ev.quantity.kind != "percent" or not ev.quantity.found_in(text):
        return ev.quantity.found_in(text)
    whole = ev.weight(frozenset(t for t in ev.weights if t in text))
    return any(ev.quantity.found_in(clause) and ev.weight(frozenset(t for t in ev.weights if t in clause)) >= RATE_BOUND * whole
               for clause in _CLAUSE.findall(text))


def _period_of_act(ev: Evidence, text: str) -> bool:
    """When the question asks the period of an act (几天内完成检验) and the text sets periods
    for acts (…十个工作日内颁发证书), is one of them for an act the question names? A text
    setting no period of that form is not judged here."""
    asked = _PERIOD_ASKED.search(ev.query.asked) or _PERIOD_OF.search(ev.query.asked)
    if asked is None:
        return True
    terms = [t for t in ev.weights if t in asked.group("act")]
    periods = [m.group("act") for m in _PERIOD_SET.finditer(text)]
    return not terms or not periods or any(ev.mentions(t, act) for act in periods for t in terms)


def _bare_headings(ev: Evidence, citations: list[Citation]) -> str:
    """The first heading quoted, when every quote is a bare heading: a section heading whose
    section has no text under it; "" otherwise."""
    first = ""
    for c in citations:
        rec = ev.snap.docs[c.doc_id]
        section = rec.section_at(c.start)
        if section is None or not (section.start <= c.start and c.end <= section.title_end + 1):
            return ""
        if ev.text(c.doc_id)[section.title_end : section.end].strip():
            return ""
        first = first or ev.text(c.doc_id)[section.start : section.title_end].strip() or c.quote
    return first


class ExtractiveComposer:
    def __init__(self, min_coverage: float = MIN_COVERAGE) -> None:
        if not 0 <= min_coverage <= 1:
            raise ConfigError("min_coverage must be within [0, 1]")
        self.min_coverage = min_coverage

    def compose(self, hits: Hits, snap: Snapshot) -> Composition:
        ev = gather_evidence(hits, snap)
        unknown = unknown_topics(ev) if ev.candidates else []
        if (undefined := _quoted_term_absent(ev)) is not None:
            unknown = [undefined]  # “首问负责制”是什么意思?: the documents never use the expression
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
        if not shaped.abstained and shaped.citations and (empty := _bare_headings(ev, shaped.citations)):
            # a heading whose section holds nothing (a page cut after 二、总体要求) says what the
            # document was going to rule, not what it rules
            reason = f"文件在“{empty}”之下没有正文(原文可能不完整)"
            return Composition(answer="", citations=[], abstained=True, reason=reason, coverage=ev.coverage)
        # a page that stops mid-sentence in the part asked about, or lacks the attachment asked
        # about: not answered from its neighbour
        shaped = cut_through(ev, shaped) or missing_attachment(ev, shaped) or shaped
        shaped = with_addressees(ev, shaped)  # 印发给你们: who 你们 are
        if not shaped.abstained and (claim := confirmed_claim(ev) or order_held(ev)) is not None:
            shaped = confirmation(ev, shaped, claim)
        own = list(dict.fromkeys(unknown + ev.situation))
        own = [t for t in own if not any(t != u and t in u for u in own)]  # 羽绒服, not also 羽绒
        notes = (f"文件中没有“{'、'.join(own[:3])}”这个说法,以下按文件的用语回答。",) if own and not shaped.abstained else ()
        return Composition(answer=shaped.text, citations=shaped.citations, abstained=shaped.abstained, reason=shaped.reason,
                           coverage=ev.coverage, notes=notes)
