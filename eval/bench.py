"""Foundation benchmark: ingest time, warm and cold `zhiqa ask` latency, peak memory.

    python -m eval.bench [--embedder builtin|none] [--questions 50] [--out FILE.md]

Figures come from this script, never from timed tests. Cold start and memory are measured
on real `zhiqa` processes; warm latency in one process after a warm-up question."""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.metrics import percentile

ROOT = Path(__file__).resolve().parent.parent


def _zhiqa(home: Path, embedder: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "assistant.cli", "--index", str(home), "--embedder", embedder, *args]


def _peak_rss_mb(cmd: list[str], stdin: str) -> float:
    """Peak resident memory of one child process (ru_maxrss of a wrapper's only child)."""
    wrapper = (
        "import resource, subprocess, sys, json\n"
        "cmd = json.loads(sys.argv[1])\n"
        "subprocess.run(cmd, input=sys.stdin.read(), text=True, stdout=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, json.dumps(cmd)], input=stdin, text=True, capture_output=True, check=True)
    return int(out.stdout.strip()) / 1024


def run(embedder: str, n_questions: int) -> dict:
    from eval.gold import load_split

    questions = [item.question for item in load_split("dev")][:n_questions]
    env = dict(os.environ, ANONYMIZED_TELEMETRY="False", HF_HUB_OFFLINE="1")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "idx"
        t0 = time.perf_counter()
        subprocess.run(_zhiqa(home, embedder, "ingest", "-q", str(ROOT / "corpus")), check=True, env=env, capture_output=True)
        ingest_cli = time.perf_counter() - t0

        # in-process ingest, imports excluded: the pipeline's own cost
        from assistant import Assistant, Settings
        from assistant.embedders import EmbedderSpec
        from assistant.index import Index
        from assistant.updater import ingest_paths

        settings = Settings(home=Path(tmp) / "idx2", embedder=EmbedderSpec(embedder))
        ingest_paths(Index(Settings(home=Path(tmp) / "warmup", embedder=EmbedderSpec(embedder))), [ROOT / "corpus" / "hunan-2013-product-quality-supervision.txt"])
        t0 = time.perf_counter()
        ingest_report = ingest_paths(Index(settings), [ROOT / "corpus"])
        ingest_inproc = time.perf_counter() - t0

        colds = []
        for q in questions[:5]:
            t0 = time.perf_counter()
            subprocess.run(_zhiqa(home, embedder, "ask", "--json", q), check=True, env=env, capture_output=True)
            colds.append(time.perf_counter() - t0)

        assistant = Assistant(settings)
        assistant.ask(questions[0])
        warm = []
        for q in questions:
            t0 = time.perf_counter()
            assistant.ask(q)
            warm.append((time.perf_counter() - t0) * 1000)

        batch = "\n".join(json.dumps({"id": i, "q": q}, ensure_ascii=False) for i, q in enumerate(questions))
        rss = _peak_rss_mb(_zhiqa(home, embedder, "ask", "--batch", "-"), batch)
    return {
        "embedder": embedder,
        "questions": len(questions),
        "ingest_cli_s": ingest_cli,
        "ingest_inprocess_s": ingest_inproc,
        "records_s": ingest_report.records_s,  # domain records (duties, deadlines, …), part of the in-process ingest
        "cold_ask_median_s": statistics.median(colds),
        "cold_ask_max_s": max(colds),
        "warm_p50_ms": percentile(warm, 0.5),
        "warm_p95_ms": percentile(warm, 0.95),
        "peak_rss_mb": rss,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--embedder", action="append", help="builtin and/or none (default: both)")
    p.add_argument("--questions", type=int, default=50)
    p.add_argument("--out", type=Path)
    args = p.parse_args(argv)
    rows = [run(e, args.questions) for e in (args.embedder or ["builtin", "none"])]
    lines = [
        f"corpus: {len(list((ROOT / 'corpus').glob('*.txt')))} documents; machine: {os.cpu_count()} cores; python {sys.version.split()[0]}",
        "",
        "| dense leg | ingest `zhiqa ingest corpus/` (s, whole process) | ingest in-process (s) | of which domain records (s) | cold `zhiqa ask` median / max (s) | warm ask p50 / p95 (ms, n) | peak RSS of a query process (MB) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['embedder']} | {r['ingest_cli_s']:.2f} | {r['ingest_inprocess_s']:.2f} | {r['records_s']:.2f} | "
            f"{r['cold_ask_median_s']:.2f} / {r['cold_ask_max_s']:.2f} | {r['warm_p50_ms']:.1f} / {r['warm_p95_ms']:.1f} ({r['questions']}) | "
            f"{r['peak_rss_mb']:.0f} |"
        )
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
