"""Aggregate judged items into the figures the report shows, overall and per group."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from eval.judge import EXACT_TYPES, ItemResult
from eval.metrics import Tally, ndcg_at, percentile, recall_at, reciprocal_rank

RECALL_KS = (1, 3, 5, 10)


@dataclass(frozen=True)
class Metrics:
    n: int
    n_answerable: int
    n_unanswerable: int
    recall_at_1: float
    recall_at_3: float
    recall_at_5: float
    recall_at_10: float
    mrr_at_10: float
    ndcg_at_10: float
    key_fact_recall: float
    exact_answer_rate: float  # deadline and target items: the first key fact stated
    citation_validity: float  # share of all citations that quote the original exactly
    citation_support: float  # answered answerable items whose quotes hold every key fact
    citation_precision: float  # share of citations (answerable items) on gold evidence
    refusal_rate: float  # unanswerable items abstained on
    false_refusal_rate: float  # answerable items abstained on
    premise_corrected: float  # false-premise items answered 不对 with the documents' statement cited
    latency_p50_ms: float
    latency_p95_ms: float

    def as_dict(self) -> dict[str, float | int | None]:
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = None if isinstance(v, float) and v != v else v  # nan -> null in JSON
        return out


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def summarise(results: list[ItemResult]) -> Metrics:
    ranked = [r for r in results if r.item.answerable and r.has_gold_spans]
    answerable = [r for r in results if r.item.answerable]
    answered = [r for r in answerable if not r.said.abstained]
    facts, exact, refusal, false_refusal, support = Tally(), Tally(), Tally(), Tally(), Tally()
    corrected = Tally()
    validity, precision = Tally(), Tally()
    for r in results:
        if not r.item.answerable:
            refusal.add(r.said.abstained)
        if FALSE_PREMISE in r.item.tags:
            corrected.add(corrects(r))
        for ok in r.citations_valid:
            validity.add(ok)
    for r in answerable:
        false_refusal.add(r.said.abstained)
        facts.add(not r.said.abstained and all(r.facts))
        if r.item.type in EXACT_TYPES and r.item.key_facts:
            exact.add(not r.said.abstained and r.facts[0])
    for r in answered:
        support.add(r.supported)
        for ok in r.citations_on_gold:
            precision.add(ok)
    latencies = [r.said.latency_ms for r in results]
    recalls = {k: _mean([recall_at(list(r.rels), k) for r in ranked]) for k in RECALL_KS}
    return Metrics(
        n=len(results),
        n_answerable=len(answerable),
        n_unanswerable=len(results) - len(answerable),
        recall_at_1=recalls[1],
        recall_at_3=recalls[3],
        recall_at_5=recalls[5],
        recall_at_10=recalls[10],
        mrr_at_10=_mean([reciprocal_rank(list(r.rels), 10) for r in ranked]),
        ndcg_at_10=_mean([ndcg_at(list(r.rels), r.n_relevant, 10) for r in ranked]),
        key_fact_recall=facts.rate,
        exact_answer_rate=exact.rate,
        citation_validity=validity.rate,
        citation_support=support.rate,
        citation_precision=precision.rate,
        refusal_rate=refusal.rate,
        false_refusal_rate=false_refusal.rate,
        premise_corrected=corrected.rate,
        latency_p50_ms=percentile(latencies, 0.5),
        latency_p95_ms=percentile(latencies, 0.95),
    )


FALSE_PREMISE = "false-premise"
CORRECTION = "不对"  # how an answer that corrects the question's premise begins (assistant.compose.composer)
# how an abstention says the corpus itself belies the premise: the document, year or period asked
# is not there (语料中没有《X》, 语料中没有2025年的这份文件), or the premise is named as wrong
PREMISE_DENIED = ("语料中没有", "问题的前提与文件不符")


def corrects(r: ItemResult) -> bool:
    """Was a false premise corrected: the answer says 不对 and cites what the documents say, or
    it says the document, year or period the question presumes is not in the corpus? Merely
    declining (文件中没有提到…) is a refusal, not a correction."""
    if r.said.text.lstrip().startswith(CORRECTION):
        return bool(r.said.citations) and all(r.citations_valid)
    return r.said.abstained and any(m in r.said.text for m in PREMISE_DENIED)


def by_tags(results: list[ItemResult]) -> dict[str, Metrics]:
    """One group per tag of the gold items (an item is in each of its tags' groups)."""
    return _grouped(results, lambda r: r.item.tags)


def breakdown(results: list[ItemResult], key: Callable[[ItemResult], str]) -> dict[str, Metrics]:
    return _grouped(results, lambda r: (key(r),))


def _grouped(results: list[ItemResult], keys: Callable[[ItemResult], tuple[str, ...]]) -> dict[str, Metrics]:
    groups: dict[str, list[ItemResult]] = {}
    for r in results:
        for k in keys(r):
            groups.setdefault(k, []).append(r)
    return {name: summarise(group) for name, group in sorted(groups.items())}


def first_evidence_doc(r: ItemResult) -> str:
    return r.item.evidence[0].doc_id if r.item.evidence else "(no evidence: unanswerable)"


@dataclass(frozen=True)
class ReliabilityBin:
    low: float  # evidence coverage in [low, high)
    high: float
    answered: int
    correct: int  # answered and judged right (an answered unanswerable item is wrong)
    abstained: int
    abstained_answerable: int  # of the abstentions, on answerable items (false refusals)

    @property
    def accuracy(self) -> float:
        return self.correct / self.answered if self.answered else float("nan")


RELIABILITY_EDGES = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def reliability(results: list[ItemResult], edges: tuple[float, ...] = RELIABILITY_EDGES) -> list[ReliabilityBin]:
    """How often an answer is right at each level of the evidence it was given on (the coverage
    abstention reads): the reliability of that signal. Items answered without it (an article by
    number, metadata) are left out."""
    bins = []
    for low, high in zip(edges, edges[1:]):
        group = [r for r in results if r.said.coverage is not None and low <= r.said.coverage < high]
        answered = [r for r in group if not r.said.abstained]
        declined = [r for r in group if r.said.abstained]
        bins.append(ReliabilityBin(low, min(high, 1.0), len(answered), sum(r.passed for r in answered), len(declined),
                                   sum(r.item.answerable for r in declined)))
    return bins
