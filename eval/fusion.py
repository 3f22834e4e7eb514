"""Measure the fusion weight of the built-in dense leg on the dev split.

    python -m eval.fusion [--split dev] [--weights 0,0.25,0.5,1]

For each weight: Recall@1/5 of retrieval against the gold evidence spans, key-fact recall of
the answers and false refusals on answerable items, refusals on unanswerable ones. The
README records the figures that chose the default weight."""
from __future__ import annotations

import argparse
import tempfile
from dataclasses import replace
from pathlib import Path

from assistant import Assistant, Settings, Turn
from assistant.index import Index
from assistant.understand import analyse
from assistant.updater import ingest_paths
from eval.gold import load_split
from eval.metrics import Tally, first_relevant_rank, gold_spans, key_facts_present

ROOT = Path(__file__).resolve().parent.parent


def evaluate(assistant: Assistant, split: str) -> dict[str, float]:
    items = load_split(split)
    snap = assistant.index.snapshot()
    texts = {d: snap.text(d) for d in snap.docs}
    r1, r5, facts, false_refusal, refusal = Tally(), Tally(), Tally(), Tally(), Tally()
    for item in items:
        history: list[Turn] = []
        for q in item.turns[:-1]:
            history.append(Turn(q, assistant.ask(q, history=list(history))))
        ans = assistant.ask(item.question, history=history)
        if not item.answerable:
            refusal.add(ans.abstained)
            continue
        false_refusal.add(ans.abstained)
        facts.add(key_facts_present(ans.answer, item.key_facts))
        spans = gold_spans(item, texts)
        hits = assistant.retriever.search(analyse(ans.standalone_question), k=10)
        rank = first_relevant_rank([(h.chunk.doc_id, h.chunk.start, h.chunk.end) for h in hits.hits], spans)
        r1.add(rank is not None and rank < 1)
        r5.add(rank is not None and rank < 5)
    return {
        "recall@1": r1.rate, "recall@5": r5.rate, "key_fact_recall": facts.rate,
        "false_refusal": false_refusal.rate, "refusal_unanswerable": refusal.rate, "answerable": facts.n,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--split", default="dev")
    p.add_argument("--weights", default="0,0.25,0.5,1")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(home=Path(tmp) / "idx")
        ingest_paths(Index(settings), [ROOT / "corpus"])
        print(f"| dense weight | Recall@1 | Recall@5 | key-fact recall | false refusals | refusals (unanswerable) |")
        print("|---|---|---|---|---|---|")
        for w in (float(x) for x in args.weights.split(",")):
            s = replace(settings, dense_weight=w)
            m = evaluate(Assistant(s, Index(s)), args.split)
            print(f"| {w:g} | {m['recall@1']:.3f} | {m['recall@5']:.3f} | {m['key_fact_recall']:.3f} | "
                  f"{m['false_refusal']:.3f} | {m['refusal_unanswerable']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
