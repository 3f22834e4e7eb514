"""CI floors for the test split of the default configuration, one set per corpus
(eval/floors.json: {"shipped": {...}, "laws": {...}, "policies": {...}}).

Floors are the measured values rounded down to 2 decimals, ceilings rounded up, so CI fails
when a change makes zhiqa worse than it was measured, never on rounding noise. After a real
improvement, re-measure and rewrite a corpus's entry:

    python -m eval.floors --corpus laws --write"""
from __future__ import annotations

import argparse
import json
import math
from dataclasses import dataclass
from pathlib import Path

from eval.corpora.registry import CORPORA
from eval.runner import evaluate
from eval.summary import Metrics

FLOORS_FILE = Path(__file__).resolve().parent / "floors.json"
FLOOR_METRICS = ("key_fact_recall", "citation_validity", "citation_support", "refusal_rate", "recall_at_5", "premise_corrected")
CEILING_METRICS = ("false_refusal_rate",)


@dataclass(frozen=True)
class Floors:
    split: str
    config: str
    floors: dict[str, float]
    ceilings: dict[str, float]

    def to_dict(self) -> dict:
        return {"split": self.split, "config": self.config, "floors": self.floors, "ceilings": self.ceilings}


@dataclass(frozen=True)
class Violation:
    metric: str
    measured: float
    bound: float
    kind: str  # "floor" | "ceiling"

    def __str__(self) -> str:
        side = "below its floor" if self.kind == "floor" else "above its ceiling"
        return f"{self.metric} = {self.measured:.4f} is {side} {self.bound:.2f}"


def load_floors(corpus: str = "shipped", path: Path = FLOORS_FILE) -> Floors:
    d = json.loads(path.read_text(encoding="utf-8"))[corpus]
    return Floors(d["split"], d["config"], dict(d["floors"]), dict(d["ceilings"]))


def violations(metrics: Metrics, floors: Floors) -> list[Violation]:
    out = []
    for name, bound in floors.floors.items():
        v = getattr(metrics, name)
        if not v >= bound:  # nan fails too
            out.append(Violation(name, v, bound, "floor"))
    for name, bound in floors.ceilings.items():
        v = getattr(metrics, name)
        if not v <= bound:
            out.append(Violation(name, v, bound, "ceiling"))
    return out


def measured_floors(metrics: Metrics, split: str = "test", config: str = "default") -> Floors:
    down = {m: math.floor(round(getattr(metrics, m) * 100, 6)) / 100 for m in FLOOR_METRICS}
    up = {m: math.ceil(round(getattr(metrics, m) * 100, 6)) / 100 for m in CEILING_METRICS}
    return Floors(split, config, down, up)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", choices=tuple(CORPORA), default="shipped")
    p.add_argument("--write", action="store_true", help=f"rewrite the corpus's entry of {FLOORS_FILE.name} from a fresh measurement")
    args = p.parse_args(argv)
    report = evaluate("test", "default", corpus=args.corpus)
    floors = measured_floors(report.metrics)
    if args.write:
        stored = json.loads(FLOORS_FILE.read_text(encoding="utf-8")) if FLOORS_FILE.exists() else {}
        stored[args.corpus] = floors.to_dict()
        FLOORS_FILE.write_text(json.dumps(stored, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({args.corpus: floors.to_dict()}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
