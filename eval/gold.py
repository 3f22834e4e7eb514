"""The gold sets: questions written from each corpus by reading it (eval/corpora/registry.py
says where each corpus's {dev,test}.jsonl are)."""
from __future__ import annotations

import json
from dataclasses import dataclass

from eval.corpora.registry import corpus as eval_corpus


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    quote: str


@dataclass(frozen=True)
class GoldItem:
    id: str
    turns: tuple[str, ...]  # one turn for single questions; the last turn is judged
    type: str
    answerable: bool
    evidence: tuple[Evidence, ...]
    key_facts: tuple[tuple[str, ...], ...]  # each fact: accepted alternatives
    script: str
    tags: tuple[str, ...]

    @property
    def question(self) -> str:
        return self.turns[-1]


def load_split(split: str, corpus: str = "shipped") -> list[GoldItem]:
    if split not in ("dev", "test"):
        raise ValueError(f"split must be dev or test, got {split!r}")
    return parse_items(eval_corpus(corpus).gold_file(split).read_text(encoding="utf-8"))


def parse_items(text: str) -> list[GoldItem]:
    """Gold items from JSON lines (question or turns, evidence quotes, key facts with | between
    accepted alternatives)."""
    items = []
    for line in text.splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        turns = tuple(d["turns"]) if d.get("turns") else (d["question"],)
        items.append(
            GoldItem(
                id=d["id"],
                turns=turns,
                type=d["type"],
                answerable=bool(d["answerable"]),
                evidence=tuple(Evidence(e["doc_id"], e["quote"]) for e in d.get("evidence", [])),
                key_facts=tuple(tuple(f.split("|")) for f in d.get("key_facts", [])),
                script=d.get("script", "simplified"),
                tags=tuple(d.get("tags", [])),
            )
        )
    return items
