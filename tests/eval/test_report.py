"""The report a developer reads: markdown, JSON and charts, every failed item explained."""
from __future__ import annotations

import json

import pytest

from eval.report import write_report


def test_report_lists_every_failed_item_with_what_zhiqa_said(test_split_report, tmp_path):
    md, js = write_report(test_split_report, tmp_path, "test-default", [])
    text = md.read_text(encoding="utf-8")
    for r in test_split_report.failures:
        assert f"#### {r.item.id} " in text
        assert r.item.turns[-1] in text
    data = json.loads(js.read_text(encoding="utf-8"))
    assert set(data["systems"]) == {s.name for s in test_split_report.systems}
    failed = {i["id"] for i in data["items"] if not i["passed"]}
    assert failed == {r.item.id for r in test_split_report.failures}
    assert "| key-fact recall |" in text and "zhiqa-hybrid / (a)" in text


def test_report_names_the_cause_of_a_wrong_abstention(test_split_report, tmp_path):
    abstained = [r for r in test_split_report.failures if r.cause == "abstained wrongly"]
    if not abstained:
        pytest.skip("zhiqa abstains wrongly on no test item")
    md, _ = write_report(test_split_report, tmp_path, "r", [])
    assert f"- reason: {abstained[0].said.reason}" in md.read_text(encoding="utf-8")


def test_charts_are_written_as_png(test_split_report, tmp_path):
    pytest.importorskip("matplotlib")
    from eval.charts import write_charts

    paths = write_charts(test_split_report, tmp_path, "t")
    assert [p.name for p in paths] == ["t-by-type.png", "t-failures.png", "t-reliability.png"]
    for p in paths:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_report_breaks_figures_down_by_tag(test_split_report, tmp_path):
    results = test_split_report.system(test_split_report.headline).results
    tags = {t for r in results for t in r.item.tags}
    assert tags and set(test_split_report.by_tag) == tags
    for tag, m in test_split_report.by_tag.items():
        assert m.n == sum(tag in r.item.tags for r in results)
    md, js = write_report(test_split_report, tmp_path, "r", [])
    assert "### By tag" in md.read_text(encoding="utf-8")
    assert set(json.loads(js.read_text(encoding="utf-8"))["breakdowns"]["tag"]) == tags


def test_a_false_premise_counts_as_corrected_only_when_said_wrong_with_a_citation(test_split_report):
    from dataclasses import replace

    from eval.summary import corrects, summarise

    cited = next(r for r in test_split_report.system(test_split_report.headline).results if r.said.citations
                 and all(r.citations_valid))
    item = replace(cited.item, tags=cited.item.tags + ("false-premise",))
    said_wrong = replace(cited, item=item, said=replace(cited.said, text="不对:问题中的“五年”与文件的规定不符。"))
    only_refused = replace(said_wrong, said=replace(said_wrong.said, text="文件没有提到问题中的“五年”"))
    uncited = replace(said_wrong, said=replace(said_wrong.said, citations=()), citations_valid=())
    no_such_law = replace(only_refused, said=replace(only_refused.said, abstained=True,
                                                   text="现有文件不足以回答这个问题:语料中没有《中华人民共和国质量法》。"))
    assert corrects(said_wrong) and corrects(no_such_law) and not corrects(only_refused) and not corrects(uncited)
    assert summarise([said_wrong, only_refused]).premise_corrected == 0.5


def test_the_reliability_table_accounts_for_every_question_answered_on_evidence(test_split_report, tmp_path):
    from eval.summary import reliability

    results = test_split_report.system(test_split_report.headline).results
    bins = reliability(list(results))
    on_evidence = [r for r in results if r.said.coverage is not None]
    assert on_evidence and sum(b.answered + b.abstained for b in bins) == len(on_evidence)
    assert sum(b.correct for b in bins) == sum(r.passed for r in on_evidence if not r.said.abstained)
    assert all(b.answered == 0 for b in bins if b.high <= 0.3)  # below the threshold nothing is answered
    md, _ = write_report(test_split_report, tmp_path, "r", [])
    assert "### Reliability of the evidence signal" in md.read_text(encoding="utf-8")


def test_side_by_side_puts_the_policy_pages_beside_the_shipped_corpus(test_split_report, policies_test_report):
    from eval.corpora.registry import CORPORA
    from eval.report import side_by_side

    lines = side_by_side([test_split_report, policies_test_report])
    assert lines[0] == f"| metric | {CORPORA['shipped'].label} | {CORPORA['policies'].label} |"
    metadata = next(ln for ln in lines if ln.startswith("| key-fact recall, metadata questions"))
    m = policies_test_report.by_type["metadata"]
    assert metadata.endswith(f"| {m.key_fact_recall:.3f} ({m.n_answerable}) |")
