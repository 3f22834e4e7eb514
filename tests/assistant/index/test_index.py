"""The index: incremental and idempotent ingest, removal, failure safety, manifest checks."""
from __future__ import annotations

import json
import shutil
import socket

import pytest

from assistant.config import Settings
from assistant.errors import IndexMismatch
from assistant.index.index import Index
from assistant.index.update import ingest_paths, remove_document


def _index(tmp_path) -> Index:
    return Index(Settings(home=tmp_path / "idx"))


def test_reingesting_unchanged_files_does_nothing(tmp_path, corpus_copy):
    index = _index(tmp_path)
    first = ingest_paths(index, [corpus_copy])
    assert first.count("added") == 5
    before = [c.chunk_id for c in index.snapshot().chunks]
    again = ingest_paths(index, [corpus_copy])
    assert again.count("unchanged") == 5 and again.count("added") == 0
    assert again.generation == first.generation  # no new generation written
    assert [c.chunk_id for c in index.snapshot().chunks] == before


def test_changed_file_replaces_only_its_chunks(tmp_path, corpus_copy):
    index = _index(tmp_path)
    ingest_paths(index, [corpus_copy])
    snap = index.snapshot()
    hunan_before = {c.chunk_id for c in snap.chunks if c.doc_id.startswith("hunan")}
    others_before = {c.chunk_id for c in snap.chunks if not c.doc_id.startswith("hunan")}
    f = corpus_copy / "hunan-2013-product-quality-supervision.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("十八、强化考核评价。", "十八、强化考核评价。每年开展一次考核。"), encoding="utf-8")
    report = ingest_paths(index, [corpus_copy])
    assert report.count("updated") == 1 and report.count("unchanged") == 4
    snap = index.snapshot()
    hunan_after = {c.chunk_id for c in snap.chunks if c.doc_id.startswith("hunan")}
    assert hunan_after != hunan_before
    assert {c.chunk_id for c in snap.chunks if not c.doc_id.startswith("hunan")} == others_before
    assert any("每年开展一次考核" in c.text for c in snap.chunks)
    # Chroma holds exactly the live chunks once the old generation is gone
    ingest_paths(index, [corpus_copy])  # no-op
    live = {c.chunk_id for c in snap.chunks}
    stored = index.store.all_ids(snap.collection)
    assert live <= stored


def test_remove_drops_document_everywhere(tmp_path, corpus_copy):
    index = _index(tmp_path)
    ingest_paths(index, [corpus_copy])
    doc = "guangxi-13th-five-year-quality-plan"
    remove_document(index, doc)
    remove_document(index, "hunan-2013-product-quality-supervision")  # a second generation drops the first
    snap = index.snapshot()
    assert doc not in snap.docs
    assert all(c.doc_id != doc for c in snap.chunks)
    stored = index.store.collection(snap.collection).get(where={"doc_id": doc}, include=[])["ids"]
    assert stored == []
    from assistant import Assistant

    ans = Assistant(index.settings, index).ask("广西制造业产品质量合格率目标是多少?")
    assert all(c.doc_id != doc for c in ans.citations)


def test_failed_ingest_leaves_previous_index_readable_and_unchanged(tmp_path, corpus_copy, monkeypatch):
    index = _index(tmp_path)
    ingest_paths(index, [corpus_copy])
    gen = index.current_generation()
    before = [c.chunk_id for c in index.snapshot().chunks]

    new_file = corpus_copy / "extra.txt"
    new_file.write_text("一、加强计量监督。各级质监部门要加强计量监督检查。\n二、强化标准实施。企业应当执行强制性标准。", encoding="utf-8")

    import assistant.index.bm25

    def crash(*args, **kwargs):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(assistant.index.bm25.Bm25Index, "build", classmethod(crash))
    with pytest.raises(OSError):
        ingest_paths(index, [corpus_copy])
    monkeypatch.undo()

    fresh = Index(index.settings)  # a new reader process
    assert fresh.current_generation() == gen
    assert [c.chunk_id for c in fresh.snapshot().chunks] == before
    assert not list((tmp_path / "idx").glob("gen-*.tmp"))
    # and the next ingest completes normally, with the extra document
    report = ingest_paths(fresh, [corpus_copy])
    assert report.count("added") == 1


