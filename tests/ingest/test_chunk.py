"""Chunks: exact offsets into the original, never across two top-level sections, bounded
size, and ids that only change when the text does."""
from __future__ import annotations

import shutil
from bisect import bisect_right

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest import ChunkerSettings, IngestedDocument, chunk_document, ingest_file
from ingest_helpers import ALL_DOCS, CORPUS_FILES, FIXTURES, cn_numeral, document_from_text, top_ancestor

MAX_CHARS = ChunkerSettings().max_chars
HEADING_SLACK = 60  # a heading piece shorter than this is attached to the chunk after it
_WS = " \t\r\n\u3000\xa0"


# --- checks shared by the fixed documents and the generated ones -----------------------------


def assert_offsets_exact(doc: IngestedDocument) -> None:
    assert doc.chunks
    for i, c in enumerate(doc.chunks):
        assert c.text == doc.text[c.start : c.end]
        assert c.start < c.end
        assert c.ordinal == i
        assert c.doc_id == doc.meta.doc_id
        assert c.text[0] not in _WS and c.text[-1] not in _WS
    for a, b in zip(doc.chunks, doc.chunks[1:]):
        assert a.end <= b.start


def assert_no_straddle(doc: IngestedDocument) -> None:
    for c in doc.chunks:
        assert top_ancestor(doc, c.start) == top_ancestor(doc, c.end - 1), (c.section_path, c.text[:40])


def assert_body_fully_chunked(doc: IngestedDocument) -> None:
    """Every visible character of the body is inside some chunk: nothing is lost to retrieval."""
    starts = [c.start for c in doc.chunks]
    for seg in doc.segments:
        if seg.kind != "body":
            continue
        for i in range(seg.start, seg.end):
            if doc.text[i].isspace():
                continue
            k = bisect_right(starts, i) - 1
            assert k >= 0 and i < doc.chunks[k].end, f"offset {i} ({doc.text[i]!r}) is in no chunk"


def assert_sizes(doc: IngestedDocument, max_chars: int = MAX_CHARS) -> None:
    for c in doc.chunks:
        assert len(c.text) <= max_chars + HEADING_SLACK, c.text[:40]


# --- the committed documents ---------------------------------------------------------------------


@pytest.mark.parametrize("relpath", ALL_DOCS)
def test_chunk_text_is_the_original_span(docs, relpath):
    assert_offsets_exact(docs(relpath))


@pytest.mark.parametrize("relpath", ALL_DOCS)
def test_no_chunk_straddles_two_top_level_sections(docs, relpath):
    assert_no_straddle(docs(relpath))


@pytest.mark.parametrize("relpath", ALL_DOCS)
def test_every_body_character_is_in_a_chunk(docs, relpath):
    assert_body_fully_chunked(docs(relpath))


@pytest.mark.parametrize("relpath", ALL_DOCS)
def test_chunks_are_bounded(docs, relpath):
    assert_sizes(docs(relpath))


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_most_corpus_chunks_are_not_tiny(docs, name):
    doc = docs.corpus(name)
    big_enough = sum(1 for c in doc.chunks if len(c.text) >= 100)
    assert big_enough >= 0.8 * len(doc.chunks)


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_no_chunk_is_a_bare_heading(docs, name):
    doc = docs.corpus(name)
    headings = {doc.text[s.start : s.heading_end].strip() for s in doc.sections}
    assert [c.text for c in doc.chunks if c.text in headings] == []


def test_chunks_carry_section_path(docs):
    doc = docs.corpus("hunan-2013-product-quality-supervision.txt")
    last = next(c for c in doc.chunks if "十八、强化考核评价" in c.text)
    assert last.section_path == "十八、强化考核评价"
    statute = docs.fixture("statute.txt")
    c = next(c for c in statute.chunks if "自收到检验结果之日起十五日内" in c.text)
    assert c.section_path.startswith("第二章\u3000产品质量监督管理")


def test_pdf_chunks_carry_pages(docs):
    doc = docs.fixture("policy.pdf")
    assert doc.chunks[0].page == 1
    c = next(c for c in doc.chunks if "各级政府要加大财政保障力度" in c.text)
    assert (c.page, c.page_end) == (3, 3)
    assert [c.page for c in doc.chunks] == sorted(c.page for c in doc.chunks)
    assert {c.page for c in doc.chunks} == {1, 2, 3}
    assert all(c.page is None for c in docs.fixture("policy.docx").chunks)


def test_smaller_max_chars_gives_smaller_chunks(docs):
    doc = docs.corpus("guangxi-13th-five-year-quality-plan.txt")
    small = chunk_document(doc, ChunkerSettings(min_chars=50, max_chars=200))
    assert len(small) > len(doc.chunks)
    copy = IngestedDocument(doc.meta, doc.text, doc.segments, doc.sections, small, doc.page_starts)
    assert_offsets_exact(copy)
    assert_no_straddle(copy)
    assert_sizes(copy, max_chars=200)


def test_chunker_settings_are_checked():
    with pytest.raises(ValueError):
        ChunkerSettings(min_chars=700, max_chars=600)
    with pytest.raises(ValueError):
        ChunkerSettings(min_chars=0, max_chars=600)


# --- ids -----------------------------------------------------------------------------------------


def test_chunk_ids_are_stable_across_runs(tmp_path):
    path = tmp_path / "statute.txt"
    shutil.copyfile(FIXTURES / "statute.txt", path)
    first = [c.chunk_id for c in ingest_file(path).chunks]
    second = [c.chunk_id for c in ingest_file(path).chunks]
    assert first == second
    assert len(set(first)) == len(first)


