"""A document's identity and its text (issue 20, items 1-3 and 6): the index knows a file by
what it is, not by how its path was spelled; a rebuild never silently loses documents; the
stored text is the text the hash describes; links out of a folder are not followed."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ingest.pipeline
from assistant import Assistant, Settings
from assistant.errors import IndexDamaged, RebuildWouldLose
from assistant.index.check import check_index
from assistant.index.index import Index
from assistant.index.update import ingest_paths

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures"
STATUTE_QUESTION = "生产者应当在多少日内报告?"


def _index(tmp_path: Path) -> Index:
    return Index(Settings(home=tmp_path / "idx"))


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), ZHIQA_EMBEDDER="none")
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def _folder(tmp_path: Path, corpus_dir: Path, name: str = "docs") -> Path:
    folder = tmp_path / "work" / name
    shutil.copytree(corpus_dir, folder)
    return folder


def _doc_count(home: Path, cwd: Path) -> int:
    out = _cli("--index", str(home), "docs", "--json", cwd=cwd)
    assert out.returncode == 0, out.stderr
    return len(json.loads(out.stdout))


@pytest.mark.slow
def test_a_rebuild_run_from_another_folder_re_reads_every_document(tmp_path, corpus_dir):
    """Ingest with a relative path, then `zhiqa --index X ingest --rebuild` from elsewhere: it
    used to report "5 failed; index now has 0 documents" (sources were relative to where the
    first ingest ran)."""
    _folder(tmp_path, corpus_dir)
    home = tmp_path / "idx"
    first = _cli("--index", str(home), "ingest", "-q", "docs", cwd=tmp_path / "work")
    assert first.returncode == 0 and "5 added" in first.stdout, first.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    rebuilt = _cli("--index", str(home), "ingest", "-q", "--rebuild", cwd=elsewhere)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "5 added" in rebuilt.stdout and "failed" not in rebuilt.stdout
    assert _doc_count(home, elsewhere) == 5


def test_a_rebuild_that_cannot_re_read_a_document_is_refused_and_the_index_kept(tmp_path, corpus_dir):
    folder = _folder(tmp_path, corpus_dir)
    index = _index(tmp_path)
    ingest_paths(index, [folder])
    gone = sorted(folder.glob("gansu*"))[0]
    gone.unlink()
    with pytest.raises(RebuildWouldLose) as err:
        ingest_paths(Index(index.settings), index.recorded_sources(), rebuild=True)
    message = str(err.value)
    assert "gansu" in message and "unchanged (generation 1)" in message and "--drop-missing" in message
    fresh = Index(index.settings)
    assert fresh.current_generation() == 1 and len(fresh.snapshot().docs) == 5
    answer = Assistant(fresh.settings, fresh).ask("甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?")
    assert not answer.abstained  # the document whose file is gone still answers from the index
    # dropping it is possible, but only when asked for
    report = ingest_paths(Index(index.settings), index.recorded_sources(), rebuild=True, allow_loss=True)
    assert report.documents == 4 and report.count("failed") == 1


def test_one_folder_by_relative_and_absolute_path_is_one_copy_and_an_edit_leaves_no_stale_one(tmp_path, corpus_dir,
                                                                                             monkeypatch):
    folder = _folder(tmp_path, corpus_dir)
    index = _index(tmp_path)
    monkeypatch.chdir(folder.parent)
    assert ingest_paths(index, [Path("docs")]).count("added") == 5
    again = ingest_paths(Index(index.settings), [folder.resolve()])
    assert again.count("unchanged") == 5 and again.documents == 5
    spelled = ingest_paths(Index(index.settings), [Path("docs/../docs"), Path("./docs/")])
    assert spelled.count("unchanged") == 5 and spelled.documents == 5

    edited = sorted(folder.glob("hunan*"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n本意见由编辑后的新版本补充。\n", encoding="utf-8")
    report = ingest_paths(Index(index.settings), [folder.resolve()])
    assert report.count("updated") == 1 and report.documents == 5
    snap = Index(index.settings).snapshot()
    hunan = [d for d, r in snap.docs.items() if Path(r.meta.source).name == edited.name]
    assert len(hunan) == 1 and "编辑后的新版本" in snap.text(hunan[0])


def test_a_file_edited_while_it_is_ingested_is_refused_not_stored_half_old(tmp_path, monkeypatch):
    """The text was read at load and the file hashed again later: an edit in between was stored
    as a text its hash did not describe, quoted wrongly for ever."""
    folder = tmp_path / "docs"
    folder.mkdir()
    law = folder / "statute.txt"
    shutil.copy(FIXTURES / "statute.txt", law)
    real_load = ingest.pipeline.load

    def load_then_someone_saves(path):
        loaded = real_load(path)
        if Path(path).name == "statute.txt":
            Path(path).write_text(law.read_text(encoding="utf-8").replace("十五日", "三十日"), encoding="utf-8")
        return loaded

    monkeypatch.setattr(ingest.pipeline, "load", load_then_someone_saves)
    index = _index(tmp_path)
    report = ingest_paths(index, [folder])
    assert report.count("failed") == 1 and "changed while it was being ingested" in report.failed[0].message
    monkeypatch.setattr(ingest.pipeline, "load", real_load)
    report = ingest_paths(Index(index.settings), [folder])
    assert report.count("added") == 1
    snap = Index(index.settings).snapshot()
    (doc_id,) = snap.docs
    assert snap.text(doc_id) == law.read_text(encoding="utf-8")  # the text as saved, whole


def test_a_damaged_stored_text_is_reported_and_a_rebuild_rewrites_it(tmp_path, corpus_dir):
    folder = _folder(tmp_path, corpus_dir)
    index = _index(tmp_path)
    ingest_paths(index, [folder])
    stored = sorted((index.paths.home / "texts").glob("*.txt"))[0]
    stored.write_text(stored.read_text(encoding="utf-8")[:-40] + "时间要求:三十日内", encoding="utf-8")
    damaged = check_index(Index(index.settings))
    assert not damaged.ok and any("has changed since it was ingested" in p for p in damaged.problems)
    with pytest.raises(IndexDamaged):  # never quoted from: a quote would be cut from the wrong text
        for doc_id in (snap := Index(index.settings).snapshot()).docs:
            snap.text(doc_id)
    ingest_paths(Index(index.settings), index.recorded_sources(), rebuild=True)
    assert check_index(Index(index.settings)).ok


def test_symlinks_out_of_the_folder_are_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash 机密口令 hunter2\n" * 20, encoding="utf-8")
    (outside / "more").mkdir()
    (outside / "more" / "also-secret.txt").write_text("另一份机密 hunter2\n" * 20, encoding="utf-8")
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(FIXTURES / "statute.txt", folder / "statute.txt")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "linked-dir").symlink_to(outside / "more", target_is_directory=True)
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "same-statute.txt").symlink_to(folder / "statute.txt")  # inside the folder: the same document

    report = ingest_paths(_index(tmp_path), [folder])
    assert report.count("added") == 1 and report.documents == 1
    skipped = {Path(v.path).name: v.message for v in report.verdicts if v.status == "skipped"}
    assert "passwd.txt" in skipped and "not followed" in skipped["passwd.txt"]
    assert "dangling.txt" in skipped
    snap = Index(Settings(home=tmp_path / "idx")).snapshot()
    assert not any("hunter2" in snap.text(d) for d in snap.docs)


def test_a_file_name_that_is_not_utf8_fails_alone(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(FIXTURES / "statute.txt", folder / "statute.txt")
    bad = Path(os.fsdecode(bytes(folder) + b"/\xb9\xe6\xb6\xa8.txt"))  # 规定 in GBK: not UTF-8
    shutil.copy(FIXTURES / "statute.txt", bad)
    report = ingest_paths(_index(tmp_path), [folder])
    assert report.count("added") == 1 and report.count("failed") == 1 and report.generation == 1
    assert "not valid UTF-8" in report.failed[0].message and "\\xb9" in report.failed[0].message
    answer = Assistant(Settings(home=tmp_path / "idx")).ask(STATUTE_QUESTION)
    assert answer.citations
