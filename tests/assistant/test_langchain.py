"""ZhiqaRetriever: the corpus index behind LangChain's retriever interface."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from langchain_core.documents import Document
from langchain_core.runnables import RunnableLambda, RunnablePassthrough

from assistant.config import Settings
from assistant.index.index import Index
from assistant.index.update import ingest_paths
from assistant.langchain import ZhiqaRetriever
from assistant.question.analyse import analyse
from assistant.search.features import FeatureReranker
from assistant.search.retrieve import HybridRetriever
from eval.synth_corpus import generate

GANSU = "gansu-2015-quality-development-action-plan"
HUNAN = "hunan-2013-product-quality-supervision"
SHAANXI = "shaanxi-2017-comprehensive-quality-supervision"
METADATA_KEYS = {
    "doc_id", "chunk_id", "title", "issuer", "date", "year", "doc_number", "level", "region", "script", "source",
    "section_path", "start", "end", "page", "score", "bm25_rank", "dense_rank",
}


def assert_quotes_the_original(docs: list[Document], snap) -> None:
    for d in docs:
        m = d.metadata
        assert d.page_content == snap.text(m["doc_id"])[m["start"] : m["end"]]
        assert d.id == m["chunk_id"]


def test_gansu_lead_units_come_from_the_gansu_plan_in_its_own_script(corpus_index):
    docs = ZhiqaRetriever(index=corpus_index).invoke("甘肃省质量发展的牵头单位")
    assert len(docs) == 5
    assert {d.metadata["doc_id"] for d in docs} == {GANSU}
    assert_quotes_the_original(docs, corpus_index.snapshot())
    top = docs[0]
    assert "牽頭" in top.page_content  # the traditional original, not the normalised search text
    assert top.metadata["title"] == "甘肃省贯彻实施质量发展纲要2015年行动计划"
    assert (top.metadata["region"], top.metadata["script"], top.metadata["year"]) == ("甘肃", "traditional", 2015)


def test_specific_questions_land_on_the_right_section(corpus_index):
    retriever = ZhiqaRetriever(index=corpus_index, k=3)
    special = retriever.invoke("甘肃特种设备质量安全监管由哪些单位牵头")[0]
    assert special.metadata["doc_id"] == GANSU
    assert "(十一)加強特種設備質量安全監管" in special.metadata["section_path"]
    assert "省質監局、省發展改革委、省工信委牽頭" in special.page_content

    spot_checks = retriever.invoke("湖南如何完善产品质量监督抽查")[0]
    assert spot_checks.metadata["doc_id"] == HUNAN
    assert spot_checks.metadata["section_path"] == "六、完善产品质量监督抽查工作"
    assert spot_checks.metadata["doc_number"] == "湘政发〔2013〕40号"
    assert spot_checks.metadata["date"] == "2013-12-18"


def test_metadata_is_complete_and_json_friendly(corpus_index):
    docs = ZhiqaRetriever(index=corpus_index, k=8).invoke("加强计量基础建设")
    for d in docs:
        assert set(d.metadata) == METADATA_KEYS
        json.dumps(d.metadata, ensure_ascii=False)
        assert d.metadata["start"] < d.metadata["end"]
        assert d.metadata["bm25_rank"] is not None or d.metadata["dense_rank"] is not None
    scores = [d.metadata["score"] for d in docs]
    assert scores == sorted(scores, reverse=True)


def test_filters_restrict_the_documents(corpus_index):
    question = "加强计量基础建设"  # national, Gansu, Guangxi and Shaanxi texts all speak to it
    snap = corpus_index.snapshot()
    unfiltered = {d.metadata["doc_id"] for d in ZhiqaRetriever(index=corpus_index).invoke(question)}
    assert len(unfiltered) >= 3

    shaanxi = ZhiqaRetriever(index=corpus_index, regions=("陕西",)).invoke(question)
    assert shaanxi and {d.metadata["doc_id"] for d in shaanxi} == {SHAANXI}
    assert_quotes_the_original(shaanxi, snap)

    gansu = ZhiqaRetriever(index=corpus_index, doc_ids=[GANSU], k=3).invoke(question)
    assert len(gansu) == 3 and {d.metadata["doc_id"] for d in gansu} == {GANSU}

    two = ZhiqaRetriever(index=corpus_index, regions=("甘肃", "陕西"), k=8).invoke(question)
    assert {d.metadata["region"] for d in two} == {"甘肃", "陕西"}

    assert ZhiqaRetriever(index=corpus_index, regions=("广东",)).invoke(question) == []


def test_k_is_honoured_and_a_smaller_k_is_a_prefix(corpus_index):
    question = "特种设备安全监管"
    one = ZhiqaRetriever(index=corpus_index, k=1).invoke(question)
    eight = ZhiqaRetriever(index=corpus_index, k=8).invoke(question)
    assert len(one) == 1 and len(eight) == 8
    assert one[0].metadata["chunk_id"] == eight[0].metadata["chunk_id"]
    assert len({d.metadata["chunk_id"] for d in eight}) == 8
    with pytest.raises(ValueError):
        ZhiqaRetriever(index=corpus_index, k=0)


def format_docs(docs: list[Document]) -> str:
    return "\n\n".join(f"[{d.metadata['title']} · {d.metadata['section_path']}]\n{d.page_content}" for d in docs)


def test_works_inside_an_lcel_chain(corpus_index):
    retriever = ZhiqaRetriever(index=corpus_index, k=2)
    context = (retriever | RunnableLambda(format_docs)).invoke("陕西省加强全面质量监管的总体要求是什么")
    assert context.startswith("[陕西省人民政府关于加强全面质量监管的意见 · 一、明確總體要求]\n一、明確總體要求")

    prompt = {"context": retriever | format_docs, "question": RunnablePassthrough()} | RunnableLambda(
        lambda x: f"依据以下文件回答:\n{x['context']}\n\n问题:{x['question']}"
    )
    outputs = prompt.batch(["甘肃特种设备质量安全监管由哪些单位牵头", "湖南如何完善产品质量监督抽查"])
    assert "(十一)加強特種設備質量安全監管" in outputs[0] and outputs[0].endswith("问题:甘肃特种设备质量安全监管由哪些单位牵头")
    assert "六、完善产品质量监督抽查工作" in outputs[1]


def test_from_assistant_searches_the_assistants_index(assistant, corpus_index):
    question = "甘肃省质量发展的牵头单位"
    via_assistant = ZhiqaRetriever.from_assistant(assistant, k=4).invoke(question)
    via_index = ZhiqaRetriever(index=corpus_index, k=4).invoke(question)
    assert [d.metadata["chunk_id"] for d in via_assistant] == [d.metadata["chunk_id"] for d in via_index]


def test_import_assistant_does_not_import_langchain():
    code = (
        "import sys, assistant\n"
        "assert not any(m.startswith('langchain') for m in sys.modules), 'langchain imported eagerly'\n"
        "assert assistant.ZhiqaRetriever.__name__ == 'ZhiqaRetriever'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


class CountingReranker:
    """A reranker that keeps the fused order and counts its calls (the Reranker protocol: a
    window and rerank(hits, snap))."""

    window = 20

    def __init__(self) -> None:
        self.calls = 0

    def rerank(self, hits, snap):
        self.calls += 1
        return hits


def test_a_given_reranker_is_the_only_second_stage(corpus_index):
    """The reranker passed in reorders the fused candidates once; the retriever does not add the
    default feature reranker before it (it did: the candidates were reranked twice)."""
    question = "加强计量基础建设"
    reranker = CountingReranker()
    docs = ZhiqaRetriever(index=corpus_index, k=5, reranker=reranker).invoke(question)
    assert reranker.calls == 1
    fused = HybridRetriever(corpus_index).search(analyse(question), k=5)  # no second stage at all
    featured = HybridRetriever(corpus_index, reranker=FeatureReranker()).search(analyse(question), k=5)
    assert [h.chunk.chunk_id for h in fused.hits] != [h.chunk.chunk_id for h in featured.hits]  # the two differ here
    assert [d.metadata["chunk_id"] for d in docs] == [h.chunk.chunk_id for h in fused.hits]
    # without a reranker given, the settings' one (the feature reranker) serves
    default = ZhiqaRetriever(index=corpus_index, k=5).invoke(question)
    assert [d.metadata["chunk_id"] for d in default] == [h.chunk.chunk_id for h in featured.hits]


class SwitchingIndex(Index):
    """A fake of the race an ingest makes: the first snapshot asked for is the old generation,
    every later one the new generation a writer switched to in between."""

    def __init__(self, settings, old, new) -> None:
        super().__init__(settings)
        self._given = [old]
        self._new = new

    def snapshot(self):
        return self._given.pop() if self._given else self._new


def test_documents_come_from_the_snapshot_the_search_ranked(corpus_index, tmp_path):
    home = tmp_path / "idx"
    shutil.copytree(corpus_index.paths.home, home)
    settings = Settings(home=home)
    old = Index(settings).snapshot()
    batch = tmp_path / "batch"
    generate(batch, 12, seed=3)
    ingest_paths(Index(settings), [batch])
    new = Index(settings).snapshot()
    question = "对产品质量违法行为的举报有什么奖励?"  # no region: the new documents compete
    assert {h.chunk.doc_id for h in HybridRetriever(Index(settings)).search(analyse(question), k=8).hits} - set(old.docs)

    docs = ZhiqaRetriever(index=SwitchingIndex(settings, old, new), k=8).invoke(question)
    assert docs and {d.metadata["doc_id"] for d in docs} <= set(old.docs)
    assert_quotes_the_original(docs, old)
