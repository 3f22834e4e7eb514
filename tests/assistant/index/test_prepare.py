"""A large ingest prepares files in worker processes (issue 7): the index it writes is the one a
single process writes, and a file that fails in a worker is reported like any other failure."""
from __future__ import annotations

import shutil

import pytest

from assistant.config import Settings
from assistant.index.index import Index
from assistant.index.prepare import workers_for
from assistant.index.update import ingest_paths


def _ingest(tmp_path, name, folder, monkeypatch, workers: str):
    monkeypatch.setenv("ZHIQA_INGEST_WORKERS", workers)
    index = Index(Settings(home=tmp_path / name, embedder=Settings().embedder))
    report = ingest_paths(index, [folder])
    gen = index.paths.gen(index.current_generation())
    return report, (gen / "chunks.jsonl").read_bytes(), (gen / "records.jsonl").read_bytes()


def test_workers_write_the_same_index_as_one_process(tmp_path, corpus_copy, fixtures_dir, monkeypatch):
    shutil.copy(fixtures_dir / "binary.txt", corpus_copy / "binary.txt")
    one, chunks1, records1 = _ingest(tmp_path, "one", corpus_copy, monkeypatch, "1")
    two, chunks2, records2 = _ingest(tmp_path, "two", corpus_copy, monkeypatch, "2")
    assert (one.processes, two.processes) == (1, 2)
    assert chunks1 == chunks2 and records1 == records2
    assert [(v.path, v.status, v.doc_id) for v in one.verdicts] == [(v.path, v.status, v.doc_id) for v in two.verdicts]
    failed = [v for v in two.verdicts if v.status == "failed"]
    assert len(failed) == 1 and failed[0].path.endswith("binary.txt") and "decode" in failed[0].message


def test_worker_count_comes_from_the_size_of_the_ingest_or_the_environment(monkeypatch):
    monkeypatch.delenv("ZHIQA_INGEST_WORKERS", raising=False)
    assert workers_for(5) == 1
    assert workers_for(500) >= 1
    monkeypatch.setenv("ZHIQA_INGEST_WORKERS", "3")
    assert workers_for(5) == 3
    monkeypatch.setenv("ZHIQA_INGEST_WORKERS", "many")
    with pytest.raises(ValueError, match="ZHIQA_INGEST_WORKERS"):
        workers_for(5)
