"""The per-file work of an ingest: load, clean, chunk, extract the domain records and tokenise
the chunks for BM25. Files are independent, so a large ingest spreads them over processes."""
from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Iterator

from assistant.errors import ConfigError, ZhiqaError
from assistant.index.tokens import index_text, segmenter, tokens_of_normalized
from ingest import IngestError, IngestedDocument, ingest_file
from ingest.extract import DocumentRecords, extract_records
from ingest.normalize import normalize_many

PARALLEL_FROM = 32  # files; below this, starting worker processes costs more than it saves
WORKERS_ENV = "ZHIQA_INGEST_WORKERS"


@dataclass
class Prepared:
    path: str
    doc_id: str
    doc: IngestedDocument | None = None
    tokens: list[list[str]] = field(default_factory=list)  # BM25 tokens of each chunk's index text
    index_texts: list[str] = field(default_factory=list)  # each chunk's normalised index text (for the embedder)
    records: DocumentRecords | None = None
    records_s: float = 0.0
    error: str = ""  # why the file did not go in ('' when it did)
    error_kind: str = ""  # the ingest error's type (EncryptedPdf, ...): a shell words its own message by it


def prepare(path: str, doc_id: str) -> Prepared:
    """One file, start to finish; a file that cannot be ingested comes back with its error (an
    IngestError does not survive the trip between processes, its message does)."""
    try:
        doc = ingest_file(Path(path), doc_id=doc_id)
    except IngestError as exc:
        return Prepared(path=path, doc_id=doc_id, error=str(exc), error_kind=type(exc).__name__)
    except OSError as exc:
        return Prepared(path=path, doc_id=doc_id, error=f"{path}: cannot read ({exc.strerror})", error_kind="OSError")
    t0 = time.perf_counter()
    records = extract_records(doc_id, doc.text, doc.sections)
    records_s = time.perf_counter() - t0
    index_texts = normalize_many([index_text(doc.meta.title, c.section_path, c.text) for c in doc.chunks])
    tokens = [tokens_of_normalized(t) for t in index_texts]
    return Prepared(path=path, doc_id=doc_id, doc=doc, tokens=tokens, index_texts=index_texts, records=records,
                    records_s=records_s)


def workers_for(n_files: int) -> int:
    """Processes to use: $ZHIQA_INGEST_WORKERS, else one per core for a large ingest."""
    wanted = os.environ.get(WORKERS_ENV)
    if wanted:
        try:
            return max(1, int(wanted))
        except ValueError:
            raise ConfigError(f"{WORKERS_ENV} must be a whole number of processes, got {wanted!r}") from None
    return min(os.cpu_count() or 1, 4) if n_files >= PARALLEL_FROM else 1


def processes_for(jobs: list[tuple[str, str]]) -> int:
    """How many processes prepare_all will use for ``jobs`` (1: this one)."""
    workers = min(workers_for(len(jobs)), len(jobs))
    return workers if workers > 1 and "forkserver" in get_all_start_methods() else 1


def _warm(parent: int) -> None:
    """A worker's start: load the segmenter, and die with the ingest that started it. A worker
    (a child of the fork server) outlives a SIGKILLed parent otherwise, holding ~70 MB each."""
    threading.Thread(target=_exit_with, args=(parent,), name="zhiqa-orphan-watch", daemon=True).start()
    segmenter()


def _exit_with(parent: int, every: float = 0.5) -> None:
    while _alive(parent):
        time.sleep(every)
    os._exit(1)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a killed parent its own parent has not reaped yet is a
    zombie: dead, though its pid still answers a signal)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[-1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel instead
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True


def prepare_all(jobs: list[tuple[str, str]]) -> Iterator[Prepared]:
    """Prepared files in the order of ``jobs`` ((path, doc_id) pairs). Workers come from a
    fork server: safe in a threaded caller (the web app), and, with only this module preloaded,
    they never re-run the caller's script (no `if __name__ == "__main__"` guard needed)."""
    workers = processes_for(jobs)
    if workers == 1:
        for path, doc_id in jobs:
            yield prepare(path, doc_id)
        return
    ctx = get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    try:
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_warm, initargs=(os.getpid(),)) as pool:
            yield from pool.map(prepare, [p for p, _ in jobs], [d for _, d in jobs], chunksize=4)
    except BrokenProcessPool as exc:
        raise ZhiqaError(
            f"An ingest worker process died ({exc}). A script that calls ingest_paths must do so under "
            f"`if __name__ == \"__main__\":` (worker processes import the script), or set {WORKERS_ENV}=1."
        ) from exc
