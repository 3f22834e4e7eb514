"""PNG charts of an EvalReport. matplotlib is a dev dependency, imported only here."""
from __future__ import annotations

from pathlib import Path

from eval.judge import CAUSES
from eval.runner import EvalReport
from eval.summary import reliability

TYPE_METRICS = (("key_fact_recall", "key-fact recall"), ("recall_at_5", "Recall@5"), ("citation_support", "citation support"))


def pyplot():
    try:  # the optional extra "eval" (matplotlib); the figures need it, the charts only draw them
        import matplotlib
    except ImportError as exc:
        raise ImportError("eval charts need matplotlib: pip install 'zhiqa[dev]' (or pip install 'matplotlib>=3.8')") from exc
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # after use("Agg"): no display here

    return plt


def write_charts(report: EvalReport, out_dir: Path, name: str) -> list[Path]:
    plt = pyplot()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"{name}-by-type.png", out_dir / f"{name}-failures.png", out_dir / f"{name}-reliability.png"]

    types = list(report.by_type)
    fig, ax = plt.subplots(figsize=(10, 4.5))
    width = 0.8 / len(TYPE_METRICS)
    for j, (field, label) in enumerate(TYPE_METRICS):
        values = [getattr(report.by_type[t], field) for t in types]
        values = [0.0 if v != v else v for v in values]  # a type without answerable items shows no bar
        ax.bar([i + j * width for i in range(len(types))], values, width, label=label)
    ax.set_xticks([i + width * (len(TYPE_METRICS) - 1) / 2 for i in range(len(types))])
    ax.set_xticklabels([f"{t}\n(n={report.by_type[t].n})" for t in types], fontsize=8)
    ax.set_ylim(0, 1.05)
    ax.set_title(f"{report.headline} on {report.split}: metrics by question type")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(paths[0], dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(10, 4.5))
    width = 0.8 / len(report.systems)
    for j, run in enumerate(report.systems):
        counts = [sum(1 for r in run.results if r.cause == cause) for cause in CAUSES]
        ax.bar([i + j * width for i in range(len(CAUSES))], counts, width, label=run.label)
    ax.set_xticks([i + width * (len(report.systems) - 1) / 2 for i in range(len(CAUSES))])
    ax.set_xticklabels(CAUSES, fontsize=8)
    ax.set_ylabel("failed items")
    ax.set_title(f"Failures by cause on {report.split} ({report.systems[0].metrics.n} items)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(paths[1], dpi=110)
    plt.close(fig)

    bins = reliability(list(report.system(report.headline).results))
    fig, (acc, count) = plt.subplots(2, 1, figsize=(8, 6), sharex=True, gridspec_kw={"height_ratios": (2, 1)})
    mids = [(b.low + b.high) / 2 for b in bins]
    widths = [(b.high - b.low) * 0.9 for b in bins]
    acc.bar(mids, [0.0 if b.accuracy != b.accuracy else b.accuracy for b in bins], widths, label="share of answers right")
    acc.plot([0, 1], [0, 1], linestyle=":", color="grey", label="coverage = share right")
    acc.set_ylim(0, 1.05)
    acc.set_ylabel("share right")
    acc.legend(fontsize=8)
    acc.set_title(f"{report.headline} on {report.split}: reliability of the evidence coverage")
    count.bar(mids, [b.answered for b in bins], widths, label="answered")
    count.bar(mids, [b.abstained for b in bins], widths, bottom=[b.answered for b in bins], label="declined")
    for ax in (acc, count):
        ax.axvline(0.3, color="red", linewidth=0.8)  # MIN_COVERAGE
    count.set_xlabel("coverage of the question's terms by the best passage (red: the abstention threshold)")
    count.set_ylabel("questions")
    count.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(paths[2], dpi=110)
    plt.close(fig)
    return paths
