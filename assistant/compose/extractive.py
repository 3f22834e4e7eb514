"""The plain extractive answer: the best sentence, and the few others that add what it lacks."""
from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.answer import Citation
from assistant.compose.cite import LONG_LIMIT, SINGLE_FACT_LIMIT, Citations, trim_to_clauses
from assistant.compose.evidence import Candidate, Evidence
from assistant.compose.parallels import parallel_run
from assistant.compose.penalties import penalty_spans
from assistant.compose.provisions import ANNOUNCES as _ANNOUNCES, PARAGRAPH_LIMIT, provision_spans, qualifying_paragraphs, sibling_paragraphs
from ingest.normalize import normalize
from assistant.question.kinds import LONG_ANSWER_TYPES, Q, answer_cue


@dataclass(frozen=True)
class Shaped:
    """An answer's text and citations, as one shape made it; or its abstention."""

    text: str
    citations: list[Citation]
    abstained: bool = False
    reason: str = ""

    @classmethod
    def declined(cls, reason: str, nearest: Citation, lead: str = "最接近的原文") -> "Shaped":
        """An abstention that says why and quotes the nearest sentence (as citation 1), so the
        user sees what the documents do say."""
        quote = replace(nearest, n=1)
        return cls(text=f"{reason}。{lead}: {quote.quote} [1]", citations=[quote], abstained=True, reason=reason)


LIST_PEER = 0.9  # a list question's answer may sit in several sentences as good as the best
TIE = 0.97  # any question: a sentence this close to the best cannot be told from it; show both
MISSED_PART = 0.25  # share of the question's weight that one left-out group must carry
MISSED_PART_MIN = 0.4  # and the least score, relative to the best, of a sentence that adds it


def choose(ev: Evidence, max_sentences: int = 3) -> list[Candidate]:
    """The best sentence plus up to two more that cover key terms it lacks, or that score as
    well as the best; for a list question (哪些) nearly as well, since each may name other
    items (开展农资、建材…专项整治 beside 开展食品、保健品…专项整治)."""
    cands = ev.candidates
    chosen: list[Candidate] = [cands[0]]
    covered = set(cands[0].covered)
    peer = LIST_PEER if ev.question_type == Q.LIST else TIE
    for cand in cands[1:]:
        if len(chosen) >= max_sentences:
            break
        new_terms = cand.covered - covered
        if cand.heading or cand.score < 0.7 * chosen[0].score or not (new_terms or cand.score >= peer * chosen[0].score):
            continue
        if any(cand.doc_id == c.doc_id and cand.start < c.end and c.start < cand.end for c in chosen):
            continue
        chosen.append(cand)
        covered |= cand.covered
    _each_region(ev, chosen, max_sentences + 1)
    left = _uncovered_part(ev, covered)
    if left and len(chosen) < max_sentences + 1:
        # a part of the question the chosen sentences leave out (…如果涉嫌犯罪,怎么处理?)
        fill = [c for c in cands if c.covered & left and not c.heading and c.score >= MISSED_PART_MIN * chosen[0].score]
        if fill:
            chosen.insert(1, max(fill, key=lambda c: (ev.weight(c.covered & left), c.score)))  # room before ties
    elif len(chosen) < max_sentences + 1:
        # or several parts one sentence holds together (an item naming the article violated,
        # beside the penalty's lead: “国家级”“最佳” with 吊销营业执照)
        total = ev.weight(ev.weights) or 1.0
        fill = [c for c in cands if not c.heading and c.score >= MISSED_PART_MIN * chosen[0].score
                and ev.weight(c.covered - covered) >= MISSED_PART * total]
        if fill:
            chosen.insert(1, max(fill, key=lambda c: (ev.weight(c.covered - covered), c.score)))
    cue = answer_cue(ev.question_type)
    if cue and not any(cue.search(c.norm) for c in chosen):
        # a responsibility or time question answered without its cue (牵头/配合, a date):
        # add the best cue sentence of the same section
        lead = chosen[0]
        section = ev.snap.docs[lead.doc_id].section_at(lead.start)
        same = [
            c for c in cands
            if c.doc_id == lead.doc_id and c is not lead and cue.search(c.norm)
            and ev.snap.docs[c.doc_id].section_at(c.start) == section
        ]
        if same:
            chosen.append(max(same, key=lambda c: c.score))
    return chosen


def _each_region(ev: Evidence, chosen: list[Candidate], limit: int) -> None:
    """A question that names several regions (湖南和甘肃都提到了…) is answered from each of
    them: the best sentence of a named region the chosen ones leave out is added."""
    if len(ev.query.regions) < 2:
        return
    region_of = {c.doc_id: ev.snap.docs[c.doc_id].meta.region for c in ev.candidates}
    for region in ev.query.regions:
        if len(chosen) >= limit or any(region_of[c.doc_id] == region for c in chosen):
            continue
        own = [c for c in ev.candidates if region_of[c.doc_id] == region and not c.heading and c.score >= 0.7 * chosen[0].score]
        if own:
            chosen.append(own[0])


def _uncovered_part(ev: Evidence, covered: set[str]) -> set[str]:
    """Terms of the heaviest group of question terms the chosen sentences miss entirely,
    when that group carries a large share of the question."""
    total = ev.weight(ev.weights) or 1.0
    groups: dict[str, set[str]] = {}
    for t in ev.weights:
        groups.setdefault(ev.groups[t], set()).add(t)
    missed = [ms for ms in groups.values() if not ms & covered and ev.weight(ms) >= MISSED_PART * total]
    return max(missed, key=ev.weight) if missed else set()


