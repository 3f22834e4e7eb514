"""Chroma server mode: a real `chroma run` on loopback holds the chunks and vectors."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from assistant import Assistant, Settings
from assistant.index.index import Index
from assistant.index.update import ingest_paths


@pytest.fixture()
def chroma_server(tmp_path):
    from eval.bench_run import ChromaServer

    if shutil.which("chroma", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("the chroma CLI is not installed")
    server = ChromaServer(tmp_path / "server-data")
    yield server.url
    server.stop()


@pytest.mark.slow
def test_ingest_and_ask_through_a_chroma_server(tmp_path, corpus_dir, chroma_server):
    settings = Settings(home=tmp_path / "idx", chroma_url=chroma_server)
    index = Index(settings)
    assert ingest_paths(index, [corpus_dir]).count("added") == 5
    snap = index.snapshot()
    assert snap.manifest["chroma"] == chroma_server
    assert not (tmp_path / "idx" / "chroma").exists()  # nothing embedded
    assert index.store.collection(snap.collection).count() == len(snap.chunks)
    ans = Assistant(settings, index).ask("陕西对第三方机构有什么要求?")
    assert not ans.abstained and ans.citations[0].doc_id.startswith("shaanxi")


@pytest.mark.slow
def test_nothing_is_lost_when_the_chroma_server_restarts(tmp_path, corpus_dir):
    from eval.bench_run import ChromaServer

    from assistant.assistant import DENSE_DOWN
    from assistant.search.hits import CHROMA_DOWN
    from assistant.errors import ChromaUnavailable

    question = "陕西对第三方机构有什么要求?"
    server = ChromaServer(tmp_path / "server-data")
    settings = Settings(home=tmp_path / "idx", chroma_url=server.url)
    try:
        assert ingest_paths(Index(settings), [corpus_dir]).count("added") == 5
        before = Assistant(settings).ask(question)
        count = Index(settings).store.collection(Index(settings).snapshot().collection).count()
        assert not before.abstained and before.notes == []
    finally:
        server.stop()

    # the server is down: keyword search still answers, cited, and says the semantic leg is missing
    down = Assistant(settings).ask(question)
    assert not down.abstained and down.citations and DENSE_DOWN.format(reason=CHROMA_DOWN) in down.notes
    # and an ingest stops with a message that says what to do, leaving the index as it was
    changed = tmp_path / "more"
    changed.mkdir()
    (changed / "note.txt").write_text((corpus_dir / "shaanxi-2017-comprehensive-quality-supervision.txt").read_text(encoding="utf-8")[:3000],
                                      encoding="utf-8")
    generation = Index(settings).current_generation()
    with pytest.raises(ChromaUnavailable, match="chroma run"):
        ingest_paths(Index(settings), [changed])
    assert Index(settings).current_generation() == generation

    restarted = ChromaServer(tmp_path / "server-data", port=server.port)  # same data folder, same address
    try:
        index = Index(settings)
        assert index.store.collection(index.snapshot().collection).count() == count
        after = Assistant(settings, index).ask(question)
        assert after.notes == [] and after.answer == before.answer
        assert [(c.doc_id, c.start, c.end) for c in after.citations] == [(c.doc_id, c.start, c.end) for c in before.citations]
    finally:
        restarted.stop()
