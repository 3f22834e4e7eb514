"""Crash-safe ingest (issue 8): an ingest killed with SIGKILL — at each step that changes the
disk, and at seeded random moments — leaves the previous index or the completed new one, never
a mixture; Chroma, BM25 and the domain records agree on the chunks; the next ingest completes."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.index.index import CRASH_ENV, CRASH_STEPS, Index

pytestmark = pytest.mark.slow  # crash safety: ingests killed in subprocesses

ROOT = Path(__file__).resolve().parents[3]
QUESTION = "甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?"


def _ingest_cmd(home: Path, folder: Path) -> list[str]:
    return [sys.executable, "-m", "assistant.cli", "--index", str(home), "ingest", "-q", str(folder)]


def _consistent(home: Path) -> set[str]:
    """The documents of the index at ``home``, after checking that its parts agree."""
    index = Index(Settings(home=home))
    snap = index.snapshot()
    ids = [c.chunk_id for c in snap.chunks]
    assert snap.bm25.size == len(ids) == snap.manifest["chunks"]
    assert set(snap.docs) == {c.doc_id for c in snap.chunks} and len(snap.docs) == snap.manifest["documents"]
    assert index.store.existing_ids(snap.collection, ids) == set(ids)  # every chunk has its vector
    stored = [json.loads(line)["doc_id"] for line in snap.records_file.read_text(encoding="utf-8").splitlines()]
    assert sorted(stored) == sorted(snap.docs)  # and its domain records
    for doc_id in snap.docs:
        assert snap.text(doc_id)  # and its original text
    ans = Assistant(Settings(home=home), index).ask(QUESTION)
    assert not ans.abstained and all(snap.text(c.doc_id)[c.start : c.end] == c.quote for c in ans.citations)
    return set(snap.docs)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory, corpus_index):
    """An index of corpus/ and a folder that adds one document to it."""
    extra = tmp_path_factory.mktemp("crash") / "extra"
    extra.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "statute.txt", extra / "statute.txt")
    return corpus_index.paths.home, extra


def _fresh(prepared, tmp_path) -> tuple[Path, Path, set[str]]:
    source, extra = prepared
    home = tmp_path / "idx"
    shutil.copytree(source, home)
    return home, extra, _consistent(home)


@pytest.mark.parametrize("step", CRASH_STEPS)
def test_a_kill_at_each_step_leaves_old_or_new(prepared, tmp_path, step):
    home, extra, before = _fresh(prepared, tmp_path)
    run = subprocess.run(_ingest_cmd(home, extra), env={**os.environ, CRASH_ENV: step}, capture_output=True, text=True)
    assert run.returncode == -signal.SIGKILL
    after = _consistent(home)
    assert after in (before, before | {"statute"})
    # the step decides which: only a kill after CURRENT switched leaves the new index
    assert (after == before | {"statute"}) == (step == "switched")
    done = subprocess.run(_ingest_cmd(home, extra), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _consistent(home) == before | {"statute"}


def test_kills_at_random_moments_never_leave_a_mixture(prepared, tmp_path):
    home, extra, before = _fresh(prepared, tmp_path)
    rng = random.Random(8)
    survived = 0
    for delay in sorted(rng.uniform(0.5, 6.0) for _ in range(6)):
        proc = subprocess.Popen(_ingest_cmd(home, extra), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)  # where the kill lands varies; what must hold does not
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert _consistent(home) in (before, before | {"statute"})
        survived += 1
        if Index(Settings(home=home)).snapshot().docs.keys() >= {"statute"}:
            break
    assert survived >= 1
    print(f"\n{survived} kills at random moments survived")
    done = subprocess.run(_ingest_cmd(home, extra), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert _consistent(home) == before | {"statute"}
