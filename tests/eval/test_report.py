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
    assert [p.name for p in paths] == ["t-by-type.png", "t-failures.png"]
    for p in paths:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
