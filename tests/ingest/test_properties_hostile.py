"""Lossless text on hostile input: every ingest stage accepts arbitrary Unicode (lone
surrogates, zero-width and control characters, mixed scripts, very long lines) without
raising, and every offset it reports points at the original text exactly.

The chunker's own properties on policy-shaped text live in test_chunk.py and the extractors'
on plain arbitrary text in extract/test_extract_robustness.py; this file adds the hostile
alphabet and the byte-level loader.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest_helpers import document_from_text, loaded_text

from ingest import ChunkerSettings, ingest_file
from ingest.clean import segment
from ingest.errors import IngestError
from ingest.extract import extract_records, extract_time_requirements
from ingest.normalize import detect_script, normalize, to_simplified
from ingest.structure import parse_sections

pytestmark = pytest.mark.slow  # hostile input: hypothesis properties

HOSTILE = [
    # policy numbering and vocabulary, both scripts
    "一、", "(一)", "（一）", "1.", "第三条", "第三章", "第一节", "## ", "牵头", "配合", "牽頭", "質量監督",
    "智慧財產權", "2015年", "十五日内", "5个工作日内", "“十三五”期间", "省质监局", "。", "，", "；", "：",
    "！", "？", "（", "）", "【", "】", "“", "”", "……", "ＡＢＣ１２３", "\u3000",
    # zero-width, BOM, lone surrogates (what a bad decode leaves)
    "\u200b", "\u200c", "\u200d", "\ufeff", "\ud800", "\udfff", "\udc00\ud800",
    # mixed scripts and combining marks
    "abc", "Привет", "العربية", "ﬁ", "e\u0301", "𠀀",
    # line breaks and control characters
    "\n", "\r\n", "\r", "\t", "\x00", "\x07", "\x1b", "\x85", "\u2028", "\u2029", "\x0c", "\x0b",
]
_any_char = st.characters(exclude_categories=())  # surrogates and controls included
_pieces = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(_any_char, max_size=10),
    st.sampled_from(HOSTILE).map(lambda s: s * 40),  # a long run of one fragment
)
hostile_text = st.lists(_pieces, max_size=40).map("".join)

# one line, no line break: 智慧財產權 and …… change length under normalize, which once made
# the extractors' offset map quadratic on the line
LONG_LINE = ("一、牵头\u200b配合質量監督，2015年十五日内。\ud800\x00（一）ＡＢＣ智慧財產權……" * 5000)[:100_000]

SCRIPTS = {"simplified", "traditional", "mixed"}
KINDS = {"body", "furniture", "blank"}


def _has_lone_surrogate(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


@settings(max_examples=300, deadline=None, database=None)
@given(text=hostile_text)
@example(text=LONG_LINE)
def test_segments_cover_the_text_exactly(text):
    segments = segment(loaded_text(text, "hostile"))

    position = 0
    for s in segments:
        assert s.start == position and s.start < s.end and s.kind in KINDS
        if s.kind == "blank":  # a blank segment hides no content
            assert all(ch.isspace() or ch == "\ufeff" for ch in text[s.start : s.end])
        position = s.end
    assert position == len(text)


@settings(max_examples=300, deadline=None, database=None)
@given(text=hostile_text)
@example(text=LONG_LINE)
def test_sections_lie_inside_the_text_and_quote_their_titles(text):
    sections = parse_sections(text, segment(loaded_text(text, "hostile")))

    for i, s in enumerate(sections):
        assert s.index == i
        assert 0 <= s.start <= s.heading_end <= s.end <= len(text)
        assert s.title == s.title.strip()
        assert text[s.start : s.heading_end].rstrip().endswith(s.title)
        if s.parent is not None:
            parent = sections[s.parent]
            assert parent.index < i and parent.rank < s.rank
            assert parent.start <= s.start and s.end <= parent.end
    assert [s.start for s in sections] == sorted(s.start for s in sections)


@settings(max_examples=200, deadline=None, database=None)
@given(
    text=hostile_text,
    chunker=st.sampled_from([ChunkerSettings(), ChunkerSettings(50, 120), ChunkerSettings(1, 1)]),
)
@example(text=LONG_LINE, chunker=ChunkerSettings())
def test_chunks_are_the_original_spans(text, chunker):
    doc = document_from_text(text, chunker, "hostile")

    previous_end = 0
    for ordinal, c in enumerate(doc.chunks):
        assert c.ordinal == ordinal
        assert previous_end <= c.start < c.end <= len(text)
        assert c.text == text[c.start : c.end]
        previous_end = c.end
    assert len({c.chunk_id for c in doc.chunks}) == len(doc.chunks)


@settings(max_examples=300, deadline=None, database=None)
@given(text=hostile_text)
@example(text=LONG_LINE)
def test_normalisers_never_raise_and_keep_lone_surrogates(text):
    surrogates = [ch for ch in text if "\ud800" <= ch <= "\udfff"]

    assert [ch for ch in to_simplified(text) if "\ud800" <= ch <= "\udfff"] == surrogates
    assert [ch for ch in normalize(text) if "\ud800" <= ch <= "\udfff"] == surrogates
    assert detect_script(text) in SCRIPTS


@settings(max_examples=200, deadline=None, database=None)
@given(text=hostile_text)
@example(text=LONG_LINE)
def test_extracted_records_lie_inside_the_text(text):
    sections = parse_sections(text, segment(loaded_text(text, "hostile")))
    records = extract_records("hostile", text, sections)

    assert list(records.time_requirements) == extract_time_requirements(text, sections)
    for record in (*records.responsibilities, *records.time_requirements, *records.targets, *records.obligations):
        assert 0 <= record.start <= record.end <= len(text)
    for r in records.responsibilities:
        for u in r.units:
            assert r.start <= u.start < u.end <= r.end and text[u.start : u.end] == u.written


def _encoded(text: str, codec: str) -> bytes:
    return text.encode(codec, "surrogatepass" if codec.startswith("utf") else "replace")


_file_bytes = st.one_of(
    st.binary(max_size=300),
    st.builds(
        _encoded,
        hostile_text,
        st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "big5"]),
    ),
    # a valid UTF-8 body with raw bytes spliced in: what a truncated or mixed-encoding file looks like
    st.builds(lambda a, junk, b: a.encode("utf-8") + junk + b.encode("utf-8"),
              st.sampled_from(["第一条 牵头单位负责。", "一、總則\n"]), st.binary(min_size=1, max_size=8),
              hostile_text.map(lambda t: t.encode("utf-8", "replace").decode("utf-8"))),
)


@settings(max_examples=250, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_file_bytes)
@example(data=b"\xff\xfe\x00\xd8")  # UTF-16 BOM, then a lone high surrogate
@example(data=b"\xed\xa0\x80 \xe7\x89\xb5\xe5\xa4\xb4")  # CESU-style surrogate in UTF-8
@example(data=LONG_LINE.encode("utf-8", "surrogatepass"))
def test_any_bytes_give_a_document_or_an_ingest_error(tmp_path, data):
    path = tmp_path / "hostile.txt"
    path.write_bytes(data)

    try:
        doc = ingest_file(path)
    except IngestError as exc:
        assert str(path) in str(exc)
        return
    assert not _has_lone_surrogate(doc.text)
    for c in doc.chunks:
        assert c.text == doc.text[c.start : c.end]
