"""The paraphrase probe: questions in users' words that share few words with the provision that
answers them (eval/data/laws/paraphrase.jsonl, over the development corpus, split by document
like its gold set), asked with each dense leg.

    python -m eval.paraphrase [--embedders none,builtin,e5] [--split dev,test] [--weights 1]
                              [--out eval/reports/paraphrase.md]

For each embedder and fusion weight: the target provision in the top 5 of the leg alone (BM25
for ``none``), in the top 5 of the fused ranking the product answers from, and the answer
judged as ``zhiqa eval`` judges it (key facts stated, quotes exact), with false refusals."""
from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from assistant import Assistant
from assistant.index.index import Index
from assistant.question.analyse import analyse
from eval.corpora.registry import corpus
from eval.gold import GoldItem, parse_items
from eval.judge import Sources
from eval.metrics import evidence_spans
from eval.runner import ProductConfig, _product, _run_system, build_index, file_texts

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "eval" / "data" / "laws" / "paraphrase.jsonl"
LAWS = corpus("laws")


def load_probe(split: str) -> list[GoldItem]:
    """The probe's items of one split (ids para-dev-NNN / para-test-NNN)."""
    return [i for i in parse_items(PROBE.read_text(encoding="utf-8")) if i.id.startswith(f"para-{split}-")]


@dataclass(frozen=True)
class ProbeRow:
    embedder: str
    weight: float
    split: str
    n: int
    leg_top5: int  # the leg alone (dense, or BM25 for none) puts the target in its top 5
    fused_top5: int
    answered: int  # judged correct
    false_refusals: int


def _in_top(item: GoldItem, spans: list[tuple[str, int, int]], texts: dict[str, str], k: int = 5) -> bool:
    gold = evidence_spans(item, texts)
    return any(d == gd and s < ge and gs < e for d, s, e in spans[:k] for gd, gs, ge in gold)


def leg_alone(index: Index, embedder: str) -> Assistant:
    """The retriever of one leg: dense only, or BM25 only when there is no dense leg."""
    if embedder == "none":
        return Assistant(replace(index.settings, dense_weight=0.0), Index(index.settings))
    settings = replace(index.settings, bm25_weight=0.0, dense_weight=1.0)
    return Assistant(settings, Index(settings))


def probe(embedder: str, weight: float, index: Index, splits: list[str], sources: Sources,
          texts: dict[str, str]) -> list[ProbeRow]:
    rows = []
    system = _product(ProductConfig(f"zhiqa-{embedder}", embedder, embedder, weight), index)
    alone = leg_alone(index, embedder)
    for split in splits:
        items = load_probe(split)
        run = _run_system(system, items, sources)
        leg = sum(_in_top(i, [(h.chunk.doc_id, h.chunk.start, h.chunk.end)
                              for h in alone.retriever.search(analyse(i.question), k=5).hits], texts) for i in items)
        fused = sum(r.first_relevant_rank is not None and r.first_relevant_rank <= 5 for r in run.results)
        rows.append(ProbeRow(embedder, weight, split, len(items), leg, fused, sum(r.passed for r in run.results),
                             sum(r.said.abstained for r in run.results)))
    return rows


def table(rows: list[ProbeRow]) -> list[str]:
    out = ["| dense leg | fusion weight | split | questions | leg alone: target in top 5 | fused: target in top 5 | "
           "answered correctly | false refusals |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| {r.embedder} | {r.weight:g} | {r.split} | {r.n} | {r.leg_top5} ({r.leg_top5 / r.n:.2f}) | "
                   f"{r.fused_top5} ({r.fused_top5 / r.n:.2f}) | {r.answered} ({r.answered / r.n:.2f}) | "
                   f"{r.false_refusals} ({r.false_refusals / r.n:.2f}) |")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--embedders", default="none,builtin,e5")
    p.add_argument("--split", default="dev,test")
    p.add_argument("--weights", default="1", help="comma-separated fusion weights of the dense leg")
    p.add_argument("--out", type=Path, default=ROOT / "eval" / "reports" / "paraphrase.md")
    args = p.parse_args(argv)
    splits = [s for s in args.split.split(",") if s]
    weights = [float(w) for w in args.weights.split(",")]
    rows: list[ProbeRow] = []
    with tempfile.TemporaryDirectory(prefix="zhiqa-paraphrase-") as tmp:
        for embedder in [e for e in args.embedders.split(",") if e]:
            index = build_index(Path(tmp) / f"index-{embedder}", embedder, LAWS.folder)
            snap = index.snapshot()
            texts = {d: snap.text(d) for d in snap.docs}
            sources = Sources(texts, file_texts(snap))
            for w in weights if embedder != "none" else [0.0]:
                rows.extend(probe(embedder, w, index, splits, sources, texts))
                print("\n".join(table(rows)[-len(splits):]), flush=True)
    lines = ["# Paraphrase probe (python -m eval.paraphrase)", "",
             f"{PROBE.relative_to(ROOT)}: questions in users' words sharing few words with the provision that answers "
             "them, over the development corpus (split by document).", "", *table(rows)]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
