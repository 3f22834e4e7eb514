"""Choose the feature reranker's weights on the dev split: a small grid, judged by MRR@10
(then Recall@1), printed as a table. `python -m eval.rerank_tune [--split dev]`."""
from __future__ import annotations

import argparse
import itertools
import tempfile
from dataclasses import replace
from pathlib import Path

from assistant.question.analyse import analyse
from assistant.search.features import FeatureReranker, RerankWeights
from assistant.search.retrieve import HybridRetriever
from eval.gold import load_split
from eval.metrics import evidence_spans, recall_at, reciprocal_rank, relevance
from eval.runner import build_index

GRID = {"title": (0, 0.005, 0.01, 0.02), "coverage": (0, 0.01, 0.02, 0.04), "cue": (0, 0.005), "phrase": (0, 0.005, 0.01)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="dev")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="zhiqa-tune-") as tmp:
        index = build_index(Path(tmp) / "index", "builtin")
        snap = index.snapshot()
        texts = {d: snap.text(d) for d in snap.docs}
        items = [(it, evidence_spans(it, texts)) for it in load_split(args.split) if it.answerable and len(it.turns) == 1]
        items = [(it, spans) for it, spans in items if spans]
        settings = replace(index.settings, rerank_features=False)
        base = HybridRetriever(index, settings)  # no reranker: the fused order the grid reranks
        queries = [(analyse(it.question), spans) for it, spans in items]
        fused = [(base.search(q, k=20), spans) for q, spans in queries]
        rows = []
        for values in itertools.product(*GRID.values()):
            reranker = FeatureReranker(RerankWeights(*values))
            rels = [relevance([(h.chunk.doc_id, h.chunk.start, h.chunk.end) for h in reranker.rerank(h, snap).hits[:10]], s) for h, s in fused]
            mrr = sum(reciprocal_rank(r) for r in rels) / len(rels)
            r1 = sum(recall_at(r, 1) for r in rels) / len(rels)
            rows.append((mrr, r1, values))
        rows.sort(key=lambda r: (-r[0], -r[1]))
        print(f"{len(fused)} single-turn answerable {args.split} items")
        print("| title | coverage | cue | phrase | MRR@10 | R@1 |\n|---|---|---|---|---|---|")
        none = next(r for r in rows if r[2] == (0, 0, 0, 0))
        d = RerankWeights()
        default = next(r for r in rows if r[2] == (d.title, d.coverage, d.cue, d.phrase))
        print(f"default weights {default[2]}: MRR@10 {default[0]:.3f}, R@1 {default[1]:.3f}; "
              f"without reranking: MRR@10 {none[0]:.3f}, R@1 {none[1]:.3f}")
        for mrr, r1, v in rows[:8] + [none]:
            print(f"| {' | '.join(map(str, v))} | {mrr:.3f} | {r1:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
