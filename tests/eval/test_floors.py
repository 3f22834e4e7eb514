"""CI gate: zhiqa on the test split of each corpus must not fall below the measured floors
(eval/floors.json): the five shipped documents, the development corpus of laws and the
policy pages of other provinces and cities."""
from __future__ import annotations

from eval.floors import load_floors, violations


def _meets_its_floors(report, corpus: str) -> None:
    floors = load_floors(corpus)
    assert (floors.split, floors.config) == (report.split, report.config)
    assert report.corpus == corpus
    found = violations(report.metrics, floors)
    assert not found, f"zhiqa dropped below the eval floors of the {corpus} corpus:\n" + "\n".join(
        f"  {v}" for v in found) + f"\n(see `python -m eval.run --split test --corpus {corpus}` for the failed items)"


def test_default_config_meets_its_floors_on_the_test_split(test_split_report):
    _meets_its_floors(test_split_report, "shipped")


def test_default_config_meets_its_floors_on_the_laws_test_split(laws_test_report):
    _meets_its_floors(laws_test_report, "laws")
    assert laws_test_report.metrics.n == 160  # the ten test documents' items, none of the dev documents'


def test_default_config_meets_its_floors_on_the_policies_test_split(policies_test_report):
    _meets_its_floors(policies_test_report, "policies")
    assert policies_test_report.metrics.n == 79  # the six test documents' items, none of the dev documents'


def test_every_corpus_has_its_floors():
    from eval.corpora.registry import CORPORA

    assert [load_floors(name).split for name in CORPORA] == ["test"] * len(CORPORA)


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
