"""Evaluate zhiqa on a gold split of each corpus, beside the paragraph-BM25 baselines.

    python -m eval.run [--split dev|test] [--corpus shipped|laws|policies|all] [--config default|bm25|none-embedder|e5]
                       [--out-dir eval/reports]

Writes <out-dir>/<name>.md, .json and three PNG charts per corpus (metrics by question type,
failures by cause, the reliability of the evidence coverage abstention reads; <name> is
test-default for the shipped corpus, laws-test-default for the development corpus of laws,
policies-test-default for the policy pages), prints each corpus's headline table and then
zhiqa's figures on every corpus side by side (eval.corpora.registry lists the corpora)."""
from __future__ import annotations

import argparse
from pathlib import Path

from eval.charts import write_charts
from eval.corpora.registry import CORPORA
from eval.report import headline_table, side_by_side, write_report
from eval.runner import CONFIGS, EvalReport, evaluate

DEFAULT_OUT = Path(__file__).resolve().parent / "reports"


def run_eval(split: str = "test", config_name: str = "default", out_dir: Path = DEFAULT_OUT,
             corpus: str = "shipped") -> EvalReport:
    """Evaluate one corpus, then write its report files under out_dir; returns the report."""
    report = evaluate(split, config_name, corpus=corpus)
    charts = write_charts(report, Path(out_dir), report.name)
    write_report(report, Path(out_dir), report.name, [p.name for p in charts])
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--split", choices=("dev", "test"), default="test")
    p.add_argument("--corpus", choices=(*CORPORA, "all"), default="all")
    p.add_argument("--config", choices=tuple(CONFIGS), default="default")
    p.add_argument("--out-dir", type=Path, default=DEFAULT_OUT)
    args = p.parse_args(argv)
    names = list(CORPORA) if args.corpus == "all" else [args.corpus]
    reports = []
    for name in names:
        report = run_eval(args.split, args.config, args.out_dir, name)
        reports.append(report)
        print(f"\n## {CORPORA[name].label}, {args.split} split\n")
        print("\n".join(headline_table(report)))
        print(f"\n{len(report.failures)} failed items; wall time {report.wall_s:.1f} s; "
              f"report: {args.out_dir / (report.name + '.md')}")
    if len(reports) > 1:
        print(f"\n## zhiqa ({args.config}) on each corpus, {args.split} split\n")
        print("\n".join(side_by_side(reports)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
