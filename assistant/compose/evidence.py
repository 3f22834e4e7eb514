"""What the composer and the answer shapes work from: the sentences of the top chunks, each
scored by how much of the question it covers (idf-weighted terms or their synonyms), whether
it carries what the question type asks for, the kind of figure asked, and the longest phrase
of the question it holds verbatim."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from assistant.answer import QuestionType
from assistant.compose.penalties import cited_numbers, punishing_spans
from assistant.index.snapshot import Snapshot
from assistant.question.analyse import Query
from assistant.question.interrogatives import only_in_frames
from assistant.question.kinds import (ITEM_TYPES, MODAL, QuantityRule, answer_cue, asked_quantity, asks_penalty, asks_permission,
                                      asserts_claim)
from assistant.question.premises import asserted_leads, asserted_liabilities, stated_spans, told_only
from assistant.question.terms import longest_common_run, mentions, question_terms, situation_words, term_groups, weight_of
from assistant.search.definitions import asked_body, defined_term, definition_pattern, identity_pattern
from assistant.search.duties import asked_actor_forms, bears_duty
from assistant.search.hits import Hits
from assistant.search.laws import law_mentions
from assistant.search.retrieve import SCOPE_WORD, names_nation
from ingest.extract.spans import trim as trim_span
from ingest.gazetteer import AGENCY_FULL_NAMES
from ingest.normalize import normalize
from ingest.patterns import DOC_NUMBER, NUMERAL, PENALTY
from ingest.statute import article_at

# an ASCII ? or ! between two digits is not an end: mojibake for a middle dot (3?15)
_SENT = re.compile(r"(?:[^。！？；!?;\n]|(?<=\d)[?!](?=\d))*(?:[。！？；!?;]+[”’」』)）]?|\n|$)")
EVIDENCE_DEPTH = 8  # chunks whose sentences are scored (every hit the assistant asks for; 6 on the dev split: laws kf 0.879 vs 0.887)
_ARTICLE_REF = re.compile(rf"第{NUMERAL}[条款项]")
# a statute's opening articles say why it was made and what it covers (为了…，制定本法;
# …适用本条例): they share every question's words and answer almost none
_PURPOSE_OR_SCOPE = re.compile(rf"制定本(?:法|条例|规定|办法|细则|解释|决定|规则)|适用本(?:法|条例|规定|办法|细则|解释|决定|规则)")
_ASKS_PURPOSE_OR_SCOPE = re.compile(r"目的|宗旨|为什么制定|依据|根据(?:什么|哪)|(?:根据|依照|按照)[^,，。?？]{0,10}制定的|贯彻(?:落实)?(?:什么|哪)|适用|范围|管不管|归.{0,12}管|哪些.{0,6}(?:纠纷|情形|活动)")
PREAMBLE_PENALTY = 0.3
# a notice's transmittal (现将《…》印发给你们，请认真贯彻执行): it says what is sent, not what it rules;
# it answers a question of issuance only
_TRANSMITTAL = re.compile(r"《[^《》]{2,80}》[^。；;]{0,20}(?:印发|转发|下发|发)给你们")
_ASKS_ISSUANCE = re.compile(r"印发|转发|下发|发布|颁布|通知|执行|施行|实施|生效|谁发|哪年|哪一年|什么时候|何时")
DUTY_CUE = 0.25  # a sentence putting a duty on the actor the question asks about (举报人应当…), dev split
MODAL_CUE = 0.15  # a sentence stating a duty or a ban, for a question of may or must (dev split)
PENALTY_CUE = 0.25  # a sentence setting a measure (罚款, 吊销), for a question of what befalls a violation
PUNISHING_OFF = 0.15  # a sentence of an article that punishes, for any other question
# what an article that punishes says: it sets a fine, a sanction, or the penalty of another act
_PUNISHES = re.compile(r"处[^。；;]{0,40}罚款|给予[^。；;]{0,12}处罚|依照[^。；;]{0,60}(?:处罚|处理)|追究[^。；;]{0,6}责任|吊销")
# a graver case a penalty is set for, stated with the act (生产、销售劣药且情节严重的，…): for a
# question that asks none, the provision for the plain case answers first
_GRAVER = re.compile(r"情节严重|情节特别严重|严重后果|拒不改正|逾期不改正|逾期未改正|再次|多次|屡次")
_CASE_OPENING = re.compile(r"^[^。；;]*?的[，,]")
GRAVER_OFF = 0.1


# a table of contents' leader and page number (前言........ 1, 加强计量监管 .- 18 -): it ends an
# entry, and is not quoted
TOC_LEADER = re.compile(r"[ \t\u3000]*(?:[.．·]{4,}|…{3,})[ \t\u3000]*\d{1,3}|[ \t\u3000]*\.-[ \t\u3000]*\d{1,3}[ \t\u3000]*-")
_BLANK = " \t\r\n\u3000\xa0"


def without_leader(text: str, start: int, end: int) -> int:
    """The end of a heading's span without a table of contents' leader and page number."""
    m = TOC_LEADER.search(text, start, end)
    return m.start() if m else end


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of the original text inside [start, end), blanks trimmed; each entry of a
    table of contents a span of its own, without its leader and page number."""
    spans = []
    for m in _SENT.finditer(text, start, end):
        pieces, at = [], m.start()
        for leader in TOC_LEADER.finditer(text, m.start(), m.end()):
            pieces.append((at, leader.start()))
            at = leader.end()
        pieces.append((at, m.end()))
        for s, e in pieces:
            while s < e and text[s] in _BLANK:
                s += 1
            while e > s and text[e - 1] in _BLANK:
                e -= 1
            if e - s >= 2:
                spans.append((s, e))
    return spans


