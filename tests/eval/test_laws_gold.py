"""The development corpus's gold set holds together: split by document, every quote found in
the corpus (exactly, or across a rendered file's line breaks and script), every key fact in its
quotes, every document of the corpus asked about."""
from __future__ import annotations

import json
import re

import pytest

from eval.corpora.registry import corpus
from eval.gold import load_split
from eval.metrics import evidence_spans, key_facts_present
from eval.runner import build_index

LAWS = corpus("laws")


@pytest.fixture(scope="module")
def texts(tmp_path_factory):
    snap = build_index(tmp_path_factory.mktemp("laws-gold") / "index", "none", LAWS.folder).snapshot()
    return {d: snap.text(d) for d in snap.docs}


def test_the_split_is_by_document():
    test_docs = LAWS.test_documents
    assert test_docs and len(test_docs) == 10
    for split in ("dev", "test"):
        items = load_split(split, "laws")
        assert len({i.id for i in items}) == len(items)
        for item in items:
            docs = {e.doc_id for e in item.evidence}
            assert all((d in test_docs) == (split == "test") for d in docs), item.id


def test_every_quote_is_in_the_corpus_and_holds_its_key_facts(texts):
    items = load_split("dev", "laws") + load_split("test", "laws")
    assert len(items) >= 250
    asked = set()
    for item in items:
        if not item.answerable:
            assert not item.evidence and not item.key_facts, item.id
            continue
        for ev in item.evidence:
            assert ev.doc_id in texts, item.id
            assert evidence_spans(type(item)(**{**vars(item), "evidence": (ev,)}), texts), (item.id, ev.quote)
            asked.add(ev.doc_id)
        assert key_facts_present("\n".join(e.quote for e in item.evidence), item.key_facts), item.id
    assert asked == set(texts)  # every document of the corpus is asked about


def test_the_metadata_gold_covers_the_corpus(texts):
    gold = json.loads((LAWS.gold / "metadata.json").read_text(encoding="utf-8"))["documents"]
    assert set(gold) == set(texts)


def test_the_paraphrase_probe_is_split_by_document_and_found_in_the_corpus(texts):
    from eval.paraphrase import load_probe

    test_docs = LAWS.test_documents
    items = {split: load_probe(split) for split in ("dev", "test")}
    assert len(items["dev"]) + len(items["test"]) >= 50 and min(map(len, items.values())) >= 25
    for split, probe in items.items():
        for item in probe:
            assert item.answerable and "paraphrase" in item.tags
            assert not re.search(r"第[一二三四五六七八九十百零〇\d]+条", item.question), item.id  # found by meaning, not number
            for ev in item.evidence:
                assert (ev.doc_id in test_docs) == (split == "test"), item.id
            assert evidence_spans(item, texts), item.id
            assert key_facts_present("\n".join(e.quote for e in item.evidence), item.key_facts), item.id
