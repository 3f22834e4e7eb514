"""The policy pages' gold set holds together: split by document (six test documents), every
quote an exact substring of its file as stored and found where the index keeps it, every key
fact in its quotes, every document asked about, comparisons within one split, false premises
explained, and the metadata gold covering every page with the fields issue 19 asks for."""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from eval.corpora.registry import ROOT, corpus
from eval.gold import load_split
from eval.metrics import evidence_spans, key_facts_present
from eval.runner import build_index
from ingest import make_doc_id

POLICIES = corpus("policies")
TEST_DOCUMENTS = {
    "安徽-2014-质量工作考核办法", "重庆-2020-质量兴农战略实施方案", "威海-2024-推进质量强市及品牌战略的意见",
    "浙江-2011-质量强省建设十二五规划", "国务院-2021-计量发展规划", "江门-2018-创建全国质量强市示范城市工作方案",
}
TYPES = {"responsibility", "deadline", "target", "procedure", "definition", "list", "comparison", "metadata", "yesno",
         "other"}
TAG_MINIMUMS = {  # what the set must cover (issue 19's list), over both splits
    "lead-unit": 6, "year": 10, "year-by-year": 3, "furniture": 15, "region-level": 8, "cited-doc": 15,
    "cross-doc": 8, "colloquial": 15, "multi-turn": 6, "near-miss": 12, "cut-off": 15, "false-premise": 20,
    "out-of-scope": 2, "traditional-source": 15, "pinyin-gloss": 10, "mojibake": 1,
}
TYPE_MINIMUMS = {"responsibility": 12, "deadline": 2, "target": 15, "list": 15, "comparison": 8, "metadata": 30,
                 "yesno": 3, "definition": 1, "procedure": 1}


def _raw(line: str) -> dict:
    return json.loads(line)


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    """doc_id -> the text of its file, byte for byte (no newline translation)."""
    out = {}
    for path in sorted(POLICIES.folder.glob("*.txt")):
        with open(path, encoding="utf-8", newline="") as fh:
            out[make_doc_id(path)] = fh.read()
    return out


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> dict[str, str]:
    snap = build_index(tmp_path_factory.mktemp("policies-gold") / "index", "none", POLICIES.folder).snapshot()
    return {d: snap.text(d) for d in snap.docs}


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict]]:
    return {split: [_raw(ln) for ln in POLICIES.gold_file(split).read_text(encoding="utf-8").splitlines() if ln.strip()]
            for split in ("dev", "test")}


def test_the_corpus_is_the_twenty_pages_and_none_of_them_is_shipped(files):
    assert len(files) == 20
    assert POLICIES.test_documents == TEST_DOCUMENTS <= set(files)
    shipped = {make_doc_id(p) for p in (ROOT / "corpus").iterdir()}
    assert not shipped & set(files)


def test_the_split_is_by_document_and_ids_count_up(rows):
    for split in ("dev", "test"):
        items = load_split(split, "policies")
        assert [i.id for i in items] == [f"policies-{split}-{n:03d}" for n in range(1, len(items) + 1)]
        for item in items:
            docs = {e.doc_id for e in item.evidence}
            assert all((d in TEST_DOCUMENTS) == (split == "test") for d in docs), item.id
    assert len(rows["dev"]) + len(rows["test"]) >= 120 and len(rows["test"]) >= 36


def test_every_item_is_well_formed(rows):
    for row in rows["dev"] + rows["test"]:
        assert ("question" in row) != ("turns" in row), row["id"]
        assert row["type"] in TYPES and row["script"] in ("simplified", "traditional"), row["id"]
        assert row["note"].strip() and isinstance(row["answerable"], bool), row["id"]
        multi = len(row.get("turns", ())) > 1
        assert multi == ("multi-turn" in row["tags"]), row["id"]
        if "false-premise" in row["tags"]:
            assert not row["answerable"] and row["note"].startswith("不对"), row["id"]
            assert re.search(r"(对吗|对吧|对不对|吧|吗|是这样吗|[，,]是不是)[?？]$", (row.get("turns") or [row.get("question")])[-1]), row["id"]
        if not row["answerable"]:
            assert not row["evidence"] and not row["key_facts"], row["id"]
        else:
            assert row["evidence"] and row["key_facts"], row["id"]


