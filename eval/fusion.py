"""Measure the fusion weight of the built-in dense leg on the dev split.

    python -m eval.fusion [--split dev] [--weights 0,0.25,0.5,1]

For each weight, the same judging as `zhiqa eval`: Recall@1/5 against the gold evidence spans,
key-fact recall, false refusals on answerable items and refusals on unanswerable ones. The
README records the figures that chose the default weight."""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from eval.gold import load_split
from eval.judge import Sources
from eval.runner import ProductConfig, _product, _run_system, build_index, file_texts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--split", default="dev")
    p.add_argument("--weights", default="0,0.25,0.5,1")
    args = p.parse_args(argv)
    items = load_split(args.split)
    with tempfile.TemporaryDirectory() as tmp:
        index = build_index(Path(tmp) / "idx", "builtin")
        snap = index.snapshot()
        originals = {d: snap.text(d) for d in snap.docs}
        sources = Sources(originals, file_texts(snap))
        print("| dense weight | Recall@1 | Recall@5 | key-fact recall | false refusals | refusals (unanswerable) |")
        print("|---|---|---|---|---|---|")
        for w in (float(x) for x in args.weights.split(",")):
            system = _product(ProductConfig(f"w{w:g}", f"dense weight {w:g}", "builtin", w), index)
            m = _run_system(system, items, sources).metrics
            print(f"| {w:g} | {m.recall_at_1:.3f} | {m.recall_at_5:.3f} | {m.key_fact_recall:.3f} | "
                  f"{m.false_refusal_rate:.3f} | {m.refusal_rate:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
