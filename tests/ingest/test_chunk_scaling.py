"""Chunking grows linearly with the number of sections (issue 20, item 5): HTML of 0.5/1/2 MB
took 2/7/28 s, because every chunk scanned every section (deepest_section) and every line every
heading start. The work is counted here as lines of the ingest stages executed, never timed
(the speed figure lives in eval/bench.py); and the fast lookups give exactly the chunks the
straightforward ones give, on the committed documents and on generated ones."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ingest.chunk as chunk_module
from ingest import ChunkerSettings, IngestedDocument, chunk_document
from ingest.clean import segment
from ingest.models import Section, SectionLocator, deepest_section
from ingest.structure import parse_sections
from ingest_helpers import ALL_DOCS, ROOT, cn_numeral, document_from_text, lines_executed, loaded_text

CORPUS_DEV = Path("/work/shared/corpus-dev")  # the development corpus of laws, where present
DEV_DOCS = ("上海市标准化条例(2019-07-25).md", "药品管理法(2019-08-26).md")
PARA = "县级以上人民政府市场监督管理部门负责本行政区域内的产品质量监督工作，建立健全内部产品质量管理制度。"


def statute(chapters: int, articles: int = 10) -> str:
    """A statute of numbered chapters, each of numbered articles (cn_numeral covers 1..99)."""
    lines = []
    for c in range(chapters):
        lines.append(f"第{cn_numeral(c % 99 + 1)}章　总则")
        for a in range(articles):
            lines.append(f"第{cn_numeral((c * articles + a) % 99 + 1)}条　{PARA}")
    return "\n".join(lines) + "\n"


def policy(blocks: int) -> str:
    """A policy of 一、 headings, each over five （一） items with a paragraph."""
    lines = []
    for b in range(blocks):
        lines.append(f"{cn_numeral(b % 99 + 1)}、总体要求")
        for i in range(1, 6):
            lines += [f"（{cn_numeral(i)}）工作目标。", PARA, PARA[:30] + "。"]
    return "\n".join(lines) + "\n"


GENERATED = {"statute": statute(40), "policy": policy(40), "glued": "。".join(policy(12).split("\n"))}


def _documents():
    params = [pytest.param(rel, id=rel) for rel in ALL_DOCS]
    for name in DEV_DOCS:
        params.append(pytest.param(str(CORPUS_DEV / name), id=f"corpus-dev/{name}", marks=pytest.mark.skipif(
            not (CORPUS_DEV / name).is_file(), reason="the development corpus is not on this machine")))
    return params


# --- the reference: the straightforward lookups the chunker used before ---------------------


class ScanLocator:
    """Every section looked at for every offset."""

    def __init__(self, sections) -> None:
        self.sections = sections

    def at(self, offset: int) -> Section | None:
        return deepest_section(self.sections, offset)


def scan_paragraphs(doc: IngestedDocument) -> list[tuple[int, int]]:
    cuts = sorted(s.start for s in doc.sections)
    out = []
    for seg in doc.segments:
        if seg.kind != "body":
            continue
        start = seg.start
        for c in cuts:
            if start < c < seg.end:
                out.append((start, c))
                start = c
        out.append((start, seg.end))
    return out


def reference_chunks(doc: IngestedDocument, monkeypatch, settings: ChunkerSettings = ChunkerSettings()):
    with monkeypatch.context() as patch:
        patch.setattr(chunk_module, "SectionLocator", ScanLocator)
        patch.setattr(chunk_module, "_paragraphs", scan_paragraphs)
        return chunk_document(doc, settings)


def _offsets(doc: IngestedDocument) -> list[int]:
    marks = {0, len(doc.text)}
    for s in doc.segments:
        marks |= {s.start, s.end}
    for s in doc.sections:
        marks |= {s.start - 1, s.start, s.end - 1, s.end, s.heading_end}
    return sorted(marks | set(range(0, len(doc.text), 97)))


@pytest.mark.parametrize("source", _documents())
def test_chunks_are_those_of_the_straightforward_chunker(docs, source, monkeypatch):
    doc = docs(source)
    assert doc.chunks == reference_chunks(doc, monkeypatch)
    small = ChunkerSettings(min_chars=50, max_chars=120)
    assert chunk_document(doc, small) == reference_chunks(doc, monkeypatch, small)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_chunks_are_those_of_the_straightforward_chunker(name, monkeypatch):
    doc = document_from_text(GENERATED[name], ChunkerSettings(), name)
    assert doc.sections and doc.chunks
    assert doc.chunks == reference_chunks(doc, monkeypatch)


@pytest.mark.parametrize("source", _documents())
def test_section_locator_finds_the_deepest_section(docs, source):
    doc = docs(source)
    locator = SectionLocator(doc.sections)
    assert locator.is_tree  # parse_sections' output takes the fast path
    for offset in _offsets(doc):
        assert locator.at(offset) is deepest_section(doc.sections, offset), offset


def test_section_locator_on_sections_of_another_shape_scans():
    def section(index: int, start: int, end: int, rank: int, parent: int | None) -> Section:
        return Section(index=index, kind="l1", rank=rank, number="一、", title="", start=start, end=end,
                       heading_end=start, parent=parent, path=str(index))

    # out of order, and a "child" that outlives its parent: not a tree, looked up by scanning
    odd = [section(0, 50, 90, 3, None), section(1, 10, 40, 3, None), section(2, 55, 120, 4, 0)]
    locator = SectionLocator(odd)
    assert not locator.is_tree
    for offset in range(0, 130):
        assert locator.at(offset) is deepest_section(odd, offset)


_FRAGMENTS = ["第一编", "第二章", "第三节", "第四条", "第五条　", "一、", "二、", "（一）", "(二)", "1.", "2、", "(1)",
              "## ", "# ", "总则", "工作目标", "。", "，", "\n", "\n\n", "\u3000", " ", PARA[:12], PARA]
numbered_text = st.lists(st.sampled_from(_FRAGMENTS), max_size=80).map("".join)


@settings(max_examples=300, deadline=None, database=None)
@given(text=numbered_text)
def test_sections_of_any_numbered_text_form_a_tree_the_locator_walks(text):
    segments = segment(loaded_text(text))
    sections = parse_sections(text, segments)
    locator = SectionLocator(sections)
    assert locator.is_tree
    for offset in range(len(text) + 1):
        assert locator.at(offset) is deepest_section(sections, offset)


@pytest.mark.parametrize("text", [GENERATED["statute"], GENERATED["policy"]], ids=["statute", "policy"])
def test_a_section_ends_where_the_next_heading_of_its_rank_or_higher_starts(text):
    segments = segment(loaded_text(text))
    sections = parse_sections(text, segments)
    body_end = max(s.end for s in segments if s.kind == "body")
    for i, s in enumerate(sections):
        later = next((t for t in sections[i + 1 :] if t.rank <= s.rank), None)
        assert s.end == (later.start if later else body_end)


# --- the work grows linearly ----------------------------------------------------------------

_STAGES = {str(ROOT / "ingest" / name) for name in ("chunk.py", "structure.py", "clean.py", "models.py")}


def _lines_executed(text: str) -> tuple[int, IngestedDocument]:
    """Lines of the segmenter, structure parser and chunker (and models' lookups) run on ``text``."""
    return lines_executed(_STAGES, lambda: document_from_text(text, ChunkerSettings(), "scaling"))


@pytest.mark.parametrize("make", [statute, policy], ids=["statute", "policy"])
def test_chunking_work_is_linear_in_the_number_of_sections(make):
    # before: 4x the sections cost 15x the work (statute 15.2x, policy 14.4x), and the ratio grew with size
    small_work, small = _lines_executed(make(60))
    big_work, big = _lines_executed(make(240))

    # the same structure, four times: the small text is the start of the big one
    assert len(big.sections) == 4 * len(small.sections)
    assert len(big.chunks) == 4 * len(small.chunks)
    assert big.chunks[: len(small.chunks) - 1] == small.chunks[:-1]
    assert big_work < 4.6 * small_work, (small_work, big_work)  # linear: 4x; quadratic: 16x
