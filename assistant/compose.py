"""Extractive answers: the 1-3 sentences of the retrieved chunks that best cover the
question, each with an exact citation; or an abstention with its reason."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.answer import Citation
from assistant.evidence import cite
from assistant.records import Snapshot
from assistant.retrieve import Hits
from assistant.tokenize import question_words
from ingest.normalize import normalize

_SENT = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』)）]?|\n|$)")
_CLAUSE = re.compile(r"[^，,、：:]*(?:[，,、：:]|$)")
_CUES = {
    "responsibility": re.compile(r"牵头|配合|负责|主管|按职责|承担|职责"),
    "deadline": re.compile(r"\d{4}年|年底|年末|月底|日内|日前|期间|届满|之前|以前|每年|工作日"),
    "target": re.compile(r"\d+(?:\.\d+)?\s*(?:%|个|家|项|件|亿|万|人|次|以上)|百分之"),
}
SINGLE_FACT_LIMIT = 300
LONG_LIMIT = 600


@dataclass(frozen=True)
class Candidate:
    doc_id: str
    start: int
    end: int
    score: float
    covered: frozenset[str]


@dataclass(frozen=True)
class Composition:
    answer: str
    citations: list[Citation]
    abstained: bool
    reason: str = ""
    suggestions: tuple[str, ...] = ()
    coverage: float = 0.0


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


class ExtractiveComposer:
    def __init__(self, min_coverage: float = 0.5) -> None:
        if not 0 <= min_coverage <= 1:
            raise ValueError("min_coverage must be within [0, 1]")
        self.min_coverage = min_coverage

    def _weights(self, snap: Snapshot, tokens: tuple[str, ...], regions: tuple[str, ...]) -> dict[str, float]:
        """Key terms of the question and how much each matters (idf). Question words and the
        regions the question names (applied as filters) are not terms to find in a passage."""
        n = max(len(snap.chunks), 1)
        unknown = float(math.log(1 + (n + 0.5) / 0.5))
        skip = question_words()
        weights = {}
        for t in dict.fromkeys(tokens):
            english_word = t.isascii() and t.isalpha()  # carried by its glossary expansion, if any
            if t in skip or english_word or any(t in (r, r + "省") for r in regions) or len(t) == 1 and not t.isdigit():
                continue
            idf = snap.bm25.idf(t) if snap.bm25 is not None else None
            weights[t] = unknown if idf is None else idf
        return weights

    def _trim(self, text: str, s: int, e: int, weights: dict[str, float], limit: int) -> tuple[int, int]:
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

    def compose(self, hits: Hits, snap: Snapshot) -> Composition:
        query = hits.query
        weights = self._weights(snap, query.tokens, query.regions)
        total = sum(weights.values()) or 1.0
        cue = _CUES.get(query.question_type)
        limit = LONG_LIMIT if query.question_type in ("list", "procedure", "comparison") else SINGLE_FACT_LIMIT

        candidates: list[Candidate] = []
        best_chunk_cov = 0.0
        for rank, hit in enumerate(hits.hits[:6]):
            c = hit.chunk
            meta = snap.docs[c.doc_id].meta
            context = normalize(f"{meta.title or ''} {meta.issuer or ''} {meta.region or ''} {c.section_path}")
            chunk_norm = normalize(c.text) + context
            best_chunk_cov = max(best_chunk_cov, sum(w for t, w in weights.items() if t in chunk_norm) / total)
            text = snap.text(c.doc_id)
            for s, e in sentence_spans(text, c.start, c.end):
                norm = normalize(text[s:e])
                covered = frozenset(t for t in weights if t in norm or t in context)
                score = sum(weights[t] for t in covered if t in norm) / total
                score += 0.3 * sum(weights[t] for t in covered if t not in norm) / total
                if cue and cue.search(norm):
                    score += 0.25
                score += 0.08 / (1 + rank)
                candidates.append(Candidate(c.doc_id, s, e, score, covered))

        if not candidates or best_chunk_cov < self.min_coverage:
            missing = [t for t in weights if not any(t in normalize(h.chunk.text) for h in hits.hits[:6])]
            reason = "没有找到涵盖问题关键词的段落" + (f"(未出现: {'、'.join(missing[:5])})" if missing else "")
            return Composition("", [], True, reason, coverage=best_chunk_cov)

        candidates.sort(key=lambda c: -c.score)
        chosen: list[Candidate] = [candidates[0]]
        covered = set(candidates[0].covered)
        for cand in candidates[1:]:
            if len(chosen) >= 3:
                break
            if cand.score < 0.7 * chosen[0].score or not (cand.covered - covered):
                continue
            if any(cand.doc_id == c.doc_id and cand.start < c.end and c.start < cand.end for c in chosen):
                continue
            chosen.append(cand)
            covered |= cand.covered

        if cue and not any(cue.search(normalize(snap.text(c.doc_id)[c.start : c.end])) for c in chosen):
            # a responsibility or time question answered without its cue (牵头/配合, a date):
            # add the best cue sentence of the same passage, e.g. a task's (…牵头,…配合) line
            lead = chosen[0]
            same = [
                c for c in candidates
                if c.doc_id == lead.doc_id and c is not lead
                and cue.search(normalize(snap.text(c.doc_id)[c.start : c.end]))
                and (rec_sec := snap.docs[c.doc_id].section_at(c.start)) is not None
                and rec_sec == snap.docs[lead.doc_id].section_at(lead.start)
            ]
            if same:
                chosen.append(max(same, key=lambda c: c.score))

        parts: list[str] = []
        citations: list[Citation] = []
        used = 0
        for cand in sorted(chosen, key=lambda c: (c.doc_id != chosen[0].doc_id, c.doc_id, c.start)):
            text = snap.text(cand.doc_id)
            s, e = self._trim(text, cand.start, cand.end, weights, limit)
            if used and used + (e - s) > limit:
                continue
            used += e - s
            n = len(citations) + 1
            citations.append(cite(snap, cand.doc_id, s, e, n))
            parts.append(f"{text[s:e]} [{n}]")
        return Composition(" ".join(parts), citations, False, coverage=best_chunk_cov)

