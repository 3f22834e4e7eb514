"""The optional cross-encoder reranker, with a tiny real cross-encoder built in tmp_path (no model
hub is reachable here), the missing-extra and missing-model errors, and the spec parsing."""
from __future__ import annotations

import sys

import pytest

from assistant.config import Settings
from assistant.errors import MissingExtra, RerankerUnavailable
from assistant.index.tokens import index_text
from assistant.question.analyse import analyse
from assistant.search.cross_encoder import CrossEncoderReranker
from assistant.search.features import FeatureReranker
from assistant.search.hits import Hits
from assistant.search.rerankers import choose_reranker, reranker_from_spec
from assistant.search.retrieve import HybridRetriever
from ingest.normalize import normalize

QUESTION = "加强计量基础建设"  # candidates from four documents


@pytest.fixture(scope="module")
def tiny_cross_encoder(tmp_path_factory, corpus_dir) -> str:
    """A randomly initialised 2-layer BERT cross-encoder (one relevance logit) whose WordPiece
    vocabulary is every character of the normalised corpus: scores are meaningless but real,
    deterministic and different for different passages."""
    pytest.importorskip("sentence_transformers")
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    folder = tmp_path_factory.mktemp("tiny-cross-encoder")
    chars = sorted({c for f in corpus_dir.glob("*.txt") for c in normalize(f.read_text(encoding="utf-8")) if not c.isspace()})
    vocab = folder / "vocab.txt"
    vocab.write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(vocab))
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=512, num_labels=1,
        initializer_range=0.5,  # wide enough that passages get clearly different scores
    )
    BertForSequenceClassification(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return str(folder)


@pytest.mark.slow
def test_rerank_orders_candidates_by_cross_encoder_score(corpus_index, tiny_cross_encoder):
    from sentence_transformers import CrossEncoder

    snap = corpus_index.snapshot()
    hits = HybridRetriever(corpus_index).search(analyse(QUESTION), k=12)
    assert len(hits.hits) == 12
    out = CrossEncoderReranker(tiny_cross_encoder, batch_size=3, window=8).rerank(hits, snap)

    assert out.query == hits.query and out.allowed_docs == hits.allowed_docs
    assert sorted(h.chunk.chunk_id for h in out.hits) == sorted(h.chunk.chunk_id for h in hits.hits)
    # scored independently: the question against the passage as the index saw it, in simplified script
    head = hits.hits[:8]
    pairs = [
        (hits.query.normalized, normalize(index_text(snap.docs[h.chunk.doc_id].meta.title, h.chunk.section_path, h.chunk.text)))
        for h in head
    ]
    expected = dict(zip((h.chunk.chunk_id for h in head), CrossEncoder(tiny_cross_encoder).predict(pairs)))
    reranked = out.hits[:8]
    assert len(set(expected.values())) == 8  # distinct scores, so the order below is not vacuous
    assert [h.score for h in reranked] == pytest.approx([expected[h.chunk.chunk_id] for h in reranked], abs=1e-5)
    assert [h.score for h in reranked] == sorted((h.score for h in reranked), reverse=True)
    before = {h.chunk.chunk_id: h for h in head}
    assert all((h.bm25_rank, h.dense_rank) == (before[h.chunk.chunk_id].bm25_rank, before[h.chunk.chunk_id].dense_rank) for h in reranked)
    assert out.hits[8:] == hits.hits[8:]  # beyond the window: fused order and scores kept
    assert [h.chunk.chunk_id for h in reranked] != [h.chunk.chunk_id for h in head]  # it did reorder


@pytest.mark.slow
def test_langchain_retriever_returns_the_reranked_top_k(corpus_index, tiny_cross_encoder):
    from assistant.langchain import ZhiqaRetriever

    reranker = CrossEncoderReranker(tiny_cross_encoder, window=8)
    docs = ZhiqaRetriever(index=corpus_index, k=3, reranker=reranker).invoke(QUESTION)
    expected = reranker.rerank(HybridRetriever(corpus_index).search(analyse(QUESTION), k=8), corpus_index.snapshot())
    assert [d.metadata["chunk_id"] for d in docs] == [h.chunk.chunk_id for h in expected.hits[:3]]
    assert [d.metadata["score"] for d in docs] == [h.score for h in expected.hits[:3]]


def test_construction_is_cheap_and_no_hits_need_no_model(corpus_index, tmp_path):
    reranker = CrossEncoderReranker(str(tmp_path / "not-downloaded-yet"))
    empty = Hits(query=analyse(QUESTION, ("广东",)), hits=(), allowed_docs=())
    assert reranker.rerank(empty, corpus_index.snapshot()) is empty
    with pytest.raises(ValueError):
        CrossEncoderReranker("model", window=0)


def test_missing_sentence_transformers_names_the_extra(corpus_index, monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    hits = HybridRetriever(corpus_index).search(analyse(QUESTION), k=3)
    with pytest.raises(MissingExtra) as err:
        CrossEncoderReranker("BAAI/bge-reranker-base").rerank(hits, corpus_index.snapshot())
    assert "pip install 'zhiqa[st]'" in str(err.value)


@pytest.mark.slow
def test_absent_model_is_a_clear_error(corpus_index, tmp_path):
    pytest.importorskip("sentence_transformers")
    missing = str(tmp_path / "bge-reranker-base")
    hits = HybridRetriever(corpus_index).search(analyse(QUESTION), k=3)
    with pytest.raises(RerankerUnavailable) as err:
        CrossEncoderReranker(missing).rerank(hits, corpus_index.snapshot())
    assert missing in str(err.value) and "ZHIQA_RERANKER=cross:" in str(err.value)


def test_reranker_spec_parsing(monkeypatch):
    for off in (None, "", "none", " None "):
        assert reranker_from_spec(off) is None
    reranker = reranker_from_spec("cross:/models/bge-reranker-base")
    assert isinstance(reranker, CrossEncoderReranker) and reranker.model == "/models/bge-reranker-base"
    assert reranker_from_spec("cross:BAAI/bge-reranker-base").model == "BAAI/bge-reranker-base"
    for bad in ("cross:", "bge-reranker-base", "st:BAAI/bge-reranker-base"):
        with pytest.raises(ValueError, match="cross:<model name or local path>"):
            reranker_from_spec(bad)

    monkeypatch.delenv("ZHIQA_RERANKER", raising=False)
    monkeypatch.delenv("ZHIQA_RERANK_FEATURES", raising=False)
    assert isinstance(choose_reranker(Settings()), FeatureReranker)  # the default second stage
    assert choose_reranker(Settings(rerank_features=False)) is None
    monkeypatch.setenv("ZHIQA_RERANKER", "cross:/models/bge-reranker-base")
    assert choose_reranker(Settings()).model == "/models/bge-reranker-base"
    monkeypatch.setenv("ZHIQA_RERANKER", "bge")
    with pytest.raises(ValueError, match="ZHIQA_RERANKER"):
        choose_reranker(Settings())