PROVISION_BUDGET = 900  # characters an answer may quote when it quotes statutes' provisions whole


def quoted_spans(ev: Evidence, cand: Candidate, limit: int) -> list[tuple[int, int, bool]]:
    """(start, end, whole provision) to quote for a chosen sentence: in a statute, its
    provision (compose.provisions); elsewhere the sentence trimmed to its clauses."""
    text = ev.text(cand.doc_id)
    articles = ev.snap.articles(cand.doc_id)
    spans = provision_spans(text, articles, cand.start, cand.end) if articles else [(cand.start, cand.end)]
    if spans == [(cand.start, cand.end)] and not articles:
        return [(*trim_to_clauses(text, cand.start, cand.end, ev.weights, limit), False)]
    punished: set[tuple[int, int]] = set()
    if articles and ev.asks_penalty:
        # the article that punishes this duty, or the duty this penalty cites (compose.penalties)
        simplified = ev.snap.parallel(cand.doc_id)
        punished = {x for s, e in spans for x in penalty_spans(simplified, articles, s, e)}
        spans = sorted(set(spans) | punished)
    if articles:
        spans = sorted(set(spans) | set(qualifying_paragraphs(articles, ev.snap.parallel(cand.doc_id), cand.start)))
    if articles and not punished and ev.question_type != Q.DEFINITION:
        # a definition is one sentence; a penalty answer's room goes to the penalty
        spans = sorted(set(spans) | set(_on_question(ev, text, sibling_paragraphs(articles, cand.start))))
    if spans == [(cand.start, cand.end)]:
        return [(*trim_to_clauses(text, cand.start, cand.end, ev.weights, limit), False)]
    return [(*trim_to_clauses(text, s, e, ev.weights, PARAGRAPH_LIMIT), True) for s, e in spans]


SIBLING_SHARE = 0.15  # share of the question's weight a further paragraph must cover to be quoted


def _on_question(ev: Evidence, text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs of a short article that speak to the question too (销售者应当执行进货
    检验制度 beside 销售计量器具的单位和个人…应当书面告知): each must cover a share of the
    question's weight on its own."""
    total = ev.weight(ev.weights) or 1.0
    out = []
    for s, e in paragraphs:
        norm = normalize(text[s:e])
        if ev.weight([t for t in ev.weights if ev.mentions(t, norm)]) >= SIBLING_SHARE * total:
            out.append((s, e))
    return out


def _by_claim_to_room(chosen: list[Candidate], lead_doc: str) -> list[Candidate]:
    """The order the chosen sentences get room in: the best first, so that nothing crowds it
    out; then those adding words of the question the best lacks; then those only as good as it
    (ties), each group in document order."""
    in_doc_order = sorted(chosen[1:], key=lambda c: (c.doc_id != lead_doc, c.doc_id, c.start))
    adding = [c for c in in_doc_order if c.covered - chosen[0].covered]
    return chosen[:1] + adding + [c for c in in_doc_order if c not in adding]


def _with_run(ev: Evidence, chosen: list[Candidate]) -> list[Candidate]:
    """The chosen sentences with the first that is one of a run of parallel clauses (坚持…；坚持…；
    坚持…) replaced by the whole run."""
    for i, cand in enumerate(chosen):
        if run := parallel_run(ev, cand):
            rest = [c for c in chosen[:i] + chosen[i + 1:] if not any(c.doc_id == r.doc_id and c.start < r.end and r.start < c.end for r in run)]
            return rest[:i] + run + rest[i:]
    return chosen


def extractive(ev: Evidence) -> Shaped:
    """The chosen sentences, trimmed to their clauses on the question (a statute's provisions
    quoted whole), in document order. The room is given in the order they were chosen, so
    that a long provision earlier in the document does not crowd out the best sentence."""
    chosen = choose(ev)
    if ev.question_type == Q.LIST:
        chosen = _with_run(ev, chosen)
    limit = LONG_LIMIT if ev.question_type in LONG_ANSWER_TYPES else SINGLE_FACT_LIMIT
    quoted: list[tuple[str, int, int]] = []
    used = 0
    lead_doc = chosen[0].doc_id
    for cand in _by_claim_to_room(chosen, lead_doc):
        text = ev.text(cand.doc_id)
        spans = quoted_spans(ev, cand, limit)
        skip_next = False
        for i, (s, e, whole) in enumerate(spans):
            if skip_next:
                skip_next = False
                continue
            inside = [q for q in quoted if q[0] == cand.doc_id and s < q[2] and q[1] < e]
            if any(not (s <= a and b <= e) for _, a, b in inside):
                continue  # already quoted with another chosen sentence's provision
            # (a paragraph holding what is quoted of it, a lead, replaces it: the lead with its items)
            held = sum(b - a for _, a, b in inside)
            # a lead that announces items (…处…罚款：) goes with the item after it, or not at all
            pair = spans[i + 1][1] - spans[i + 1][0] if _ANNOUNCES.search(text[s:e]) and i + 1 < len(spans) else 0
            if used and used - held + (e - s) + pair > (PROVISION_BUDGET if whole else limit):
                skip_next = bool(pair)
                continue
            used += e - s - held
            quoted = [q for q in quoted if q not in inside] + [(cand.doc_id, s, e)]
    cites = Citations(ev.snap)
    parts = [f"{ev.text(d)[s:e]} [{cites.add(d, s, e)}]" for d, s, e in sorted(quoted, key=lambda q: (q[0] != lead_doc, q[0], q[1]))]
    return Shaped(text=" ".join(parts), citations=cites.items)
