"""Extractive answers: the sentences of the retrieved chunks that best answer the question,
each with an exact citation, shaped by question type (assistant.shapes); or an abstention
with its reason when the passages do not cover the question or lack what it asks for."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from assistant.answer import Citation
from assistant.checks import AskedQuantity, asked_quantity, asserted_leads, stated_figures
from assistant.records import Snapshot
from assistant.retrieve import Hits
from assistant.tokenize import question_words, tokens_of_normalized
from ingest.gazetteer import AGENCY_FULL_NAMES
from ingest.normalize import normalize
from ingest.patterns import DOC_NUMBER

# an ASCII ? or ! between two digits is not an end: mojibake for a middle dot (3?15)
_SENT = re.compile(r"(?:[^。！？；!?;\n]|(?<=\d)[?!](?=\d))*(?:[。！？；!?;]+[”’」』)）]?|\n|$)")
# a numeral and a classifier (一条, 两份, 几项): how many is asked, not what
_COUNTED = re.compile(r"[一二两三四五六七八九十几每哪]+[个条项份种类次家件名位方批点句]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE = re.compile(r"[^，,、：:]*(?:[，,、：:]|$)")
CUES = {
    "responsibility": re.compile(r"牵头|配合|负责|主管|按职责|承担|职责"),
    "deadline": re.compile(r"\d{4}年|年底|年末|月底|日内|日前|期间|届满|之前|以前|每年|工作日|\d{4}[—\-]\d{4}"),
    "target": re.compile(r"\d+(?:\.\d+)?\s*(?:%|个|家|项|件|亿|万|人|次|以上)|百分之"),
}
SINGLE_FACT_LIMIT = 300
LONG_LIMIT = 600
MIN_COVERAGE = 0.3  # chosen on the dev split: see README, "Abstention"


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


@dataclass(frozen=True)
class Composition:
    answer: str
    citations: list[Citation]
    abstained: bool
    reason: str = ""
    coverage: float = 0.0


_NUMERAL_START = frozenset("一二三四五六七八九十几两第每哪")  # 四化, 三句话: a document's own shorthand
_NOUN_TAGS = frozenset({"n", "nz", "l", "j", "nt"})


@lru_cache(maxsize=1)
def dictionary_words() -> tuple[frozenset[str], frozenset[str]]:
    """(common nouns, all words) of jieba's dictionary, from its part-of-speech column."""
    from importlib.resources import files

    import jieba

    nouns, words = set(), set()
    with files(jieba).joinpath("dict.txt").open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if parts:
                words.add(parts[0])
                if len(parts) == 3 and parts[2] in _NOUN_TAGS:
                    nouns.add(parts[0])
    return frozenset(nouns), frozenset(words)


def topic_like(term: str) -> bool:
    """A dictionary noun, or a new word of three or more characters (网约车) jieba had to guess."""
    nouns, words = dictionary_words()
    return term in nouns or (len(term) >= 3 and term not in words)


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for m in _SENT.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s] in " \t\r\n\u3000\xa0":
            s += 1
        while e > s and text[e - 1] in " \t\r\n\u3000\xa0":
            e -= 1
        if e - s >= 2:
            spans.append((s, e))
    return spans


def longest_common_run(a: str, b: str) -> int:
    """Length of the longest substring shared by a and b (a is short: the question)."""
    best = 0
    for i in range(len(a)):
        j = i + best + 1
        while j <= len(a) and a[i:j] in b:
            best = j - i
            j += 1
    return best


def _term_weights(snap: Snapshot, tokens: tuple[str, ...], regions: tuple[str, ...], latin_terms: bool) -> dict[str, float]:
    n = max(len(snap.chunks), 1)
    unknown = float(math.log(1 + (n + 0.5) / 0.5))
    skip = question_words()
    weights = {}
    for t in dict.fromkeys(tokens):
        idf = snap.bm25.idf(t) if snap.bm25 is not None else None
        # an English question is carried by its glossary expansions; a Latin code in a Chinese
        # question that the documents use (QC小组, HNPR开头的编号) is a term like any other
        english_word = t.isascii() and any(ch.isalpha() for ch in t) and (idf is None or not latin_terms)
        if t in skip or english_word or any(t in (r, r + "省") for r in regions) or len(t) == 1 and not t.isdigit() or _COUNTED.fullmatch(t):
            continue
        weights[t] = unknown if idf is None else idf
    return weights


def question_terms(snap: Snapshot, query) -> dict[str, float]:
    """Key terms of the question and how much each matters (idf). Question words and the
    regions the question names (applied as filters) are not terms to find in a passage. Terms
    come from the question as asked; an English question is carried by its expansions."""
    chinese = bool(_HAN.search(query.text))
    return (
        _term_weights(snap, query.asked_tokens, query.regions, chinese)
        or _term_weights(snap, query.tokens, query.regions, chinese)
    )


