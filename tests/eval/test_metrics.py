"""Metric functions on small hand-made cases whose right answers can be worked out by hand."""
from __future__ import annotations

import math

import pytest

from eval.gold import Evidence, GoldItem
from eval.judge import Sources, judge
from eval.metrics import (
    citation_valid, citations_support, evidence_spans, fact_hits, key_facts_present, ndcg_at, percentile,
    recall_at, reciprocal_rank, relevance,
)
from eval.summary import summarise
from eval.systems import Cited, SystemAnswer

TEXTS = {
    "gx": "一、目标\n全区制造业产品质量合格率达到93%以上。\n二、措施\n由省质监局牵头。",
    "gs": "(三)誠信體系\n加快質量誠信體系建設。(省發展改革委、省工信委按職責分工負責)",
}


def _item(answerable=True, evidence=(("gx", "合格率达到93%以上"),), facts=(("93%",),), type_="target", turns=("q",)):
    return GoldItem("t-1", turns, type_, answerable, tuple(Evidence(d, q) for d, q in evidence), facts, "simplified", ())


def _said(text="", abstained=False, citations=(), ranked=(), reason=""):
    return SystemAnswer(text, abstained, reason, tuple(citations), tuple(ranked), 5.0, "q")


def _quote(doc, s, e):
    return Cited(doc, s, e, TEXTS[doc][s:e])


def test_hand_built_ranking_gives_known_recall_mrr_and_ndcg():
    rels = [False, True, False, True]
    assert [recall_at(rels, k) for k in (1, 3, 5, 10)] == [0.0, 1.0, 1.0, 1.0]
    assert reciprocal_rank(rels) == 0.5
    expected = (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))
    assert ndcg_at(rels, n_relevant=2) == pytest.approx(expected)
    assert ndcg_at([True, True], n_relevant=2) == pytest.approx(1.0)
    assert reciprocal_rank([False] * 10 + [True]) == 0.0  # beyond the cut-off


def test_a_chunk_counts_when_it_overlaps_the_gold_quote_span_and_not_when_it_only_touches_it():
    spans = evidence_spans(_item(), TEXTS)
    at = TEXTS["gx"].find("合格率")
    assert spans == [("gx", at, at + len("合格率达到93%以上"))]
    assert relevance([("gx", 0, at), ("gx", at + 3, at + 4), ("gs", at, at + 4)], spans) == [False, True, False]


def test_comparison_item_uses_the_first_relevant_rank_over_all_its_evidence_documents():
    item = _item(evidence=(("gx", "省质监局牵头"), ("gs", "加快質量誠信體系建設")), type_="comparison")
    spans = evidence_spans(item, TEXTS)
    ranked = [("gx", 0, 4), ("gs", 8, 20), ("gx", 30, len(TEXTS["gx"]))]
    rels = relevance(ranked, spans)
    assert rels == [False, True, True]
    assert reciprocal_rank(rels) == 0.5 and recall_at(rels, 1) == 0.0


def test_citation_with_offsets_that_do_not_match_the_original_is_invalid():
    text = TEXTS["gx"]
    at = text.find("牵头")
    assert citation_valid("牵头", at, at + 2, text, text)
    assert not citation_valid("牵头", at + 1, at + 3, text, text)
    assert not citation_valid("牵头", at, at + 2, text, text.replace("牵头", "配合"))  # corpus file says otherwise
    assert not citation_valid("", 0, 0, text, text)


def test_key_facts_accept_any_alternative_and_either_script_or_width():
    facts = (("3—5个", "3-5个"), ("按职责分工负责",))
    assert fact_hits("培育3-5个品牌", facts) == [True, False]
    assert key_facts_present("培育3—5个品牌(省發展改革委按職責分工負責)", facts)
    assert key_facts_present("合格率达到９３％以上", (("93%",),))
    assert not key_facts_present("培育3个品牌,按职责分工负责", facts)


def test_support_needs_every_fact_inside_the_cited_quotes():
    facts = (("省质监局",), ("牵头",))
    assert citations_support(["由省质监局牵头。"], facts)
    assert citations_support(["省质监局", "负责牵头"], facts)
    assert not citations_support(["省质监", "局牵头"], facts)  # a fact split across two quotes
    assert not citations_support([], facts)


def test_judge_names_the_first_cause_a_developer_should_look_at():
    at = TEXTS["gx"].find("合格率")
    sources = Sources(TEXTS, TEXTS)
    units = [("gx", 0, 4), ("gx", 5, 27), ("gs", 0, 10)]
    hit, miss = [("gx", 5, 27)], [("gs", 0, 10)]
    good = judge(_item(), _said("达到93%以上 [1]", citations=[_quote("gx", at, at + 9)], ranked=hit), units, sources)
    assert good.passed and good.supported and good.citations_on_gold == (True,)
    assert judge(_item(), _said("", abstained=True, ranked=hit), units, sources).cause == "abstained wrongly"
    assert judge(_item(), _said("", abstained=True, ranked=miss), units, sources).cause == "retrieval miss"
    assert judge(_item(), _say_wrong(hit), units, sources).cause == "missing key facts"
    forged = Cited("gx", at, at + 9, "合格率达到95%以上")
    assert judge(_item(), _said("93% [1]", citations=[forged], ranked=hit), units, sources).cause == "invalid citation"
    assert judge(_item(answerable=False, evidence=(), facts=()), _said("瞎答"), units, sources).cause == "answered unanswerable"


def _say_wrong(ranked):
    return _said("达到90%以上", ranked=ranked)


def test_summary_counts_refusals_false_refusals_and_exact_answers():
    sources = Sources(TEXTS, TEXTS)
    units = [("gx", 5, 27)]
    facts = (("93%",), ("以上",))
    results = [
        judge(_item(facts=facts), _said("93%以下", ranked=units), units, sources),  # exact, not all facts
        judge(_item(facts=facts), _said("", abstained=True, ranked=units), units, sources),
        judge(_item(answerable=False, evidence=(), facts=()), _said("", abstained=True), units, sources),
        judge(_item(answerable=False, evidence=(), facts=()), _said("答了"), units, sources),
    ]
    m = summarise(results)
    assert (m.n, m.n_answerable, m.n_unanswerable) == (4, 2, 2)
    assert m.exact_answer_rate == 0.5 and m.key_fact_recall == 0.0
    assert m.refusal_rate == 0.5 and m.false_refusal_rate == 0.5
    assert m.recall_at_1 == 1.0 and m.ndcg_at_10 == 1.0


def test_percentile_interpolates():
    assert percentile([1, 2, 3, 4], 0.5) == 2.5
    assert percentile([10], 0.95) == 10
    assert math.isnan(percentile([], 0.5))
