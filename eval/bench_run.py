"""One benchmark measurement: a corpus folder and a configuration (hybrid, BM25 only, hybrid on
a Chroma server) through real `zhiqa` processes: ingest, disk, warm latency over a batch of
questions with the query process's peak RSS, cold start; and the paragraph-BM25 baseline."""
from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from assistant import Assistant, Settings
from assistant.index.generation import IndexPaths
from assistant.index.index import Index
from assistant.index.update import ingest_paths
from eval.baselines import ParagraphBM25, raw_tokens
from eval.metrics import percentile
from ingest import ingest_file

CONFIGS = {"hybrid": "builtin", "bm25": "none", "hybrid-server": "builtin", "hybrid-e5": "e5"}
# what a plain run measures: the e5 leg (pip install 'zhiqa[e5]') embeds a few chunks a second on
# a 2-core machine, so it is measured when asked for (--configs hybrid,hybrid-e5 --sizes corpus,laws)
DEFAULT_CONFIGS = ("hybrid", "bm25", "hybrid-server")
ENV = dict(os.environ, ANONYMIZED_TELEMETRY="False", HF_HUB_OFFLINE="1")


@dataclass(frozen=True)
class Measurement:
    corpus: str
    config: str
    documents: int
    chunks: int  # in the index after the ingest
    megabytes: float  # of text files ingested (10^6 bytes)
    ingest_s: float  # `zhiqa ingest` whole process
    disk_mb: float  # index folder (plus the Chroma server's data folder in server mode)
    warm_p50_ms: float
    warm_p95_ms: float
    warm_p99_ms: float
    questions: int
    cold_ask_s: float  # median of 3 `zhiqa ask` processes
    peak_rss_mb: float  # of the process answering the batch

    @property
    def docs_per_s(self) -> float:
        return self.documents / self.ingest_s

    @property
    def chunks_per_s(self) -> float:
        return self.chunks / self.ingest_s

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.ingest_s


def corpus_size(folder: Path) -> tuple[int, float]:
    files = [p for p in folder.iterdir() if p.suffix in (".txt", ".html", ".md", ".pdf", ".docx")]
    return len(files), sum(p.stat().st_size for p in files) / 1e6


def _du_mb(*folders: Path) -> float:
    return sum(f.stat().st_size for folder in folders if folder.exists() for f in folder.rglob("*") if f.is_file()) / 1e6


def _zhiqa(home: Path, embedder: str, url: str | None, *args: str) -> list[str]:
    cmd = [sys.executable, "-m", "assistant.cli", "--index", str(home), "--embedder", embedder]
    return cmd + (["--chroma-url", url] if url else []) + list(args)


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_with_peak_rss(cmd: list[str], *, input: bytes = b"", cwd: Path | None = None, env: dict | None = None,
                      timeout: float | None = None) -> tuple[subprocess.CompletedProcess, float]:
    """Run ``cmd`` (bytes in, bytes out) under a wrapper process that reports the peak resident
    memory of its only child (ru_maxrss); returns the child's result and that peak in MB. The
    wrapper kills the child after ``timeout`` seconds."""
    wrapper = (
        "import json, resource, subprocess, sys\n"
        "out = subprocess.run(json.loads(sys.argv[1]), input=sys.stdin.buffer.read(), capture_output=True,\n"
        "                     timeout=json.loads(sys.argv[2]))\n"
        "sys.stdout.buffer.write(out.stdout)\n"
        "sys.stderr.buffer.write(out.stderr)\n"
        "sys.stderr.write('\\nRSS_KB=%d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(out.returncode)\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, json.dumps(cmd), json.dumps(timeout)], input=input, cwd=cwd,
                         env=env, capture_output=True, timeout=timeout + 60 if timeout else None)
    body, _, rss = out.stderr.rpartition(b"\nRSS_KB=")
    return subprocess.CompletedProcess(cmd, out.returncode, out.stdout, body), int(rss.strip()) / 1024


def _batch_with_rss(cmd: list[str], lines: str) -> tuple[list[dict], float]:
    """Answers of one `zhiqa ask --batch -` process and its peak resident memory (MB)."""
    out, rss = run_with_peak_rss(cmd, input=lines.encode("utf-8"), env=ENV)
    out.check_returncode()
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines() if line.strip()], rss


