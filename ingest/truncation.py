"""Whether a document's text stops before its end: a scraped page cut off mid-sentence (…分别为:
A级(90分及以上)、B级(80~89分)、) or on a heading with nothing under it (…(四)综合). An answer
drawn from the end of such a text says that what follows may be missing."""
from __future__ import annotations

import re

from ingest.models import Segment
from ingest.normalize import fold_width

# how a complete text may end: a sentence end or a closing mark, a signature's date or body, an
# article's closing 施行 line is a sentence too
_ENDS = "。!?;.…”’」』)]》>"
_DATE_LINE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}日)?$")
_ORG_END = ("人民政府", "办公厅", "办公室", "委员会", "局", "厅", "委", "院", "会", "部")


def is_cut_off(text: str, segments: list[Segment]) -> bool:
    body = [s for s in segments if s.kind == "body"]
    if not body:
        return False
    last = body[-1]
    line = fold_width(text[last.start : last.end]).strip()
    # a heading with nothing under it ends like a cut sentence: without a sentence end
    if not line or line[-1] in _ENDS or _DATE_LINE.search(line):
        return False
    if len(line) <= 30 and line.endswith(_ORG_END):  # the signature's body
        return False
    return True
