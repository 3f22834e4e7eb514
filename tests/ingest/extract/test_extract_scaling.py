"""Domain-record extraction is linear in the length of a document (issue 20, item 5): each
sentence finds its section, its full sentence and its time requirements by bisection, not by a
scan of all of them (2 MB of text took 89 s to extract, now about 6 s; eval/bench.py --page-mb).
Measured as lines executed, never as time."""
from __future__ import annotations

from ingest import ChunkerSettings
from ingest.extract import extract_records
from ingest_helpers import ROOT, cn_numeral, document_from_text, lines_executed

_EXTRACT = {str(p) for p in (ROOT / "ingest" / "extract").glob("*.py")} | {str(ROOT / "ingest" / "models.py")}
# an article with a deadline, a lead and a cooperating unit, and a target with its horizon
ARTICLE = ("第{n}条　生产者发现产品存在缺陷的，应当在十五日内向县级以上市场监督管理部门报告，由省质监局牵头，"
           "省发展改革委配合。到2025年，产品质量合格率达到95%以上。")


def _statute(chapters: int, per_chapter: int = 10) -> str:
    lines = ["产品质量规则"]
    for c in range(chapters):
        lines.append(f"第{cn_numeral(c % 99 + 1)}章　监督管理")
        lines += [ARTICLE.format(n=cn_numeral((c * per_chapter + a) % 99 + 1)) for a in range(per_chapter)]
    return "\n".join(lines) + "\n"


def _lines_executed(text: str):
    doc = document_from_text(text, ChunkerSettings(), "scaling")
    return lines_executed(_EXTRACT, lambda: extract_records("scaling", doc.text, doc.sections))


def test_record_extraction_work_is_linear_in_the_length_of_the_document():
    small_work, small = _lines_executed(_statute(8))
    big_work, big = _lines_executed(_statute(32))
    # the same records, four times over
    for kind in ("time_requirements", "targets", "responsibilities", "obligations"):
        assert len(getattr(big, kind)) == 4 * len(getattr(small, kind)) > 0, kind
    assert big_work < 4.6 * small_work, (small_work, big_work)  # linear: 4x; quadratic: 16x
