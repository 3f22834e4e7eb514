"""Measure the fusion weight of the built-in dense leg on the dev split.

    python -m eval.fusion [--split dev] [--corpus shipped|laws|all] [--weights 0,0.25,0.5,1]

For each weight, the same judging as `zhiqa eval`: Recall@1/5 against the gold evidence spans,
key-fact recall, false refusals on answerable items and refusals on unanswerable ones. The
README records the figures that chose the default weight."""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from eval.corpora.registry import CORPORA, corpus
from eval.gold import load_split
from eval.judge import Sources
from eval.runner import ProductConfig, _product, _run_system, build_index, file_texts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--split", default="dev")
    p.add_argument("--corpus", choices=(*CORPORA, "all"), default="all")
    p.add_argument("--weights", default="0,0.25,0.5,1")
    args = p.parse_args(argv)
    weights = [float(x) for x in args.weights.split(",")]
    print("| corpus | dense weight | Recall@1 | Recall@5 | MRR@10 | key-fact recall | false refusals | refusals (unanswerable) |")
    print("|---|---|---|---|---|---|---|---|")
    for name in CORPORA if args.corpus == "all" else (args.corpus,):
        items = load_split(args.split, name)
        with tempfile.TemporaryDirectory() as tmp:
            index = build_index(Path(tmp) / "idx", "builtin", corpus(name).folder)
            snap = index.snapshot()
            originals = {d: snap.text(d) for d in snap.docs}
            sources = Sources(originals, file_texts(snap))
            for w in weights:
                system = _product(ProductConfig(f"w{w:g}", f"dense weight {w:g}", "builtin", w), index)
                m = _run_system(system, items, sources).metrics
                print(f"| {name} | {w:g} | {m.recall_at_1:.3f} | {m.recall_at_5:.3f} | {m.mrr_at_10:.3f} | "
                      f"{m.key_fact_recall:.3f} | {m.false_refusal_rate:.3f} | {m.refusal_rate:.3f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