@dataclass(frozen=True)
class Candidate:
    doc_id: str
    start: int
    end: int
    score: float
    covered: frozenset[str]
    rank: int  # rank of the chunk it came from
    norm: str = field(compare=False, repr=False)  # normalised sentence
    heading: bool = field(default=False, compare=False)  # a bare heading or the title line


@dataclass
class Evidence:
    """The scored sentences of the top chunks, best first, and the question's weighted terms."""

    hits: Hits
    snap: Snapshot
    weights: dict[str, float]
    candidates: list[Candidate]  # best first
    quantity: QuantityRule | None  # the kind of figure the question asks for
    coverage: float  # the best chunk's share of the question's weight
    groups: dict[str, str]  # term -> its group (see term_groups)
    # does the question ask what befalls a violation, in its own words (see penalty_asked)?
    asks_penalty: bool = False
    # (doc_id, article start) -> the provisions punishing that article: spans, normalised text
    _punished: dict[tuple[str, int], tuple[list[tuple[int, int]], str]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def punishing(self, doc_id: str, offset: int) -> tuple[list[tuple[int, int]], str]:
        """The provisions of other articles that punish the article holding ``offset``
        (compose.penalties.punishing_spans: their spans, and their text normalised), found once
        per article: a claim's checks ask it of every sentence they weigh, several times."""
        articles = self.snap.articles(doc_id)
        own = article_at(articles, offset) if articles else None
        if own is None:
            return [], ""
        key = (doc_id, own.start)
        if key not in self._punished:
            spans = punishing_spans(self.snap.parallel(doc_id), articles, own)
            text = self.text(doc_id)
            self._punished[key] = (spans, normalize(" ".join(text[a:b] for a, b in spans)))
        return self._punished[key]

    def weight(self, found) -> float:
        """Weight of the terms found, each group of the question's terms counted once."""
        return weight_of(found, self.weights, self.groups)

    @cached_property
    def _synonyms(self) -> dict[str, tuple[str, ...]]:
        return dict(self.query.synonyms)

    @cached_property
    def situation(self) -> list[str]:
        """The asker's own persons and things no document names (question.terms.situation_words)."""
        return situation_words(self.snap, self.query)

    @cached_property
    def claim_terms(self) -> dict[str, float]:
        """The terms of a claim the question puts, less the words of the figures it states and of
        the liability it asserts (they are compared on their own)."""
        asked = self.query.asked
        spans = stated_spans(asked) + [span for _, span in asserted_liabilities(asked)]
        return {t: w for t, w in self.weights.items() if not (spans and only_in_frames(t, asked, spans))}

    @cached_property
    def unheard(self) -> frozenset[str]:
        """The question's terms no document holds, nor a synonym of them (店里, 忙不过来): no
        sentence can hold them, so they cannot tell which sentence a claim is about."""
        texts = [self.snap.body_normalized(d) for d in self.snap.docs]
        return frozenset(t for t in self.weights if not any(self.mentions(t, x) for x in texts))

    def mentions(self, term: str, text: str) -> bool:
        """Does normalised ``text`` hold the question term, or one of its synonyms?"""
        return mentions(term, text, self._synonyms)

    @property
    def query(self) -> Query:
        return self.hits.query

    @property
    def question_type(self) -> QuestionType:
        return self.hits.query.question_type

    def span_candidate(self, like: Candidate, start: int, end: int, norm: str | None = None) -> Candidate:
        """A candidate for another span of ``like``'s document (an article's other sentence, a
        list's lead), ranked as ``like``, holding the question terms its text (``norm``) mentions."""
        norm = normalize(self.text(like.doc_id)[start:end]) if norm is None else norm
        return Candidate(like.doc_id, start, end, like.score, frozenset(t for t in self.weights if self.mentions(t, norm)),
                         like.rank, norm)

    def text(self, doc_id: str) -> str:
        return self.snap.text(doc_id)


_BASED_ON = r"(?:依据|根据|依照|按照|贯彻|落实|援引|引用)[^，,。？?]{0,4}"
CITED_MAX = 3  # most articles a penalty may cite for their words to count as its own


def _blanked(asked: str, spans: list[tuple[int, int]]) -> str:
    """The question with each span (a title it names) replaced by a comma."""
    for start, end in sorted(spans, reverse=True):
        asked = asked[:start] + "，" + asked[end:]
    return asked


def penalty_asked(asked: str, named: list[tuple[int, int]]) -> bool:
    """kinds.asks_penalty of the question less the titles of the documents it names (at
    ``named``): 按侵害消费者权益行为处罚办法 asks nothing."""
    return asks_penalty(_blanked(asked, named))


def gather_evidence(hits: Hits, snap: Snapshot, depth: int = EVIDENCE_DEPTH) -> Evidence:
    """Score every sentence of the top ``depth`` chunks against the question."""
    query = hits.query
    weights = question_terms(snap, query)
    if query.question_type == QuestionType.COMPARISON:
        depth = max(depth, len(hits.hits))  # each compared document's own passages (searched one by one)
    # a 文号 or a national issuer (质检总局) names the document: a filter, not a term to find
    asked_text = query.asked
    # (not the issuer of a document it is based on: 依据的国务院办公厅文件是几号文?)
    naming = DOC_NUMBER.findall(asked_text) + [a for a in AGENCY_FULL_NAMES
                                               if a in asked_text and not re.search(_BASED_ON + re.escape(a), asked_text)]
    if names_nation(asked_text, snap):  # 国家的…: the national documents, as a region names its own
        naming += SCOPE_WORD.findall(asked_text)
    if len(hits.allowed_docs) < len(snap.docs):
        weights = {t: w for t, w in weights.items() if not any(t in n for n in naming)} or weights
    # the words of a title the question names a document by (按侵害消费者权益行为处罚办法) name
    # it, as a filter does; a passage need not repeat them
    named = [(m.start, m.end) for m in law_mentions(snap, query.asked, query.regions)]
    penalty = penalty_asked(query.asked, named)  # 怎么罚?: a sentence setting a measure answers
    graver_asked = bool(_GRAVER.search(query.normalized))
    if named:  # and the article it points to (第九条), which the structure finds, not the words
        named += [m.span() for m in _ARTICLE_REF.finditer(query.asked)]
        weights = {t: w for t, w in weights.items() if not only_in_frames(t, query.asked, named)} or weights
    # a unit the question asserts leads a task (由省政府办公厅牵头) is a premise to check
    claimed = asserted_leads(query.normalized)
    weights = {t: w for t, w in weights.items() if not any(t in u for u in claimed)} or weights
    alts = dict(query.synonyms)

    groups = term_groups(weights)
    total = weight_of(weights, weights, groups) or 1.0
    cue = answer_cue(query.question_type)
    permission = asks_permission(query.asked)  # 能不能…?: a sentence stating a duty or a ban answers
    # a claim asks for no figure: its 几 says a few (抽走了几件产品…，这些样品得付钱给我们，对吧?)
    quantity = None if asserts_claim(query.asked) else asked_quantity(query.normalized)
    # the question as asked, less the 文号 and the titles that name a document, for phrase
    # matches: 考核年度 found whole, not 质量工作 of the 质量工作考核办法 the question names
    asked = DOC_NUMBER.sub("", _blanked(query.asked, named))
    # the sentence that defines the term a definition question asks about (本法所称X，是指)
    defining = definition_pattern(term) if query.question_type == QuestionType.DEFINITION and (
        term := defined_term(query.asked)) else None
    # 对举报人有什么要求?: the sentences whose subject is that actor, with a duty or a ban
    duty_forms = hits.actor_forms if hits.actor_forms is not None else asked_actor_forms(snap, query.asked, alts, hits.allowed_docs)
    identity = identity_pattern(body) if (body := asked_body(query.asked)) else None  # X是哪个部门?
    asks_scope = bool(_ASKS_PURPOSE_OR_SCOPE.search(query.asked))
    asks_issuance = bool(_ASKS_ISSUANCE.search(query.asked))
    cited: dict[tuple[str, frozenset[int]], str] = {}

    def cited_text(doc_id: str, text: str, start: int, end: int) -> str:
        """The articles of its statute that text[start:end] punishes the violation of, normalised
        (each set of articles once per question)."""
        numbers = frozenset(cited_numbers(text, start, end)) if snap.articles(doc_id) else frozenset()
        if not numbers or len(numbers) > CITED_MAX:
            return ""  # none, or a catch-all (有本办法第五条至第十一条规定的情形之一的) naming no act
        if (doc_id, numbers) not in cited:
            cited[doc_id, numbers] = " ".join(normalize(text[a.start:a.end]) for a in snap.articles(doc_id) if a.number in numbers)
        return cited[doc_id, numbers]

    candidates: list[Candidate] = []
    punishing_articles: dict[tuple[str, int], bool] = {}
    best_chunk_cov = 0.0
    # a claim told after the asker's own case (我们在北京搞开发，…，按北京的建设工程质量条例这是允许的，对吧?)
    # is covered by the claim's words: the case is the asker's, not the provision's
    told = set(told_only(weights, query.asked)) if asserts_claim(query.asked) else set()
    claim_total = weight_of([t for t in weights if t not in told], weights, groups) or 1.0
    for rank, hit in enumerate(hits.hits[:depth]):
        c = hit.chunk
        meta = snap.docs[c.doc_id].meta
        # (the place it is of, down to its city and county: 德州's page need not repeat 德州)
        context = normalize(f"{meta.title or ''} {meta.issuer or ''} {meta.region or ''} {meta.city or ''} {meta.county or ''} "
                            f"{c.section_path}")
        chunk_norm = normalize(c.text) + context
        text = snap.text(c.doc_id)
        in_chunk = [t for t in weights if mentions(t, chunk_norm, alts)]
        if penalty and (violated := cited_text(c.doc_id, text, c.start, c.end)):
            in_chunk += [t for t in weights if groups[t] == t and t not in in_chunk and mentions(t, violated, alts)]
        best_chunk_cov = max(best_chunk_cov, weight_of(in_chunk, weights, groups) / total)
        if told:  # a claim after the asker's case: the case's words need not be covered
            claimed = [t for t in in_chunk if t not in told]
            best_chunk_cov = max(best_chunk_cov, weight_of(claimed, weights, groups) / claim_total)
        rec = snap.docs[c.doc_id]
        title = normalize(meta.title or "")
        transmitted = snap.plain_titles[c.doc_id] if title else ""
        for s, e in sentence_spans(text, c.start, c.end):
            if rec.in_furniture(*trim_span(text, s, e)):
                continue  # a site's widget, copyright or table row inside the chunk: not what the document says
            norm = normalize(text[s:e])
            section = rec.section_at(s)
            # a bare heading, or the document's title line, names a topic; it rarely answers
            heading_only = section is not None and section.start <= s and e <= section.heading_end + 1
            # the title line, or the line naming what a notice transmits (福建省质量工作考核办法)
            title_line = bool(title) and norm.strip().lstrip("# ") in (title, transmitted)
            heading_only = heading_only or title_line
            in_sentence = frozenset(t for t in weights if mentions(t, norm, alts))
            violated = cited_text(c.doc_id, text, s, e) if penalty else ""
            if violated:
                # a penalty for violating 本法第九条 says what 第九条 forbids (“最佳”等用语)
                # (whole terms only: 商业 of 商业秘密 in another article is no act asked)
                in_sentence |= frozenset(t for t in weights if groups[t] == t and mentions(t, violated, alts))
            covered = in_sentence | frozenset(t for t in weights if mentions(t, context, alts))
            in_sentence_weight = weight_of(in_sentence, weights, groups)
            score = in_sentence_weight / total
            score += 0.3 * (weight_of(covered, weights, groups) - in_sentence_weight) / total
            if cue and cue.search(norm):
                score += 0.25
            if duty_forms and bears_duty(norm, duty_forms):
                score += DUTY_CUE
            if permission and MODAL.search(norm):
                score += MODAL_CUE
            if penalty and (PENALTY.search(norm) or violated and _in_punishing_article(snap, c.doc_id, s, punishing_articles)):
                score += PENALTY_CUE  # (an item of a penalty naming the article violated: the measure is its lead's)
                if not graver_asked and (case := _CASE_OPENING.match(norm)) and _GRAVER.search(case.group(0)) \
                        and any(mentions(t, case.group(0), alts) for t in weights):
                    score -= GRAVER_OFF  # (not 拒不改正的，处…: it continues the case of the sentence before)
            elif not penalty and _in_punishing_article(snap, c.doc_id, s, punishing_articles):
                score -= PUNISHING_OFF  # 有下列情形之一的…给予处罚 restates a duty; the duty answers
            if quantity is not None and quantity.found_in(norm):
                score += 0.3
            if defining is not None and defining.search(norm) or identity is not None and identity.search(norm):
                score += 0.3
            if not asks_scope and _PURPOSE_OR_SCOPE.search(norm):
                score -= PREAMBLE_PENALTY
            if not asks_issuance and _TRANSMITTAL.search(norm):
                score -= PREAMBLE_PENALTY
            run = longest_common_run(asked, norm)
            if run >= 4:  # a phrase of the question found verbatim: 产品质量提升专项行动
                score += min(0.3, 0.04 * (run - 3))
            score += 0.08 / (1 + rank)
            if title_line or heading_only and query.question_type not in ITEM_TYPES:
                score -= 0.4  # a section heading may lead a list's items; the title line never answers
            candidates.append(Candidate(doc_id=c.doc_id, start=s, end=e, score=score, covered=covered, rank=rank, norm=norm,
                                        heading=heading_only))
    candidates.sort(key=lambda c: -c.score)
    return Evidence(hits=hits, snap=snap, weights=weights, candidates=candidates, quantity=quantity, asks_penalty=penalty,
                    coverage=best_chunk_cov, groups=groups)


def _in_punishing_article(snap: Snapshot, doc_id: str, offset: int, seen: dict[tuple[str, int], bool]) -> bool:
    """Is the sentence at ``offset`` in an article that punishes (…的，处…罚款; 有下列情形之一的，
    依照…给予处罚)? Found once per article per question."""
    article = article_at(snap.articles(doc_id), offset)
    if article is None:
        return False
    key = (doc_id, article.start)
    if key not in seen:
        seen[key] = bool(_PUNISHES.search(normalize(snap.text(doc_id)[article.start:article.end])))
    return seen[key]

