"""The development corpus's metadata against its gold: every field of all 31 documents."""
from __future__ import annotations

from eval.metadata_accuracy import FIELDS, measure


def test_every_field_of_every_development_document_is_inferred_right(tmp_path):
    results = measure(tmp_path)
    assert len(results) == 31 * len(FIELDS)
    wrong = [(r.doc_id, r.field, r.gold, r.inferred) for r in results if not r.right]
    assert wrong == []