def test_only_the_edited_chunk_gets_a_new_id(tmp_path):
    path = tmp_path / "statute.txt"
    original = (FIXTURES / "statute.txt").read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    before = ingest_file(path).chunks

    # same length, so every other chunk keeps its offsets
    edited = original.replace("自收到检验结果之日起十五日内", "自收到检验结果之日起二十日内")
    assert edited != original
    path.write_text(edited, encoding="utf-8")
    after = ingest_file(path).chunks

    assert [(c.start, c.end) for c in before] == [(c.start, c.end) for c in after]
    changed = [(b.text, a.text) for b, a in zip(before, after) if b.chunk_id != a.chunk_id]
    assert len(changed) == 1
    old, new = changed[0]
    assert "十五日内" in old and "二十日内" in new


def test_chunk_ids_depend_on_the_document(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copyfile(FIXTURES / "utf16.txt", a)
    shutil.copyfile(FIXTURES / "utf16.txt", b)
    ids_a = {c.chunk_id for c in ingest_file(a).chunks}
    ids_b = {c.chunk_id for c in ingest_file(b).chunks}
    assert ids_a.isdisjoint(ids_b)


# --- generated documents ----------------------------------------------------------------------

SENTENCES = (
    "企业是产品质量的制造者和主体责任承担者。",
    "定期发布产品质量抽查报告和年度分析报告。",
    "对抽查不合格的企业，由县级以上人民政府市场监督管理部门责令限期整改，并在整改期满后组织复查。",
    "县级以上人民政府质量技术监督部门主管本行政区域内的产品质量监督工作。",
    "依照本条例第十二条的规定",
    "推進質量共治,落實企業主體責任;",
    "到2020年，全省社会公用计量标准达到1500项以上",
    "江苏省人民政府",
    "2020年4月28日",
)


def _heading(kind: str, n: int) -> str:
    num = cn_numeral(n)
    return {
        "l1": f"{num}、加强质量监管",
        "l1-inline": f"{num}、加强质量监管。",
        "l2": f"（{num}）完善抽查制度。",
        "l2-ascii": f"({num})落實責任",
        "l3": f"{n}.建立健全质量工作机制。",
        "chapter": f"第{num}章\u3000总则",
        "article": f"第{num}条\u3000",
        "md": f"## {num}、重点任务",
    }[kind]


_headings = st.builds(
    _heading,
    st.sampled_from(["l1", "l1-inline", "l2", "l2-ascii", "l3", "chapter", "article", "md"]),
    st.integers(min_value=1, max_value=30),
)
_pieces = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(SENTENCES).map(lambda s: s * 25),  # a paragraph long enough to be split
    st.integers(min_value=1, max_value=40).map(lambda k: "质量" * 30 * k),  # no punctuation at all
    _headings.map(lambda h: "\n" + h),
    st.sampled_from(["\n", "\n\n", "\r\n", "\u3000\u3000", "  ", "\t"]),
    st.text(max_size=12),  # arbitrary unicode, control characters included
)


@settings(max_examples=60, deadline=None, database=None)
@given(
    pieces=st.lists(_pieces, min_size=1, max_size=60),
    chunker=st.sampled_from([ChunkerSettings(), ChunkerSettings(50, 120), ChunkerSettings(300, 300)]),
)
def test_generated_text_chunks_reproduce_the_original(pieces, chunker):
    text = "".join(pieces)
    doc = document_from_text(text, chunker)

    assert "".join(doc.text[s.start : s.end] for s in doc.segments) == text
    if not any(s.kind == "body" for s in doc.segments):
        assert doc.chunks == []
        return
    assert_offsets_exact(doc)
    assert_no_straddle(doc)
    assert_body_fully_chunked(doc)
    assert_sizes(doc, chunker.max_chars)


_file_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff\ufffd")


@settings(
    max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    before=st.lists(st.one_of(_pieces.filter(lambda p: all(ch.isprintable() or ch in "\n\t\r\u3000" for ch in p)),
                              st.text(_file_chars, max_size=12)), max_size=30),
    after=st.lists(st.one_of(_headings.map(lambda h: "\n" + h), st.text(_file_chars, max_size=12)), max_size=30),
)
def test_generated_file_ingests_with_exact_offsets(tmp_path, before, after):
    text = "".join(before) + "\n" + SENTENCES[0] + "\n" + "".join(after)
    path = tmp_path / "generated.txt"
    path.write_bytes(text.encode("utf-8"))

    doc = ingest_file(path)

    assert doc.text == text
    assert any(SENTENCES[0] in c.text for c in doc.chunks)
    assert_offsets_exact(doc)
    assert_no_straddle(doc)
    assert_body_fully_chunked(doc)
    assert_sizes(doc)


def test_a_carried_heading_never_overfills_the_next_chunk():
    # found by hypothesis: a short section followed by one whose first piece already holds a heading
    pieces = ["0、", "企业是产品质量的制造者和主体责任承担者。" * 2, "\n(0)", "企业是产品质量的制造者和主体责任承担者。",
              "依照本条例第十二条的规定" * 25]
    chunker = ChunkerSettings(50, 120)
    doc = document_from_text("".join(pieces), chunker)
    assert_offsets_exact(doc)
    assert_body_fully_chunked(doc)
    assert_sizes(doc, chunker.max_chars)
