"""The search form of a document and its map back to the original: patterns match on
normalised text, quotes come from the original."""
from __future__ import annotations

import pytest

from ingest.extract.spans import normalized, simplify
from ingest.normalize import normalize
from ingest_helpers import CORPUS_FILES

GANSU = "gansu-2015-quality-development-action-plan.txt"


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_search_form_is_exactly_normalize(docs, name):
    doc = docs.corpus(name)
    view = normalized(doc.text)
    assert view.text == normalize(doc.text)
    assert len(view.starts) == len(view.ends) == len(view.text)
    assert all(a <= b for a, b in zip(view.starts, view.starts[1:]))


def test_normalize_is_not_length_preserving_on_the_gansu_plan(docs):
    """Why the map exists: Taiwan terms (智慧財產權 → 知识产权) shorten the search form."""
    doc = docs.corpus(GANSU)
    assert len(normalize(doc.text)) < len(doc.text)


def test_span_of_a_rewritten_term_is_the_whole_original_term():
    original = "開展智慧財產權執法維權專項行動。(省質監局牽頭)"
    view = normalized(original)
    i = view.text.index("知识产权")
    s, e = view.span(i, i + 4)
    assert original[s:e] == "智慧財產權"
    j = view.text.index("省质监局")
    s, e = view.span(j, j + 4)
    assert original[s:e] == "省質監局"


def test_width_and_ellipsis_are_mapped_back():
    original = "（一）建立……制度。"
    view = normalized(original)
    assert view.text == "(一)建立......制度。"
    k = view.text.index("制度")
    s, e = view.span(k, k + 2)
    assert original[s:e] == "制度"
    assert view.span(0, 1) == (0, 1)  # （ → (


def test_simplify_keeps_case_and_drops_edge_punctuation():
    assert simplify(" QC小組，") == "QC小组"


def test_the_sentence_around_a_span_keeps_its_full_stop_and_a_mojibake_dot():
    from ingest.extract.spans import sentence_around

    text = "前一句。\n  深入开展质量月、3?15国际消费者权益保护日等活动;下一句"
    at = text.index("质量月")
    s, e = sentence_around(text, at, at + 3)
    assert text[s:e] == "深入开展质量月、3?15国际消费者权益保护日等活动"
    s, e = sentence_around(text, 1, 2)
    assert text[s:e] == "前一句。"


def test_a_long_traditional_line_without_punctuation_maps_every_term_back():
    """60,000 characters, no clause punctuation, Taiwan terms throughout: aligned window by
    window (one diff over the whole line is quadratic and took minutes)."""
    unit = "資訊網路與智慧財產權保護軟體程式計畫"
    original = unit * 3000
    view = normalized(original)
    assert view.text == normalize(original)
    assert len(view.text) != len(original)  # terms were rewritten, so the line was diffed
    for term, mainland in (("智慧財產權", "知识产权"), ("軟體", "软件")):
        at = view.text.index(mainland, len(view.text) // 2)
        s, e = view.span(at, at + len(mainland))
        assert original[s:e] == term
