"""Readers during writes (issue 8): while another process ingests forty documents into the
index, questions asked here keep answering from one consistent generation, the old one until
the new one is complete, never a mixture, with every quote exact."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

from assistant import Assistant, Settings
from assistant.index.index import Index
from assistant.question.analyse import analyse
from eval.synth_corpus import generate

QUESTIONS = [
    "甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?",
    "湖南省对产品质量违法行为的举报有什么奖励?",
    "陕西省的质量信用黑名单制度怎么建立?",
]


@pytest.mark.slow
def test_questions_from_another_process_see_old_or_new_never_a_mixture(corpus_index, tmp_path):
    home = tmp_path / "idx"
    shutil.copytree(corpus_index.paths.home, home)
    settings = Settings(home=home)
    old = set(Index(settings).snapshot().docs)
    batch = tmp_path / "batch"
    generate(batch, 40, seed=3)
    writer = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "--index", str(home), "ingest", "-q", str(batch)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    seen: list[tuple[str, int]] = []  # (which generation a reading saw, how many documents)
    assistant = Assistant(settings)  # one long-lived reader, as the web app is
    try:
        i = 0
        while True:
            running = writer.poll() is None
            index = Index(settings)  # and a fresh one per question, as a CLI call is
            for reader in (assistant, Assistant(settings, index)):
                answer = reader.ask(QUESTIONS[i % len(QUESTIONS)])
                snap = reader.index.snapshot()
                docs = set(snap.docs)
                assert docs == old or (docs > old and len(docs) == len(old) + 40), "a mixture of generations"
                assert snap.bm25.size == len(snap.chunks) == snap.manifest["chunks"]
                assert not answer.abstained and answer.citations
                for c in answer.citations:
                    assert c.doc_id in docs and snap.text(c.doc_id)[c.start : c.end] == c.quote
                seen.append(("new" if docs != old else "old", len(docs)))
            i += 1
            if not running:
                break
            time.sleep(0.05)
    finally:
        if writer.poll() is None:
            writer.kill()
        out, err = writer.communicate()
    assert writer.returncode == 0, err
    kinds = [k for k, _ in seen]
    print(f"\n{len(kinds)} readings: {kinds.count('old')} of the old index, {kinds.count('new')} of the new one")
    assert "old" in kinds and kinds[-1] == "new"  # questions were asked during the ingest, and after it
    assert kinds == sorted(kinds, key=lambda k: k == "new")  # once a reader saw the new index, never the old
    snap = Index(settings).snapshot()
    ids = [c.chunk_id for c in snap.chunks]
    assert Index(settings).store.existing_ids(snap.collection, ids) == set(ids)


def test_a_search_stays_in_the_generation_the_answer_is_composed_from(corpus_index, tmp_path):
    """An ingest may switch generations between the snapshot a question is answered from and its
    search (the reader run above once hit this: chunks of new documents, composed against the old
    generation, failed). A search given that snapshot ranks only its chunks."""
    from assistant.index.update import ingest_paths

    home = tmp_path / "idx"
    shutil.copytree(corpus_index.paths.home, home)
    settings = Settings(home=home)
    reader = Assistant(settings)
    before = reader.index.snapshot()
    batch = tmp_path / "batch"
    generate(batch, 12, seed=3)
    ingest_paths(Index(settings), [batch])
    query = analyse("对产品质量违法行为的举报有什么奖励?")  # no region: new documents compete
    assert {h.chunk.doc_id for h in reader.retriever.search(query, k=10).hits} - set(before.docs)  # the new generation
    pinned = reader.retriever.search(query, k=10, snap=before)
    assert pinned.hits and {h.chunk.doc_id for h in pinned.hits} <= set(before.docs)
    answer = reader.ask(QUESTIONS[1])
    assert not answer.abstained and all(c.doc_id in reader.index.snapshot().docs for c in answer.citations)
