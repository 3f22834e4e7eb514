"""A claim with one thing changed (由商标局 for 由地方工商行政管理部门, 吊销营业执照 for 吊销药品经营
许可证, 县级 for 设区的市级以上): the slot of the claim a term stands in, between the words around it,
and the article that puts another term of the same kind there. The other verdicts on a claim:
assistant.compose.verdicts."""
from __future__ import annotations

import re
from typing import NamedTuple

from assistant.compose.claims import CLAIM_DEPTH, CLAIM_SUPPORT, case_terms, occurrences
from assistant.compose.evidence import Candidate, Evidence, sentence_spans
from assistant.compose.verdicts import ACT_END, MODALS, article_text, bigrams
from assistant.index.tokens import segmenter
from ingest.normalize import normalize
from ingest.patterns import CN_DIGITS, DOC_NUMBER_PARTS
from ingest.statute import article_at


# a slot of the claim: a term between the words around it (由[商标局]责令, 吊销[营业执照]。),
# and the run a provision may put between those words instead
_SLOT_RUN = 20
_SLOT_END = r"(?=[，,；;。：:]|$)"


class Slot(NamedTuple):
    term: str  # what the claim puts in the slot (营业执照, 商标局)
    left: str  # the word before it (吊销, 由)
    right: str  # the word after it; "" where the term ends its clause (…吊销营业执照,对吗?)
    before: tuple[str, ...]  # the claim's terms before the slot, nearest last: what the sentence is about


def _slots(ev: Evidence) -> list[Slot]:
    """A slot for each claim term the question writes whole (营业执照, not its 执照), and for the
    body after each 由. A slot needs a word of two characters on one side at least, and one
    before it."""
    asked = ev.query.asked
    terms = [t for t in ev.claim_terms if len(t) >= 2 and not any(p.fullmatch(t) for _, p in MODALS)]
    spans = [(i, i + len(t), t) for t in terms for i in occurrences(asked, t)]
    whole = [(i, j, t) for i, j, t in spans if not any(a <= i and j <= b and b - a > j - i for a, b, _ in spans)]
    words = segmenter().tokenize(asked)
    before = {e: w for w, _, e in words}
    after = {s: w for w, s, _ in words}
    found = []
    for i, j, t in whole:
        left = before.get(i, "")
        right = "" if ACT_END.match(asked, j) else after.get(j, "")
        if not re.fullmatch(r"[\u4e00-\u9fff]+", left) or right and not re.fullmatch(r"[\u4e00-\u9fff]{2,}", right):
            continue
        if len(left) + len(right) >= 2 and (right or len(left) >= 2):
            found.append(Slot(t, left, right, _before(whole, i - len(left))))
    for m in _BY.finditer(asked):
        for body in _BODY.finditer(m.group("run")):
            at = m.start("run") + body.end()
            right = after.get(at, "")
            if right in _FILLERS:  # 由消费者协会来主持: the act is the word after 来
                right = after.get(at + len(right), "")
            if re.fullmatch(r"[\u4e00-\u9fff]{2,}", right):
                found.append(Slot(m.group("run")[: body.end()], "由", right, _before(whole, m.start())))
    return found


def _before(spans: list[tuple[int, int, str]], at: int) -> tuple[str, ...]:
    """The claim terms ending before ``at``, the nearest last."""
    return tuple(t for _, t in sorted((j, t) for i, j, t in spans if j <= at))


# share (by weight) of the claim's terms before a slot that a sentence not naming the nearest of
# them must name to be about what the claim is (医疗机构的…医师…收受…财物 for 医师收受药品回扣)
_ABOUT_SHARE = 0.6


def _about(ev: Evidence, before: tuple[str, ...], context: str) -> bool:
    """Is ``context`` (a sentence up to a slot) about what the claim says before its slot: it
    names the claim's nearest term before it, or most of its terms before it?"""
    if not before or ev.mentions(before[-1], context):
        return True
    return ev.weight([t for t in before if ev.mentions(t, context)]) >= _ABOUT_SHARE * (ev.weight(list(before)) or 1.0)


# what a slot names, by the word it ends in (or two characters before its end: 公安机关依法): a
# body, a licence or certificate, a place, a level of government; a rival names the same kind of
# thing (地方工商行政管理部门 for 商标局, 药品注册证书 for 营业执照, 设区的市级以上 for 县级)
_KINDS = (r"部门|机关|局|委员会|政府|法院|检察院|机构|单位|组织|协会|中心", r"执照|许可证|证|证书|证明文件|批准文件|资质|资格",
          r"所在地|住所地|发生地|经营地|地|场所", r"级以上|级以下|级")
_KIND_AT_END = tuple(re.compile(rf"(?:{k})[\u4e00-\u9fff]{{0,2}}$") for k in _KINDS)
_KIND_HEAD = re.compile("|".join(_KINDS))
# the body a claim says acts (由县级以上人民政府食品安全监督管理部门撤销…): a slot of its own,
# ending at each body word of the run after 由 (人民政府, …部门), as where the name ends is unknown
_BY = re.compile(r"由(?P<run>[\u4e00-\u9fff、]{2,24})")
_BODY = re.compile(_KINDS[0])
_FILLERS = frozenset({"来", "去"})


def _same_kind(term: str, run: str) -> bool:
    return any(k.search(term) and k.search(run) for k in _KIND_AT_END)


def _shares_words(term: str, run: str) -> bool:
    """Does the run say the term in other words: half its character pairs (市场监管部门 in 市场监督
    管理部门), or more than half the characters of what precedes its kind (监管 in 市场监督管理)?"""
    pairs = bigrams(term)
    if len(pairs & bigrams(run)) >= 0.5 * len(pairs):
        return True
    core = _KIND_HEAD.sub("", term)
    return bool(core) and sum(ch in run for ch in core) > 0.5 * len(core)