def term_groups(weights: dict[str, float]) -> dict[str, str]:
    """Each term's group: the longest question term that contains it. jieba's search mode
    gives a compound and its parts (卖出去, 卖出, 出去); they are not three things asked."""
    return {t: max((u for u in weights if t in u), key=len) for t in weights}


def _tiling(head: str, members: list[str], weights: dict[str, float]) -> float:
    """Best sum of non-overlapping members laid inside their group's head term: 涉嫌犯罪
    counts as 涉嫌 + 犯罪 (two things asked), 卖出去 as one of 卖出, 出去 or 卖出去."""
    if len(members) == 1 and members[0] == head:
        return weights[head]  # most groups: one term, found whole (this runs for every sentence)
    ending: dict[int, list[tuple[int, float]]] = {}
    for t in members:
        i = head.find(t)
        while i >= 0:
            ending.setdefault(i + len(t), []).append((i, weights[t]))
            i = head.find(t, i + 1)
    best = [0.0] * (len(head) + 1)
    for pos in range(1, len(head) + 1):
        best[pos] = max([best[pos - 1]] + [best[s] + w for s, w in ending.get(pos, ())])
    return best[-1]


def weight_of(found, weights: dict[str, float], groups: dict[str, str]) -> float:
    """Weight of the terms found, each group counted by its best tiling of the members found."""
    by_head: dict[str, list[str]] = {}
    for t in found:
        by_head.setdefault(groups[t], []).append(t)
    return sum(_tiling(head, members, weights) for head, members in by_head.items())


@dataclass
class Evidence:
    """What the composer and the shapers work from: the scored sentences of the top chunks."""

    hits: Hits
    snap: Snapshot
    weights: dict[str, float]
    candidates: list[Candidate]  # best first
    quantity: AskedQuantity | None
    coverage: float
    groups: dict[str, str]  # term -> its group (see term_groups)

    def weight(self, found) -> float:
        """Weight of the terms found, each group of the question's terms counted once."""
        return weight_of(found, self.weights, self.groups)

    @cached_property
    def _synonyms(self) -> dict[str, tuple[str, ...]]:
        return dict(self.query.synonyms)

    def mentions(self, term: str, text: str) -> bool:
        """Does normalised ``text`` hold the question term, or one of its synonyms?"""
        return term in text or any(a in text for a in self._synonyms.get(term, ()))

    @property
    def query(self):
        return self.hits.query

    def text(self, doc_id: str) -> str:
        return self.snap.text(doc_id)


