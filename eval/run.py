"""Evaluate zhiqa on a gold split, beside the paragraph-BM25 baselines.

    python -m eval.run [--split dev|test] [--config default|bm25|none-embedder] [--out-dir eval/reports]

Writes <out-dir>/<split>-<config>.md, .json and two PNG charts (metrics by question type,
failures by cause), and prints the headline table."""
from __future__ import annotations

import argparse
from pathlib import Path

from eval.charts import write_charts
from eval.report import headline_table, write_report
from eval.runner import CONFIGS, EvalReport, evaluate

DEFAULT_OUT = Path(__file__).resolve().parent / "reports"


def run_eval(split: str = "test", config_name: str = "default", out_dir: Path = DEFAULT_OUT) -> EvalReport:
    """Evaluate, then write the report files under out_dir; returns the report."""
    report = evaluate(split, config_name)
    name = f"{split}-{config_name}"
    charts = write_charts(report, Path(out_dir), name)
    write_report(report, Path(out_dir), name, [p.name for p in charts])
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--split", choices=("dev", "test"), default="test")
    p.add_argument("--config", choices=tuple(CONFIGS), default="default")
    p.add_argument("--out-dir", type=Path, default=DEFAULT_OUT)
    args = p.parse_args(argv)
    report = run_eval(args.split, args.config, args.out_dir)
    print("\n".join(headline_table(report)))
    name = f"{args.split}-{args.config}"
    print(f"\n{len(report.failures)} failed items; wall time {report.wall_s:.1f} s; "
          f"report: {args.out_dir / (name + '.md')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