class ChromaServer:
    """`chroma run` on a free loopback port, for the server configuration."""

    def __init__(self, data: Path, port: int | None = None) -> None:
        exe = shutil.which("chroma", path=str(Path(sys.executable).parent)) or shutil.which("chroma")
        if exe is None:
            raise RuntimeError("the chroma CLI is not installed (it comes with chromadb)")
        self.port = port if port is not None else free_port()
        self.data = data
        self.proc = subprocess.Popen([exe, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("chroma run did not start listening in 60 s")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def measure(source: Path, label: str, config: str, questions: list[str], work: Path) -> Measurement:
    embedder = CONFIGS[config]
    home = work / f"{label}-{config}"
    server = ChromaServer(work / f"{label}-{config}-chroma") if config == "hybrid-server" else None
    url = server.url if server else None
    try:
        t0 = time.perf_counter()
        subprocess.run(_zhiqa(home, embedder, url, "ingest", "-q", str(source)), check=True, env=ENV, capture_output=True)
        ingest_s = time.perf_counter() - t0
        chunks = _chunk_count(home)
        disk = _du_mb(home, server.data if server else home)
        batch = "\n".join(json.dumps({"id": i, "q": q}, ensure_ascii=False) for i, q in enumerate([questions[0]] + questions))
        answers, rss = _batch_with_rss(_zhiqa(home, embedder, url, "ask", "--batch", "-"), batch)
        warm = [a["latency_ms"] for a in answers[1:]]  # the first question loads the index
        colds = []
        for q in questions[:3]:
            t0 = time.perf_counter()
            subprocess.run(_zhiqa(home, embedder, url, "ask", "--json", q), check=True, env=ENV, capture_output=True)
            colds.append(time.perf_counter() - t0)
    finally:
        if server:
            server.stop()
    docs, mb = corpus_size(source)
    return Measurement(corpus=label, config=config, documents=docs, chunks=chunks, megabytes=mb, ingest_s=ingest_s, disk_mb=disk,
                       warm_p50_ms=percentile(warm, 0.5), warm_p95_ms=percentile(warm, 0.95),
                       warm_p99_ms=percentile(warm, 0.99), questions=len(warm), cold_ask_s=statistics.median(colds),
                       peak_rss_mb=rss)


def _chunk_count(home: Path) -> int:
    paths = IndexPaths(home)
    gen = int(json.loads(paths.current.read_text(encoding="utf-8"))["generation"])
    with open(paths.gen(gen) / "chunks.jsonl", encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


def baseline_latency(source: Path, questions: list[str]) -> tuple[float, float]:
    """p50 / p95 ms of the paragraph-BM25 baseline (eval.baselines) searching ``source``."""
    texts = {}
    for p in sorted(source.iterdir()):
        if p.suffix in (".txt", ".html", ".md", ".pdf", ".docx"):  # any encoding and format, as zhiqa reads it
            texts[p.stem] = ingest_file(p).text
    base = ParagraphBM25("baseline", "paragraph BM25", texts, raw_tokens)
    base.search(questions[0])
    times = []
    for q in questions:
        t0 = time.perf_counter()
        base.search(q)
        times.append((time.perf_counter() - t0) * 1000)
    return percentile(times, 0.5), percentile(times, 0.95)


@dataclass(frozen=True)
class LoadResult:
    threads: int
    questions: int
    errors: int
    during_ingest: int  # questions answered while the ingest was still running
    p50_ms: float
    p95_ms: float
    ingest_s: float
    added: int


def under_load(home: Path, questions: list[str], extra: Path, threads: int = 20) -> LoadResult:
    """``questions`` from ``threads`` threads sharing one Assistant (the Python API, as the web
    app uses it) while the documents in ``extra`` are ingested into the same index."""
    settings = Settings(home=home)
    assistant = Assistant(settings)
    assistant.warm()  # a server warms its caches at start (WebService does)
    assistant.ask(questions[0])
    state = {"ingesting": True}

    def ingest():
        t0 = time.perf_counter()
        try:
            return ingest_paths(Index(settings), [extra]), time.perf_counter() - t0
        finally:
            state["ingesting"] = False

    def ask(q: str):
        t0 = time.perf_counter()
        try:
            assistant.ask(q)
            ok = True
        except Exception:  # counted, not raised: the figure is how many failed under load
            ok = False
        return (time.perf_counter() - t0) * 1000, ok, state["ingesting"]

    with ThreadPoolExecutor(threads + 1) as pool:
        writer = pool.submit(ingest)
        results = list(pool.map(ask, questions))
        report, ingest_s = writer.result()
    lat = [ms for ms, _, _ in results]
    return LoadResult(threads=threads, questions=len(results), errors=sum(1 for _, ok, _ in results if not ok),
                      during_ingest=sum(1 for *_, busy in results if busy), p50_ms=percentile(lat, 0.5),
                      p95_ms=percentile(lat, 0.95), ingest_s=ingest_s, added=report.count("added"))
