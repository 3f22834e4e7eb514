"""The corpora the eval judges zhiqa on, each with its own gold set split by document:

- ``shipped``: corpus/, the five policy documents zhiqa ships with (eval/data/{dev,test}.jsonl);
- ``laws``: eval/corpora/laws/, the development corpus of 31 national laws, State Council
  regulations, SAMR rules, local regulations and a judicial interpretation, twelve of them
  rendered as users' files (eval/data/laws/{dev,test}.jsonl; which documents are test
  documents: eval/data/laws/split.json). Rules are tuned on the dev documents only;
- ``policies``: eval/corpora/policies/, twenty policy pages of other provinces and cities as
  scraped (only each page's opening, with its header tables, pinyin glosses, traditional script
  and mojibake; sources: eval/corpora/POLICIES-SOURCES.md), split by document like the laws
  (eval/data/policies/split.json); its metadata gold is eval/data/policies/metadata.json."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "eval" / "data"


@dataclass(frozen=True)
class EvalCorpus:
    name: str
    label: str
    folder: Path  # what is ingested
    gold: Path  # folder of {dev,test}.jsonl

    def gold_file(self, split: str) -> Path:
        return self.gold / f"{split}.jsonl"

    @property
    def test_documents(self) -> frozenset[str] | None:
        """The documents of the test split (None: the split is by item, as for the shipped corpus)."""
        path = self.gold / "split.json"
        return frozenset(json.loads(path.read_text(encoding="utf-8"))["test"]) if path.exists() else None


CORPORA = {
    "shipped": EvalCorpus("shipped", "shipped corpus (5 policy documents)", ROOT / "corpus", DATA),
    "laws": EvalCorpus("laws", "development corpus (31 laws and regulations)", ROOT / "eval" / "corpora" / "laws",
                       DATA / "laws"),
    "policies": EvalCorpus("policies", "policy pages of other provinces and cities (20 openings)",
                           ROOT / "eval" / "corpora" / "policies", DATA / "policies"),
}


def corpus(name: str) -> EvalCorpus:
    if name not in CORPORA:
        raise ValueError(f"unknown corpus {name!r}; choose one of {', '.join(CORPORA)}")
    return CORPORA[name]
