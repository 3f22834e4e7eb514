"""CI gate: zhiqa on the test split must not fall below the measured floors (eval/floors.json)."""
from __future__ import annotations

from eval.floors import load_floors, violations


def test_default_config_meets_its_floors_on_the_test_split(test_split_report):
    floors = load_floors()
    assert (floors.split, floors.config) == (test_split_report.split, test_split_report.config)
    found = violations(test_split_report.metrics, floors)
    assert not found, "zhiqa dropped below the eval floors:\n" + "\n".join(f"  {v}" for v in found) + \
        "\n(see `python -m eval.run --split test` for the failed items)"


def test_every_gold_item_is_judged_by_every_system(test_split_report):
    names = [s.name for s in test_split_report.systems]
    assert names == ["bm25-raw", "bm25-normalised", "zhiqa-bm25", "zhiqa-hybrid"]
    counts = {len(s.results) for s in test_split_report.systems}
    assert counts == {test_split_report.metrics.n}


def test_floors_round_down_ceilings_round_up_and_a_drop_names_the_metric(test_split_report):
    from dataclasses import replace

    from eval.floors import measured_floors

    m = replace(test_split_report.metrics, key_fact_recall=0.7149, false_refusal_rate=0.1603, citation_validity=1.0)
    floors = measured_floors(m)
    assert floors.floors["key_fact_recall"] == 0.71 and floors.floors["citation_validity"] == 1.0
    assert floors.ceilings["false_refusal_rate"] == 0.17
    worse = replace(m, key_fact_recall=0.70, false_refusal_rate=0.18)
    assert sorted(str(v).split(" ")[0] for v in violations(worse, floors)) == ["false_refusal_rate", "key_fact_recall"]
    assert violations(m, floors) == []
