"""Judge one SystemAnswer against its gold item: which retrieved units are relevant, which key
facts the answer states, which citations are exact and on the gold evidence, and, for a failed
item, the first cause a developer should look at."""
from __future__ import annotations

from dataclasses import dataclass

from eval.gold import GoldItem
from eval.metrics import citation_valid, citations_support, evidence_spans, fact_hits, overlaps, relevance
from eval.systems import SystemAnswer

CAUSES = ("retrieval miss", "abstained wrongly", "missing key facts", "invalid citation", "answered unanswerable")
EXACT_TYPES = ("deadline", "target")


@dataclass(frozen=True)
class Sources:
    originals: dict[str, str]  # doc_id -> original text as the index stores it (snapshot.text)
    corpus_files: dict[str, str]  # doc_id -> text of its file where it is UTF-8 text (runner.file_texts)


@dataclass(frozen=True)
class ItemResult:
    item: GoldItem
    said: SystemAnswer
    has_gold_spans: bool  # the gold quotes were found in the corpus (retrieval is judged only then)
    rels: tuple[bool, ...]  # relevance of each ranked unit
    n_relevant: int  # relevant units in the whole collection
    facts: tuple[bool, ...]  # per key fact: stated in the answer (all False when it abstained)
    citations_valid: tuple[bool, ...]
    citations_on_gold: tuple[bool, ...]
    supported: bool  # cited quotes together hold every key fact
    cause: str | None  # None when the item passed

    @property
    def passed(self) -> bool:
        return self.cause is None

    @property
    def first_relevant_rank(self) -> int | None:
        return next((i + 1 for i, rel in enumerate(self.rels) if rel), None)


def judge(item: GoldItem, said: SystemAnswer, units: list[tuple[str, int, int]], sources: Sources) -> ItemResult:
    spans = evidence_spans(item, sources.originals) if item.answerable else []
    rels = tuple(relevance(list(said.ranked), spans)) if spans else ()
    n_relevant = sum(overlaps(d, s, e, spans) for d, s, e in units) if spans else 0
    answered = not said.abstained
    facts = tuple(fact_hits(said.text, item.key_facts)) if answered else tuple(False for _ in item.key_facts)
    valid = tuple(
        citation_valid(c.quote, c.start, c.end, sources.originals.get(c.doc_id, ""), sources.corpus_files.get(c.doc_id))
        for c in said.citations
    )
    on_gold = tuple(overlaps(c.doc_id, c.start, c.end, spans) for c in said.citations)
    supported = answered and citations_support([c.quote for c in said.citations], item.key_facts)
    return ItemResult(item=item, said=said, has_gold_spans=bool(spans), rels=rels, n_relevant=n_relevant, facts=facts,
                      citations_valid=valid, citations_on_gold=on_gold, supported=supported,
                      cause=_cause(item, said, spans, rels, facts, valid))


def _cause(item, said, spans, rels, facts, valid) -> str | None:
    if not item.answerable:
        return None if said.abstained else "answered unanswerable"
    if not said.abstained and all(facts) and all(valid):
        return None
    if spans and not any(rels):
        return "retrieval miss"
    if said.abstained:
        return "abstained wrongly"
    if not all(facts):
        return "missing key facts"
    return "invalid citation"