def test_every_quote_is_in_its_file_as_stored_and_holds_the_key_facts(files, texts):
    items = load_split("dev", "policies") + load_split("test", "policies")
    asked = Counter()
    for item in items:
        for ev in item.evidence:
            assert ev.quote in files[ev.doc_id], (item.id, ev.quote)  # exact, not loosely
            found = evidence_spans(type(item)(**{**vars(item), "evidence": (ev,)}), texts)
            assert any(texts[d][s:e] == ev.quote for d, s, e in found), (item.id, ev.quote)
            asked[ev.doc_id] += 1
        if item.answerable:
            assert key_facts_present("\n".join(e.quote for e in item.evidence), item.key_facts), item.id
    assert set(asked) == set(files)  # every page is asked about


def test_comparisons_cite_two_documents_of_one_split(rows):
    comparisons = {split: [r for r in rows[split] if r["type"] == "comparison"] for split in rows}
    assert len(comparisons["dev"]) >= 4 and len(comparisons["test"]) >= 4
    for split, found in comparisons.items():
        for row in found:
            docs = {e["doc_id"] for e in row["evidence"]}
            assert len(docs) >= 2 and "cross-doc" in row["tags"], row["id"]
            assert {d in TEST_DOCUMENTS for d in docs} == {split == "test"}, row["id"]


def test_the_set_covers_the_kinds_of_question_issue_19_lists(rows):
    every = rows["dev"] + rows["test"]
    types = Counter(r["type"] for r in every)
    tags = Counter(t for r in every for t in r["tags"])
    assert {t: types[t] for t in TYPE_MINIMUMS if types[t] < TYPE_MINIMUMS[t]} == {}
    assert {t: tags[t] for t in TAG_MINIMUMS if tags[t] < TAG_MINIMUMS[t]} == {}
    assert sum(r["script"] == "traditional" for r in every) >= 3
    for split in ("dev", "test"):  # each split asks each kind of hard question
        mine = Counter(t for r in rows[split] for t in r["tags"])
        assert all(mine[t] for t in ("false-premise", "cut-off", "near-miss", "cross-doc", "multi-turn", "furniture",
                                     "region-level", "cited-doc", "colloquial")), split
        per_doc = Counter(e["doc_id"] for r in rows[split] for e in r["evidence"][:1])
        assert min(per_doc.values()) >= 4, per_doc


def test_the_metadata_gold_covers_every_page_with_region_and_level(files):
    gold = json.loads((POLICIES.gold / "metadata.json").read_text(encoding="utf-8"))["documents"]
    assert set(gold) == set(files)
    for doc_id, meta in gold.items():
        assert {"title", "issuer", "date", "doc_number", "level", "region", "from"} <= set(meta), doc_id
        assert meta["level"] in ("national", "provincial", "municipal"), doc_id
        assert (meta["region"] is None) == (meta["level"] == "national"), doc_id
        assert bool(meta.get("city")) == (meta["level"] == "municipal"), doc_id
        assert meta["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["date"]), doc_id
        assert meta["doc_number"] is None or re.fullmatch(r"\S+〔\d{4}〕\d+号", meta["doc_number"]), doc_id
    assert gold["洞头-2021-质量强区十四五发展规划"]["county"] == "洞头"
    assert {d: gold[d]["city"] for d in gold if gold[d].get("city")} == {
        "威海-2024-推进质量强市及品牌战略的意见": "威海", "德州-2021-好品山东质量强市和品牌战略实施意见": "德州",
        "江门-2018-创建全国质量强市示范城市工作方案": "江门", "洞头-2021-质量强区十四五发展规划": "温州"}
