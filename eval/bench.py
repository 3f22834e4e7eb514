"""The benchmark: how cost grows with the corpus. For corpus/ and seeded synthetic corpora of
100, 500 and 2,000 documents (eval.synth_corpus, ~30 MB at the top), and for each configuration
(hybrid, BM25 only, hybrid on a Chroma server): ingest throughput, index size on disk, warm
query latency p50/p95/p99, cold `zhiqa ask`, peak RSS of the query process; and the
paragraph-BM25 baseline's latency on the same corpus, so zhiqa's cost reads as a ratio.

    python -m eval.bench [--sizes corpus,100,500,2000] [--configs hybrid,bm25,hybrid-server]
                         [--questions 200] [--out eval/reports/bench.md]   (also: zhiqa bench)

The e5 dense leg (zhiqa[e5]) is measured when asked for, on the shipped corpus and the
development corpus of laws (``laws``, 31 documents):

    python -m eval.bench --sizes corpus,laws --configs hybrid,hybrid-e5 --load-docs 0 --out eval/reports/bench-e5.md

Figures come from this script, never from timed tests. Writes the Markdown report and a PNG
plot of latency and memory against corpus size beside it."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from eval.bench_run import CONFIGS, DEFAULT_CONFIGS, LoadResult, Measurement, baseline_latency, measure, under_load
from eval.charts import pyplot
from eval.corpora.registry import corpus as eval_corpus
from eval.gold import load_split
from eval.synth_corpus import generate

ROOT = Path(__file__).resolve().parent.parent
BUDGET = {"ingest_mb_per_s": 1.0, "p95_ms_at_2000": 300.0, "rss_mb_at_2000": 1024.0}


def _questions(n: int, corpus: str = "shipped") -> list[str]:
    """n questions of a corpus's gold set (first turns, repeated as needed): what users of it ask."""
    items = load_split("dev", corpus) + load_split("test", corpus)
    qs = list(dict.fromkeys(q for item in items for q in item.turns[:1]))
    return (qs * (n // len(qs) + 1))[:n]


def _table(rows: list[Measurement], base: dict[str, tuple[float, float]]) -> list[str]:
    out = [
        "| corpus | config | docs | chunks | MB | ingest (s) | docs/s | chunks/s | MB/s | disk (MB) | "
        "warm p50 / p95 / p99 (ms) | × baseline p95 | cold ask (s) | peak RSS (MB) |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = r.warm_p95_ms / base[r.corpus][1] if base.get(r.corpus) and base[r.corpus][1] > 0 else float("nan")
        out.append(
            f"| {r.corpus} | {r.config} | {r.documents} | {r.chunks} | {r.megabytes:.1f} | {r.ingest_s:.1f} | "
            f"{r.docs_per_s:.1f} | {r.chunks_per_s:.1f} | {r.mb_per_s:.2f} | {r.disk_mb:.0f} | {r.warm_p50_ms:.1f} / {r.warm_p95_ms:.1f} / {r.warm_p99_ms:.1f} | "
            f"{ratio:.0f} | {r.cold_ask_s:.2f} | {r.peak_rss_mb:.0f} |"
        )
    out += ["", "| corpus | paragraph-BM25 baseline p50 / p95 (ms) |", "|---|---|"]
    out += [f"| {c} | {p50:.2f} / {p95:.2f} |" for c, (p50, p95) in base.items()]
    return out


_PAGE_PARAGRAPH = "县级以上人民政府市场监督管理部门负责本行政区域内的产品质量监督工作，建立健全内部产品质量管理制度，严格实施岗位质量规范。"


_NUMERALS = "一二三四五六七八九十"


def _large_page(path: Path, megabytes: float) -> int:
    """One HTML page of ``megabytes``: 一、 headings over five （一） items each. Returns its heading count."""
    parts, size, headings = ['<html><head><meta charset="utf-8"><title>关于加强产品质量监督的意见</title></head><body>'], 0, 0
    while size < megabytes * 2**20:
        block = f"<h2>{_NUMERALS[headings % 10]}、总体要求</h2>" + "".join(
            f"<h3>（{n}）工作目标。</h3><p>{_PAGE_PARAGRAPH}</p><p>{_PAGE_PARAGRAPH[:40]}</p>" for n in _NUMERALS[:5])
        parts.append(block)
        size += len(block.encode("utf-8"))
        headings += 6
    path.write_text("".join(parts) + "</body></html>", encoding="utf-8")
    return headings


def large_page_seconds(work: Path, sizes_mb: list[float]) -> list[tuple[float, int, int, float]]:
    """(MB, headings, chunks, seconds of ingest_file) for one generated page per size: chunking
    once grew with the square of the headings (issue 20: 2/7/28 s for 0.5/1/2 MB)."""
    from ingest import ingest_file  # the ingest alone, without an index: what one large file costs

    out = []
    for mb in sizes_mb:
        page = work / f"page-{mb:g}mb.html"
        headings = _large_page(page, mb)
        t0 = time.perf_counter()
        doc = ingest_file(page)
        out.append((mb, headings, len(doc.chunks), time.perf_counter() - t0))
    return out


def _plot(rows: list[Measurement], base: dict[str, tuple[float, float]], path: Path) -> None:
    plt = pyplot()

    fig, (lat, mem) = plt.subplots(1, 2, figsize=(11, 4.2))
    for config in dict.fromkeys(r.config for r in rows):
        pts = sorted((r.documents, r.warm_p95_ms, r.peak_rss_mb) for r in rows if r.config == config)
        lat.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=f"zhiqa {config} p95")
        mem.plot([p[0] for p in pts], [p[2] for p in pts], marker="o", label=f"zhiqa {config}")
    sizes = {r.corpus: r.documents for r in rows}
    bpts = sorted((sizes[c], v[1]) for c, v in base.items() if c in sizes)
    lat.plot([p[0] for p in bpts], [p[1] for p in bpts], marker="s", linestyle="--", label="paragraph BM25 p95")
    lat.axhline(BUDGET["p95_ms_at_2000"], color="grey", linestyle=":", label="budget 300 ms")
    mem.axhline(BUDGET["rss_mb_at_2000"], color="grey", linestyle=":", label="budget 1 GB")
    for ax, title, unit in ((lat, "warm query latency", "ms"), (mem, "peak RSS of the query process", "MB")):
        ax.set_xscale("log")
        ax.set_xlabel("documents")
        ax.set_ylabel(unit)
        ax.set_title(title)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="corpus,100,500,2000",
                   help="comma-separated: corpus, laws (the development corpus) and/or numbers of synthetic documents")
    p.add_argument("--configs", default=",".join(DEFAULT_CONFIGS), help=f"comma-separated, of {', '.join(CONFIGS)}")
    p.add_argument("--questions", type=int, default=200)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--load-docs", type=int, default=20, help="documents ingested during the concurrency run (0: skip it)")
    p.add_argument("--out", type=Path, default=ROOT / "eval" / "reports" / "bench.md")
    p.add_argument("--page-mb", default="0.5,1,2", help="sizes of the one-large-page ingest, comma-separated ('': skip it)")
    args = p.parse_args(argv)
    configs = [c for c in args.configs.split(",") if c]
    unknown = [c for c in configs if c not in CONFIGS]
    if unknown:
        p.error(f"unknown config {', '.join(unknown)}; choose from {', '.join(CONFIGS)}")
    questions = _questions(args.questions)
    rows: list[Measurement] = []
    base: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="zhiqa-bench-") as tmp:
        work = Path(tmp)
        for size in [s.strip() for s in args.sizes.split(",") if s.strip()]:
            if size == "corpus":
                source, label = ROOT / "corpus", "corpus"
            elif size == "laws":  # asked the development corpus's own questions
                source, label = eval_corpus("laws").folder, "laws"
            else:
                source, label = work / f"synth-{size}", f"synth-{size}"
                generate(source, int(size), seed=args.seed)
            asked = _questions(args.questions, "laws") if size == "laws" else questions
            base[label] = baseline_latency(source, asked)
            for config in configs:
                rows.append(measure(source, label, config, asked, work))
                print(f"{label} {config}: {rows[-1]}", file=sys.stderr, flush=True)
        load: tuple[str, LoadResult] | None = None
        hybrid = [r for r in rows if r.config == "hybrid"]
        if args.load_docs and hybrid:
            largest = max(hybrid, key=lambda r: r.documents)
            extra = work / "load-extra"
            generate(extra, args.load_docs, seed=args.seed + 1)
            load = (largest.corpus, under_load(work / f"{largest.corpus}-hybrid", questions, extra))
            print(f"under load: {load}", file=sys.stderr, flush=True)
        pages = large_page_seconds(work, [float(x) for x in args.page_mb.split(",") if x.strip()])
    lines = [
        "# Benchmark (python -m eval.bench)",
        "",
        f"Machine: {os.cpu_count()} cores, python {sys.version.split()[0]}; {len(questions)} questions from the eval gold "
        f"set per run (the first, which loads the index, not counted); synthetic corpora seed {args.seed}.",
        "",
        *_table(rows, base),
    ]
    if load is not None:
        corpus, r = load
        lines += [
            "",
            f"Under load ({corpus}, hybrid, the Python API from threads): {r.threads} threads asked {r.questions} questions "
            f"while {r.added} new documents were ingested into the same index ({r.ingest_s:.1f} s); "
            f"{r.during_ingest} answered during the ingest; errors: {r.errors}; latency p50 / p95 {r.p50_ms:.0f} / {r.p95_ms:.0f} ms.",
        ]
    if pages:
        lines += ["", "One large HTML page, ingest_file alone (load, segment, sections, metadata, chunks): " + "; ".join(
            f"{mb:g} MB ({headings} headings, {chunks} chunks) {s:.2f} s" for mb, headings, chunks, s in pages) + "."]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    try:
        _plot(rows, base, args.out.with_suffix(".png"))
        lines += ["", f"Plot: {args.out.with_suffix('.png').name}"]
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except ImportError:
        print("matplotlib is missing (pip install 'zhiqa[eval]'): no plot", file=sys.stderr)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
