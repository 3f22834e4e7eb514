"""What each evaluated system said about one gold item, in one shape: zhiqa itself (any
configuration) and the paragraph-BM25 baselines (eval.baselines) all return a SystemAnswer."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from assistant import Assistant, Turn
from assistant.question.analyse import analyse
from eval.gold import GoldItem
from eval.metrics import Span

RETRIEVAL_DEPTH = 10


@dataclass(frozen=True)
class Cited:
    doc_id: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class SystemAnswer:
    text: str
    abstained: bool
    reason: str  # why it abstained ("" when it answered)
    citations: tuple[Cited, ...]
    ranked: tuple[Span, ...]  # the top RETRIEVAL_DEPTH retrieved units
    latency_ms: float
    standalone: str  # the question the system actually searched for
    coverage: float | None = None  # the evidence its abstention was decided on (zhiqa), None if none


class System(Protocol):
    name: str
    label: str

    def units(self) -> list[Span]:
        """Every retrievable unit of the collection (chunks, paragraphs): the ideal ranking of nDCG."""
        ...

    def answer(self, item: GoldItem) -> SystemAnswer: ...


class ProductSystem:
    """zhiqa as a user meets it: earlier turns asked first with history, the last one judged;
    its retrieval judged on the standalone question it resolved."""

    def __init__(self, name: str, label: str, assistant: Assistant) -> None:
        self.name = name
        self.label = label
        self.assistant = assistant

    def units(self) -> list[Span]:
        return [(c.doc_id, c.start, c.end) for c in self.assistant.index.snapshot().chunks]

    def answer(self, item: GoldItem) -> SystemAnswer:
        history: list[Turn] = []
        for q in item.turns[:-1]:
            history.append(Turn(q, self.assistant.ask(q, history=list(history))))
        ans = self.assistant.ask(item.question, history=history)
        hits = self.assistant.retriever.search(analyse(ans.standalone_question), k=RETRIEVAL_DEPTH)
        return SystemAnswer(
            text=ans.answer,
            abstained=ans.abstained,
            reason=ans.reason,
            citations=tuple(Cited(c.doc_id, c.start, c.end, c.quote) for c in ans.citations),
            ranked=tuple((h.chunk.doc_id, h.chunk.start, h.chunk.end) for h in hits.hits),
            latency_ms=float(ans.latency_ms),
            standalone=ans.standalone_question,
            coverage=ans.coverage,
        )
