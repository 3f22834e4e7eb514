"""The extraction eval: every kind of record is judged against a gold table, and each table
scores at least its floors (eval/gold_records.FLOORS, which the extractor tests assert too)."""
from __future__ import annotations

from dataclasses import fields

import pytest

from eval.gold_records import FLOORS
from eval.extraction import evaluate_extraction, gold_documents, load_documents, main, score
from ingest.extract import DocumentRecords

RECORD_KINDS = {f.name for f in fields(DocumentRecords)} - {"doc_id"}


@pytest.fixture(scope="module")
def report():
    return evaluate_extraction(repeats=1)  # the timing is the script's business, not checked here


def test_every_gold_table_and_every_kind_of_record_has_a_row(report):
    assert [r.table for r in report.rows] == list(FLOORS)
    assert {r.kind for r in report.rows} == RECORD_KINDS
    assert all(r.gold > 0 for r in report.rows)
    assert report.corpus_documents == 5


@pytest.mark.parametrize("table", list(FLOORS))
def test_each_gold_table_meets_the_floors_of_its_extractor_test(report, table):
    (row,) = [r for r in report.rows if r.table == table]
    p_floor, r_floor = FLOORS[table]
    assert row.precision >= p_floor and row.recall >= r_floor, (
        f"{row.label}: P={row.precision:.3f} R={row.recall:.3f} ({row.found} found, {row.gold} gold), "
        f"floors P>={p_floor} R>={r_floor}")


def test_an_extractor_that_finds_nothing_is_below_every_floor():
    documents = load_documents(gold_documents())
    nothing = {relpath: DocumentRecords(relpath, (), (), (), ()) for relpath in documents}
    rows = score(documents, nothing)
    assert all(r.found == 0 and r.precision == r.recall == 0 for r in rows)
    assert all(r.recall < FLOORS[r.table][1] for r in rows)


def test_score_names_the_documents_it_was_not_given():
    with pytest.raises(ValueError, match="tests/fixtures/statute.txt"):
        score({}, {})


def test_script_prints_the_table_and_writes_it_to_out(tmp_path, capsys):
    out = tmp_path / "reports" / "extraction.md"
    assert main(["--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("| records | gold | found | precision | recall |")
    assert "records for corpus/ (5 documents) extracted in " in printed and "s (best of 3)" in printed
    assert out.read_text(encoding="utf-8") == printed
