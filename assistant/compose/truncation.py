"""Pages cut short: a site's page, or a user's copy of it, that stops mid-sentence (…深入实施创新
驱动发). Asked what a part the cut runs through holds (还有哪些原则? 第四个步骤具体怎么做?), the
answer cannot be the few words before the cut, nor the neighbouring part: the documents do not
say, and the answer says where the text stops."""
from __future__ import annotations

import re

from assistant.compose.cite import cite
from assistant.compose.evidence import Candidate, Evidence
from assistant.compose.extractive import Shaped

# the question asks what follows a part or what it holds in detail (…之后还有哪些原则? 这一条具体有哪些要求?)
_DETAIL_ASKED = re.compile(r"具体|还有|除了|之后|以后|后面|其他|其余|接下来")
TAIL_SHOWN = 12  # characters before the cut the answer shows
NEAR_CUT = 60  # most characters between the best sentence and the cut for the cut to be in the part asked
HEADING_CUT = 40  # most characters under a heading the cut runs through for the heading to be the part cut


def body_end(ev: Evidence, doc_id: str) -> int:
    """Offset just after the last character of what the document says: trailing spaces and
    page furniture (a site's footer) are not part of it."""
    rec, text = ev.snap.docs[doc_id], ev.text(doc_id)
    end = len(text)
    for a, b in reversed(rec.furniture):
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if b >= end and a < end:
            end = a
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def cut_through(ev: Evidence, shaped: Shaped) -> Shaped | None:
    """An abstention saying where the text stops, quoting the answer's quote that holds the best
    sentence, when that sentence stands just before the cut in the paragraph the document stops
    in (or is a heading with little more than the cut under it), the question asks what follows
    it or what it holds in detail, and the document was cut off (ingest.truncation)."""
    if shaped.abstained or not ev.candidates or not _DETAIL_ASKED.search(ev.query.asked):
        return None
    best = ev.candidates[0]
    if not ev.snap.docs[best.doc_id].meta.truncated:  # cut off mid-sentence, as ingest.truncation reads it
        return None
    text = ev.text(best.doc_id)
    end = body_end(ev, best.doc_id)
    if _by_the_cut(ev, best, end):
        quote = next((c for c in shaped.citations if c.doc_id == best.doc_id and c.start <= best.start < c.end), None)
    else:
        # the part the cut runs through holds more of what is asked than the best sentence and the
        # heading of its part (标准化战略…具体定了哪些目标? of a page cut under (二)大力实施标准化战略)
        own = ev.snap.docs[best.doc_id].section_at(best.start)
        named = ev.weight([t for t in ev.weights if own is not None and ev.mentions(t, own.title)])
        beaten = max(named, ev.weight(best.covered))
        cuts = [c for c in ev.candidates[1:CUT_DEPTH] if c.doc_id == best.doc_id and _by_the_cut(ev, c, end)
                and ev.weight(c.covered) > beaten]
        if not cuts:
            return None
        cut = next((c for c in cuts if _heading_over_cut(ev, c, end)), cuts[0])  # the part's heading, where searched
        quote = cite(ev.snap, cut.doc_id, cut.start, cut.end, 1)
    if quote is None:
        return None
    tail = text[max(text.rfind("\n", 0, end) + 1, end - TAIL_SHOWN):end].strip()
    return Shaped.declined(f"文件在“{tail}”处中断(原文可能不完整),没有写完问题所问的部分", quote, "中断前的原文")


CUT_DEPTH = 8  # passages searched for the heading of the part a cut runs through


def _heading_over_cut(ev: Evidence, c: Candidate, end: int) -> bool:
    """Is the sentence the heading of a section the cut runs through, with little more under it?"""
    section = ev.snap.docs[c.doc_id].section_at(c.start)
    return (section is not None and c.start < section.title_end + 1 and section.end >= end
            and len(ev.text(c.doc_id)[section.title_end:end].strip()) <= HEADING_CUT)


def _by_the_cut(ev: Evidence, c: Candidate, end: int) -> bool:
    """Does the sentence stand just before the cut in the paragraph the document stops in, or
    head a section with little more than the cut under it?"""
    text = ev.text(c.doc_id)
    return ("\n" not in text[c.end:end] and end - c.end <= NEAR_CUT) or _heading_over_cut(ev, c, end)


# an attachment asked about (附件里的分值), one a sentence points to (具体考核要点见附件), and
# an attachment's own heading line (附件1, 附件：, 附表2 …), which the document holds when it has it
_ATTACHMENT_ASKED = re.compile(r"附件|附表")
_POINTS_TO_ATTACHMENT = re.compile(r"(?:见|详见|参见|列入|按照|依照)[^，。；,;]{0,8}附(?:件|表)")
_ATTACHMENT_HEADING = re.compile(r"(?m)^[ \t\u3000#*]*附\s*(?:件|表)\s*[0-9一二三四五六七八九十]*\s*[:：]?")


def missing_attachment(ev: Evidence, shaped: Shaped) -> Shaped | None:
    """An abstention quoting the sentence that points to an attachment the question asks about,
    when the document holds no attachment after it: a site's page, or a copy, without its
    attachments says nothing of them."""
    if shaped.abstained or not _ATTACHMENT_ASKED.search(ev.query.asked):
        return None
    for c in shaped.citations:
        if _POINTS_TO_ATTACHMENT.search(c.quote) and not _ATTACHMENT_HEADING.search(ev.text(c.doc_id), c.end):
            return Shaped.declined("文件只写明见附件,附件不在文件中", c, "原文")
    return None