def slot_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A provision saying the claim with another term in one slot (由地方工商行政管理部门责令限期
    改正 against 由商标局责令…; 吊销药品经营许可证 against 吊销营业执照): the sentence saying it
    and its words from the slot's first word to its last; None otherwise. The provision holds
    CLAIM_SUPPORT of the claim's other terms, and every run it puts between the slot's words
    lacks the claim's term (one holding it may make the claim true: 由县级以上市场监督管理部门处理)
    and shares few of its characters (a paraphrase is no rival)."""
    slots = _slots(ev)
    story = case_terms(ev)  # the asker's own case, told before the claim names its document
    for cand in ev.candidates[:CLAIM_DEPTH] if slots else ():
        text = article_text(ev, cand)
        for term, left, right, before in slots:
            rest = [t for t in ev.claim_terms if t not in term and t not in story]
            if ev.weight([t for t in rest if ev.mentions(t, text)]) < CLAIM_SUPPORT * (ev.weight(rest) or 1.0):
                continue
            run = rf"([\u4e00-\u9fff、]{{2,{_SLOT_RUN}}}?)" + re.escape(right) if right else rf"([\u4e00-\u9fff、]{{2,{_SLOT_RUN}}}){_SLOT_END}"
            # in a sentence about what the claim says before the slot (…注册事项的，由地方工商…), not
            # one putting another body in a like slot on another matter (可以对由下级市场监督管理部门…)
            said = [m for m in re.finditer(re.escape(left) + run, text)
                    if _about(ev, before, text[text.rfind("。", 0, m.start()) + 1:m.start()])]
            if said and not any(term in m.group(1) or ev.mentions(term, m.group(1)) or _shares_words(term, m.group(1))
                                or not _same_kind(term, m.group(1)) for m in said):
                words = said[0].group(0)
                return sentence_saying(ev, cand, text, words), words
    return None


def sentence_saying(ev: Evidence, cand: Candidate, context: str, words: str) -> Candidate:
    """The sentence of ``cand``'s article (normalised: ``context``) that holds ``words``: a
    sentence searched, or one of the article's others (its second paragraph may say who acts
    for another case)."""
    for c in ev.candidates:
        if c.doc_id == cand.doc_id and words in c.norm and c.norm in context:
            return c
    article = article_at(ev.snap.articles(cand.doc_id), cand.start)
    text = ev.text(cand.doc_id)
    for s, e in sentence_spans(text, article.start, article.end) if article else ():
        if words in (norm := normalize(text[s:e])):
            return ev.span_candidate(cand, s, e, norm)
    return cand


# an ordinal or count written into a word (第三方, 二级, 三类, 四大品牌, 五中全会): a claim's 第二方
# against the 第三方 the article writes; not an article's number (第三十九条), a figure with a unit or a date
_NUMBERED = re.compile(rf"(?P<pre>第?)(?P<n>[{CN_DIGITS}]{{1,3}})(?P<word>[方级类等批次轮]|大(?=[\u4e00-\u9fff])|中全会)")


def _number_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A sentence writing the 文号 a claim states (闽政〔2011〕97号) with the same code and year but
    another serial, and never as claimed: the sentence and the number it writes."""
    docs = list(dict.fromkeys(c.doc_id for c in ev.candidates[:CLAIM_DEPTH]))  # the documents the claim is about
    for m in DOC_NUMBER_PARTS.finditer(ev.query.asked):
        code = m.group("code")[-2:]
        for doc_id in docs:
            text = ev.text(doc_id)
            written = [w for w in DOC_NUMBER_PARTS.finditer(text) if normalize(w.group("code")).endswith(code) and w.group("year") == m.group("year")]
            if not written or any(w.group("n") == m.group("n") for w in written):
                continue
            w = written[0]
            (s, e), = [sp for sp in sentence_spans(text, 0, len(text)) if sp[0] <= w.start() < sp[1]] or [(w.start(), w.end())]
            like = next(c for c in ev.candidates if c.doc_id == doc_id)
            found = ev.span_candidate(like, s, e)
            if ev.claim_terms and not found.covered:
                continue  # a sentence saying nothing else the claim says cites another document
            written_code = normalize(w.group("code"))
            shared = next(written_code[i:] for i in range(len(written_code)) if m.group("code").endswith(written_code[i:]))
            return found, f"{shared}〔{w.group('year')}〕{w.group('n')}号"  # the code as both write it: 国办发, not 办发
    return None


def numbered_rival(ev: Evidence) -> tuple[Candidate, str] | None:
    """A sentence holding the claim's other terms (CLAIM_SUPPORT) that writes the claim's numbered
    word with another number (第三方 for 第二方), and never with the claim's, or the 文号 it states
    with another serial: the sentence and its word; None otherwise."""
    if found := _number_rival(ev):
        return found
    asked = ev.query.asked
    for m in _NUMBERED.finditer(asked):
        like = re.compile(rf"{re.escape(m.group('pre'))}([{CN_DIGITS}]{{1,3}}){m.group('word')}")
        rest = [t for t in ev.claim_terms if not any(ch in t for ch in m.group("n")) or len(t) > len(m.group(0)) + 2]
        for cand in ev.candidates[:CLAIM_DEPTH]:
            if ev.weight([t for t in rest if ev.mentions(t, cand.norm)]) < CLAIM_SUPPORT * (ev.weight(rest) or 1.0):
                continue
            written = [w for w in like.finditer(cand.norm)]
            if written and all(w.group(1) != m.group("n") for w in written):
                return cand, written[0].group(0)
    return None