class ExtractiveComposer:
    def __init__(self, min_coverage: float = MIN_COVERAGE) -> None:
        if not 0 <= min_coverage <= 1:
            raise ValueError("min_coverage must be within [0, 1]")
        self.min_coverage = min_coverage

    def trim(self, text: str, s: int, e: int, weights: dict[str, float], limit: int) -> tuple[int, int]:
        """Longest-covering window of whole clauses inside a long sentence."""
        if e - s <= limit:
            return s, e
        clauses = [(m.start(), m.end()) for m in _CLAUSE.finditer(text, s, e) if m.end() > m.start()]
        best, best_span = -1.0, (s, min(e, s + limit))
        for i in range(len(clauses)):
            for j in range(i, len(clauses)):
                a, b = clauses[i][0], clauses[j][1]
                if b - a > limit:
                    break
                norm = normalize(text[a:b])
                score = sum(w for t, w in weights.items() if t in norm) - 0.001 * (b - a)
                if score > best:
                    best, best_span = score, (a, b)
        return best_span

    def evidence(self, hits: Hits, snap: Snapshot, depth: int = 6) -> Evidence:
        query = hits.query
        weights = question_terms(snap, query)
        # a 文号 or a national issuer (质检总局) names the document: a filter, not a term to find
        asked_text = normalize(query.text)
        naming = DOC_NUMBER.findall(asked_text) + [a for a in AGENCY_FULL_NAMES if a in asked_text]
        if len(hits.allowed_docs) < len(snap.docs):
            weights = {t: w for t, w in weights.items() if not any(t in n for n in naming)} or weights
        # a unit the question asserts leads a task (由省政府办公厅牵头) is a premise to check
        claimed = asserted_leads(query.normalized)
        weights = {t: w for t, w in weights.items() if not any(t in u for u in claimed)} or weights
        alts = dict(query.synonyms)

        def has(term: str, text: str) -> bool:
            return term in text or any(a in text for a in alts.get(term, ()))

        groups = term_groups(weights)
        total = weight_of(weights, weights, groups) or 1.0
        cue = CUES.get(query.question_type)
        quantity = asked_quantity(query.normalized)
        # the question as asked, less the 文号 that names a document, for phrase matches
        asked = DOC_NUMBER.sub("", normalize(query.text))
        candidates: list[Candidate] = []
        best_chunk_cov = 0.0
        for rank, hit in enumerate(hits.hits[:depth]):
            c = hit.chunk
            meta = snap.docs[c.doc_id].meta
            context = normalize(f"{meta.title or ''} {meta.issuer or ''} {meta.region or ''} {c.section_path}")
            chunk_norm = normalize(c.text) + context
            best_chunk_cov = max(best_chunk_cov, weight_of([t for t in weights if has(t, chunk_norm)], weights, groups) / total)
            text = snap.text(c.doc_id)
            rec = snap.docs[c.doc_id]
            title = normalize(meta.title or "")
            for s, e in sentence_spans(text, c.start, c.end):
                norm = normalize(text[s:e])
                section = rec.section_at(s)
                # a bare heading, or the document's title line, names a topic; it rarely answers
                heading_only = section is not None and section.start <= s and e <= section.heading_end + 1
                heading_only = heading_only or bool(title) and norm.strip() == title
                in_sentence = frozenset(t for t in weights if has(t, norm))
                covered = in_sentence | frozenset(t for t in weights if has(t, context))
                in_sentence_weight = weight_of(in_sentence, weights, groups)
                score = in_sentence_weight / total
                score += 0.3 * (weight_of(covered, weights, groups) - in_sentence_weight) / total
                if cue and cue.search(norm):
                    score += 0.25
                if quantity is not None and quantity.found_in(norm):
                    score += 0.3
                run = longest_common_run(asked, norm)
                if run >= 4:  # a phrase of the question found verbatim: 产品质量提升专项行动
                    score += min(0.3, 0.04 * (run - 3))
                score += 0.08 / (1 + rank)
                if heading_only and query.question_type not in ("list", "procedure"):
                    score -= 0.4
                candidates.append(Candidate(c.doc_id, s, e, score, covered, rank, norm, heading_only))
        candidates.sort(key=lambda c: -c.score)
        return Evidence(hits, snap, weights, candidates, quantity, best_chunk_cov, groups)

    def unknown_topics(self, ev: Evidence) -> list[str]:
        """Nouns of the question that no document contains, nor any of their synonyms
        (网约车, 口罩, 局长): the question is about something the corpus does not cover."""
        texts = [ev.snap.normalized(d) for d in ev.snap.docs]
        alts = dict(ev.query.synonyms)

        def absent(term: str) -> bool:
            return not any(term in t or any(a in t for a in alts.get(term, ())) for t in texts)

        unknown = []
        for t in ev.weights:
            if t.isascii() or t[0] in _NUMERAL_START or not topic_like(t) or not absent(t):
                continue
            parts = [p for p in tokens_of_normalized(t) if p != t and len(p) >= 2]
            if parts and not any(absent(p) for p in parts):
                continue  # 工商部门: 工商 and 部门 are both in the documents
            if any(not absent(t[:i]) and not absent(t[i:]) for i in range(2, len(t) - 1)):
                continue  # the same, when jieba's parts (工商部) hide the split
            unknown.append(t)
        return unknown

    def compose(self, hits: Hits, snap: Snapshot) -> Composition:
        from assistant import shapes

        ev = self.evidence(hits, snap)
        unknown = self.unknown_topics(ev) if ev.candidates else []
        if unknown:
            reason = f"文件中没有提到“{'、'.join(unknown[:3])}”"
            return Composition("", [], True, reason, coverage=ev.coverage)
        if not ev.candidates or ev.coverage < self.min_coverage:
            missing = [t for t in ev.weights if not any(t in normalize(h.chunk.text) for h in hits.hits[:6])]
            reason = "没有找到涵盖问题关键词的段落" + (f"(未出现: {'、'.join(missing[:5])})" if missing else "")
            return Composition("", [], True, reason, coverage=ev.coverage)
        gap = self.unmet_premise(ev)
        if gap is not None:
            return gap
        shaped = shapes.shape(ev, self)
        return Composition(shaped.text, shaped.citations, shaped.abstained, shaped.reason, coverage=ev.coverage)

    def unmet_premise(self, ev: Evidence) -> Composition | None:
        """An abstention when the question asks for a figure the passages lack, or states one
        they do not; it quotes the nearest sentence so the user sees what the documents say."""
        top = ev.candidates[0]
        reason = ""
        if ev.quantity is not None and ev.query.question_type not in ("comparison", "list"):
            strong = [c for c in ev.candidates if c.score >= 0.75 * top.score]
            if not any(ev.quantity.found_in(c.norm) for c in strong):
                reason = f"文件提到了相关内容,但没有规定具体的{ev.quantity.label}"
        if not reason:
            near = [c for c in ev.candidates[:5] if c.score >= 0.6 * top.score]
            missing = [f for f in stated_figures(ev.query.normalized) if not any(f in c.norm for c in near)]
            if missing:
                reason = f"文件没有提到问题中的“{missing[0]}”"
        if not reason:
            return None
        from assistant.evidence import cite

        s, e = self.trim(ev.text(top.doc_id), top.start, top.end, ev.weights, SINGLE_FACT_LIMIT)
        quote = cite(ev.snap, top.doc_id, s, e, 1)
        return Composition(f"{reason}。最接近的原文: {quote.quote} [1]", [quote], True, reason, ev.coverage)
