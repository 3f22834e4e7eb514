"""Second stage: reorder the fused candidates with features a reviewer can read.

Each hit gets ``fused + Σ weight × feature`` where the features are in [0, 1]:

- ``title``: share of the question's key terms (idf-weighted) in the section path and title;
- ``coverage``: share of the key terms in the chunk itself;
- ``cue``: the chunk carries what the question type asks for (牵头/配合 for responsibility,
  a time expression for deadlines, a number with a unit for targets);
- ``phrase``: the longest run of the question found verbatim in the chunk (capped at 10 chars).

Filter agreement needs no feature: filters already removed the documents they exclude.
The weights were chosen on the dev split (`python -m eval.rerank_tune`); see the README."""
from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.errors import ConfigError
from assistant.index.snapshot import Snapshot
from assistant.question.kinds import answer_cue
from assistant.question.terms import longest_common_run, mentions, question_terms
from assistant.search.hits import Hit, Hits
from ingest.normalize import normalize

FEATURES = ("title", "coverage", "cue", "phrase")


@dataclass(frozen=True)
class RerankWeights:
    # chosen on dev (python -m eval.rerank_tune): only the phrase feature improved MRR@10 there
    # (0.958 -> 0.961); the others are kept at 0 so that they can be tried on other corpora
    title: float = 0.0
    coverage: float = 0.0
    cue: float = 0.0
    phrase: float = 0.005


@dataclass(frozen=True)
class Explained:
    """A hit's features, for reports and for anyone asking why a passage ranked first."""

    hit: Hit
    features: dict[str, float]
    score: float


class FeatureReranker:
    """Reorders the first ``window`` candidates by fused score plus weighted features."""

    def __init__(self, weights: RerankWeights | None = None, window: int = 20) -> None:
        if window < 1:
            raise ConfigError("window must be >= 1")
        self.weights = weights or RerankWeights()
        self.window = window

    def features(self, hits: Hits, snap: Snapshot) -> list[Explained]:
        query = hits.query
        terms = question_terms(snap, query)
        alts = dict(query.synonyms)
        total = sum(terms.values()) or 1.0
        cue = answer_cue(query.question_type)
        asked = query.asked

        def share(text: str) -> float:
            return sum(w for t, w in terms.items() if mentions(t, text, alts)) / total

        out = []
        w = self.weights
        for hit in hits.hits[: self.window]:
            c = hit.chunk
            meta = snap.docs[c.doc_id].meta
            body = normalize(c.text)
            f = {
                "title": share(normalize(f"{c.section_path} {meta.title or ''}")),
                "coverage": share(body),
                "cue": 1.0 if cue and cue.search(body) else 0.0,
                "phrase": min(longest_common_run(asked, body), 10) / 10,
            }
            score = hit.score + w.title * f["title"] + w.coverage * f["coverage"] + w.cue * f["cue"] + w.phrase * f["phrase"]
            out.append(Explained(hit, f, score))
        return out

    def rerank(self, hits: Hits, snap: Snapshot) -> Hits:
        explained = self.features(hits, snap)
        order = sorted(range(len(explained)), key=lambda i: (-explained[i].score, i))
        head = tuple(replace(explained[i].hit, score=explained[i].score) for i in order)
        return replace(hits, hits=head + hits.hits[self.window :])