def test_bad_files_get_verdicts_while_good_files_go_in(tmp_path, corpus_copy, fixtures_dir):
    for name in ("empty.txt", "binary.txt", "truncated.pdf", "encrypted.pdf", "scanned.pdf", "notes.xyz"):
        shutil.copy(fixtures_dir / name, corpus_copy / name)
    index = _index(tmp_path)
    report = ingest_paths(index, [corpus_copy])
    assert report.count("added") == 5
    failed = {v.path.rsplit("/", 1)[-1]: v.message for v in report.failed}
    assert set(failed) == {"empty.txt", "binary.txt", "truncated.pdf", "encrypted.pdf", "scanned.pdf"}
    assert "OCR" in failed["scanned.pdf"] and "password" in failed["encrypted.pdf"]
    assert all(name in msg for name, msg in failed.items())
    skipped = [v.path for v in report.verdicts if v.status == "skipped"]
    assert any(p.endswith("notes.xyz") for p in skipped)
    assert len(index.snapshot().docs) == 5


def test_mismatched_index_is_refused_with_rebuild_instructions(tmp_path, corpus_copy):
    index = _index(tmp_path)
    ingest_paths(index, [corpus_copy])
    manifest_path = index.paths.gen(index.current_generation()) / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["tokenizer"] = "jieba-0.1-old"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexMismatch) as err:
        Index(index.settings).snapshot()
    assert "ingest --rebuild" in str(err.value) and "tokenizer" in str(err.value)
    # rebuilding fixes it
    ingest_paths(Index(index.settings), [corpus_copy], rebuild=True)
    assert len(Index(index.settings).snapshot().docs) == 5


def test_chroma_records_point_at_their_chunk_text(corpus_index):
    """Chroma keeps each chunk's vector and metadata; the metadata's offsets give back the exact
    text in the original (the text itself is not duplicated into Chroma's full-text index)."""
    snap = corpus_index.snapshot()
    got = corpus_index.store.collection(snap.collection).get(ids=[c.chunk_id for c in snap.chunks], include=["metadatas"])
    metas = dict(zip(got["ids"], got["metadatas"]))
    assert len(metas) == len(snap.chunks)
    for chunk in snap.chunks:
        meta = metas[chunk.chunk_id]
        assert meta["doc_id"] == chunk.doc_id
        assert snap.text(chunk.doc_id)[meta["start"] : meta["end"]] == chunk.text
    gansu = next(c for c in snap.chunks if c.doc_id.startswith("gansu"))
    assert metas[gansu.chunk_id]["region"] == "甘肃"


def test_questions_make_no_network_connections(assistant, monkeypatch):
    real_connect = socket.socket.connect

    def guarded(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (host.startswith("127.") or host in ("localhost", "::1")) and sock.family != socket.AF_UNIX:
            raise AssertionError(f"unexpected network connection to {address}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    ans = assistant.ask("陕西对第三方机构有什么要求?")
    assert ans.citations


def test_same_file_name_in_two_folders_gets_two_documents(tmp_path, fixtures_dir):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(fixtures_dir / "gbk.txt", tmp_path / folder / "policy.txt")
    (tmp_path / "b" / "policy.txt").write_bytes((fixtures_dir / "utf16.txt").read_bytes())
    index = _index(tmp_path)
    report = ingest_paths(index, [tmp_path / "a", tmp_path / "b"])
    ids = sorted(v.doc_id for v in report.verdicts if v.status == "added")
    assert len(ids) == 2 and ids[0] == "policy" and ids[1].startswith("policy-")
    # re-ingesting keeps each file on its own id
    assert ingest_paths(index, [tmp_path / "a", tmp_path / "b"]).count("unchanged") == 2
