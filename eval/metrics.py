"""Metrics computed without an LLM judge: retrieval recall against gold spans, key facts in
the answer, citation validity, abstention."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache


from eval.gold import GoldItem
from ingest.extract.spans import normalized
from ingest.normalize import fold_width, normalize, opencc_converter, to_simplified


def _norm(s: str) -> str:
    return to_simplified(fold_width(s)).lower().replace(" ", "")


def _mainland(s: str) -> str:
    """The text with Taiwan vocabulary in mainland words (裝置 → 设备), for matching a key fact
    against an answer quoted from a document in Taiwan usage; applied to both sides."""
    return _norm(opencc_converter("tw2sp").convert(fold_width(s)))


def _holds(text: str, alt: str, mainland: str) -> bool:
    return _norm(alt) in text or _mainland(alt) in mainland


def overlaps(doc_id: str, start: int, end: int, spans: list[tuple[str, int, int]]) -> bool:
    return any(d == doc_id and start < e and s < end for d, s, e in spans)


def key_facts_present(answer: str, facts: tuple[tuple[str, ...], ...]) -> bool:
    text, mainland = _norm(answer), _mainland(answer)
    return all(any(_holds(text, alt, mainland) for alt in alts) for alts in facts)


@dataclass
class Tally:
    n: int = 0
    hit: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.hit += int(ok)

    @property
    def rate(self) -> float:
        return self.hit / self.n if self.n else float("nan")


# --- evaluation suite (eval.run): ranking, answer and citation metrics -------------------------

Span = tuple[str, int, int]  # doc_id, start, end in the original text


@lru_cache(maxsize=64)
def _compact(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """The normalised text without blanks, and each of its characters' original start and end."""
    view = normalized(text)
    keep = [i for i, ch in enumerate(view.text) if not ch.isspace()]
    return "".join(view.text[i] for i in keep), tuple(view.starts[i] for i in keep), tuple(view.ends[i] for i in keep)


def _loose_spans(doc_id: str, text: str, quote: str) -> list[Span]:
    """Where a quote stands in a text rendered differently from the one it was copied from (a
    PDF's line breaks, traditional script with Taiwan vocabulary): matched on the normalised
    forms without blanks, the quote also as Taiwan usage writes it."""
    compact, starts, ends = _compact(text)
    spans = []
    for form in dict.fromkeys((quote, opencc_converter("s2twp").convert(quote))):
        wanted = re.sub(r"\s", "", normalize(form))
        at = compact.find(wanted) if wanted else -1
        while at >= 0:
            spans.append((doc_id, starts[at], ends[at + len(wanted) - 1]))
            at = compact.find(wanted, at + 1)
        if spans:
            break
    return spans


def evidence_spans(item: GoldItem, texts: dict[str, str]) -> list[Span]:
    """Every occurrence of every gold quote: a short quote (a date, an issuer) that recurs in the
    document is evidence wherever it stands. A quote copied from the Markdown original of a
    document the corpus holds as a PDF, a Word file or in traditional script is matched loosely."""
    spans = []
    for ev in item.evidence:
        text = texts.get(ev.doc_id, "")
        at = text.find(ev.quote) if ev.quote else -1
        found = []
        while at >= 0:
            found.append((ev.doc_id, at, at + len(ev.quote)))
            at = text.find(ev.quote, at + 1)
        spans += found or (_loose_spans(ev.doc_id, text, ev.quote) if text and ev.quote else [])
    return spans


def relevance(ranked: list[Span], spans: list[Span]) -> list[bool]:
    return [overlaps(d, s, e, spans) for d, s, e in ranked]


def recall_at(rels: list[bool], k: int) -> float:
    """1 when a relevant unit is within the top k (first relevant rank, as for comparison items)."""
    return float(any(rels[:k]))


def reciprocal_rank(rels: list[bool], k: int = 10) -> float:
    for rank, rel in enumerate(rels[:k]):
        if rel:
            return 1.0 / (rank + 1)
    return 0.0


def ndcg_at(rels: list[bool], n_relevant: int, k: int = 10) -> float:
    """Binary-relevance nDCG: the ideal ranking puts all n_relevant relevant units of the
    collection first."""
    dcg = sum(1.0 / math.log2(i + 2) for i, rel in enumerate(rels[:k]) if rel)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(n_relevant, k)))
    return dcg / ideal if ideal else 0.0


def fact_hits(answer: str, facts: tuple[tuple[str, ...], ...]) -> list[bool]:
    """For each key fact, whether one of its alternatives appears (after script normalisation,
    Taiwan vocabulary read as mainland words)."""
    text, mainland = _norm(answer), _mainland(answer)
    return [any(_holds(text, alt, mainland) for alt in alts) for alts in facts]


def citation_valid(quote: str, start: int, end: int, original: str, corpus_text: str | None) -> bool:
    """The quote is the original text at [start, end), and the corpus file, where it is text,
    says the same there."""
    if not quote or not 0 <= start < end <= len(original):
        return False
    return original[start:end] == quote and (corpus_text is None or corpus_text[start:end] == quote)


def citations_support(quotes: list[str], facts: tuple[tuple[str, ...], ...]) -> bool:
    """The cited quotes together contain every key fact (a fact may not straddle two quotes)."""
    return bool(quotes) and key_facts_present("\n".join(quotes), facts)


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolation percentile, q in [0, 1]; nan for no values."""
    if not values:
        return float("nan")
    values = sorted(values)
    pos = (len(values) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (pos - lo)
