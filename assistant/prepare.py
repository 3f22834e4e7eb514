"""The per-file work of an ingest: load, clean, chunk, extract the domain records and tokenise
the chunks for BM25. Files are independent, so a large ingest spreads them over processes."""
from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Iterator

from ingest import IngestError, IngestedDocument, ingest_file
from ingest.extract import DocumentRecords, extract_records

PARALLEL_FROM = 32  # files; below this, starting worker processes costs more than it saves
WORKERS_ENV = "ZHIQA_INGEST_WORKERS"


@dataclass
class Prepared:
    path: str
    doc_id: str
    doc: IngestedDocument | None = None
    tokens: list[list[str]] = field(default_factory=list)  # BM25 tokens of each chunk's index text
    records: DocumentRecords | None = None
    records_s: float = 0.0
    error: str = ""  # why the file did not go in ('' when it did)


def prepare(path: str, doc_id: str) -> Prepared:
    """One file, start to finish; a file that cannot be ingested comes back with its error (an
    IngestError does not survive the trip between processes, its message does)."""
    from assistant.index import index_text
    from assistant.tokenize import tokens_of_normalized
    from ingest.normalize import normalize

    try:
        doc = ingest_file(Path(path), doc_id=doc_id)
    except IngestError as exc:
        return Prepared(path, doc_id, error=str(exc))
    except OSError as exc:
        return Prepared(path, doc_id, error=f"{path}: cannot read ({exc.strerror})")
    t0 = time.perf_counter()
    records = extract_records(doc_id, doc.text, doc.sections)
    records_s = time.perf_counter() - t0
    tokens = [tokens_of_normalized(normalize(index_text(doc.meta.title, c.section_path, c.text))) for c in doc.chunks]
    return Prepared(path, doc_id, doc, tokens, records, records_s)


def workers_for(n_files: int) -> int:
    """Processes to use: $ZHIQA_INGEST_WORKERS, else one per core for a large ingest."""
    wanted = os.environ.get(WORKERS_ENV)
    if wanted:
        try:
            return max(1, int(wanted))
        except ValueError:
            raise ValueError(f"{WORKERS_ENV} must be a whole number of processes, got {wanted!r}") from None
    return min(os.cpu_count() or 1, 4) if n_files >= PARALLEL_FROM else 1


def prepare_all(jobs: list[tuple[str, str]]) -> Iterator[Prepared]:
    """Prepared files in the order of ``jobs`` ((path, doc_id) pairs). Workers are forked, so
    they start with the tokenizer loaded and need no `if __name__ == "__main__"` guard in the
    caller's script; a threaded caller (the web app) prepares in its own process instead, since
    forking a threaded process is unsafe."""
    workers = min(workers_for(len(jobs)), len(jobs))
    if workers <= 1 or threading.active_count() > 1 or "fork" not in get_all_start_methods():
        for path, doc_id in jobs:
            yield prepare(path, doc_id)
        return
    from assistant.tokenize import _jieba

    _jieba()  # loaded once here, inherited by every worker
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        yield from pool.map(prepare, [p for p, _ in jobs], [d for _, d in jobs], chunksize=4)
