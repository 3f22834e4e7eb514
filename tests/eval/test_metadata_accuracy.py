"""Metadata against its gold: every field of the 31 development laws right; the policy pages'
fields reported per document, right or wrong."""
from __future__ import annotations

from eval.metadata_accuracy import FIELDS, measure


def test_every_field_of_every_development_document_is_inferred_right(tmp_path):
    results = measure(tmp_path)
    assert len(results) == 31 * len(FIELDS)
    wrong = [(r.doc_id, r.field, r.gold, r.inferred) for r in results if not r.right]
    assert wrong == []


def test_the_policy_pages_metadata_is_reported_per_document_and_a_wrong_field_does_not_raise(tmp_path):
    from eval.metadata_accuracy import POLICY_FIELDS, document_table, report

    results = measure(tmp_path, "policies")
    assert len(results) == 20 * len(POLICY_FIELDS)
    rows = document_table(results)
    assert rows[0].startswith("| document | region | level | issuer | date | doc_number |") and len(rows) == 2 + 20
    text = report(results, "policies")
    assert "| region |" in text and "## Per document" in text
    for r in results:
        if not r.right:  # reported beside its gold, never raised
            assert f"| {r.doc_id} | {r.field} | {r.gold} | {r.inferred} |" in text


def test_a_field_is_compared_as_its_value_not_its_notation():
    from eval.metadata_accuracy import FieldResult

    assert FieldResult("d", "doc_number", "渝农发〔2020〕18号", "渝农发(2020)18号").right
    assert FieldResult("d", "doc_number", "黔府发〔2015〕15号", "黔府发[2015]15号").right
    assert FieldResult("d", "issuer", "温州市洞头区发展和改革局、温州市洞头区市场监督管理局",
                       "温州市洞头区发展和改革局 温州市洞头区市场监督管理局").right
    assert FieldResult("d", "title", "国务院关于印发计量发展规划(2021—2035年)的通知",
                       "国务院关于印发计量发展规划 (2021—2035年)的通知").right
    assert not FieldResult("d", "issuer", "温州市洞头区发展和改革局、温州市洞头区市场监督管理局", "温州市洞头区发展和改革局").right
    assert not FieldResult("d", "level", "provincial", "municipal").right
    assert not FieldResult("d", "date", None, "2024-01-04").right
