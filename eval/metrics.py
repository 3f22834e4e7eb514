"""Metrics computed without an LLM judge: retrieval recall against gold spans, key facts in
the answer, citation validity, abstention."""
from __future__ import annotations

from dataclasses import dataclass

from eval.gold import GoldItem
from ingest.normalize import fold_width, to_simplified


def _norm(s: str) -> str:
    return to_simplified(fold_width(s)).lower().replace(" ", "")


def gold_spans(item: GoldItem, texts: dict[str, str]) -> list[tuple[str, int, int]]:
    spans = []
    for ev in item.evidence:
        at = texts[ev.doc_id].find(ev.quote)
        if at >= 0:
            spans.append((ev.doc_id, at, at + len(ev.quote)))
    return spans


def overlaps(doc_id: str, start: int, end: int, spans: list[tuple[str, int, int]]) -> bool:
    return any(d == doc_id and start < e and s < end for d, s, e in spans)


def first_relevant_rank(chunks: list[tuple[str, int, int]], spans: list[tuple[str, int, int]]) -> int | None:
    for rank, (doc_id, s, e) in enumerate(chunks):
        if overlaps(doc_id, s, e, spans):
            return rank
    return None


def key_facts_present(answer: str, facts: tuple[tuple[str, ...], ...]) -> bool:
    text = _norm(answer)
    return all(any(_norm(alt) in text for alt in alts) for alts in facts)


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
