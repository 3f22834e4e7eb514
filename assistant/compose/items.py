"""A list or procedure answer: when the best passage is a section heading (二、…的指导原则),
or the question asks for items (哪几条, 步骤), the section's items, one cited line each."""
from __future__ import annotations

import re

from assistant.compose.cite import Citations, cite, trim_to_clauses
from assistant.compose.evidence import TOC_LEADER, Candidate, Evidence, sentence_spans, without_leader
from assistant.compose.extractive import Shaped
from assistant.question.kinds import items_asked
from ingest.normalize import normalize
from ingest.patterns import HEADING_KINDS

ITEM_LIMIT = 120  # characters of one item's line
MAX_ITEMS = 10
CONTENTS_REACH = 3000  # characters of a table of contents read past the entry asked
ENTRY_DEPTH, ENTRY_TIE = 3, 0.97  # passages searched for an entry, and how near the best one must score
CONTENTS_STRAYS = 2  # spans without leader in a row (a page break's furniture) before the contents end
_PAGE_NUMBER = re.compile(r"[IVX]{1,4}(?=\d)")
_WORDS = re.compile(r"[\u4e00-\u9fff]{2}")


def _rank(text: str, start: int) -> int | None:
    """The rank of the numbering an entry starts with (第X章 1, 一、 3, (一) 4, 1. 5), None without."""
    return next((rank for _, rank, pattern in HEADING_KINDS if pattern.match(text, start)), None)


def contents_items(ev: Evidence) -> Shaped | None:
    """The best passage, or one the question names scoring as well (beside a cover line), is an entry of a table of
    contents (四、主要任务 .- 11 -): the entries one level below it, up to the next entry of its
    level, each cited without leader or page number. A page that holds only the contents (an
    opening, a cover) lists its tasks there."""
    best = ev.candidates[0].score
    for i, top in enumerate(ev.candidates[:ENTRY_DEPTH]):
        text = ev.text(top.doc_id)
        if i and not (top.score >= ENTRY_TIE * best and _named(ev, top)):
            continue
        if TOC_LEADER.match(text, top.end) and (rank := _rank(text, top.start)) is not None:
            if shaped := _entries_below(ev, top, rank):
                return shaped
    return None


def _named(ev: Evidence, entry: Candidate) -> bool:
    """Does the question name the entry (…“夯实质量技术基础”这块包括哪些内容?), less its numbering?"""
    title = re.sub(r"^[(（]?[一二三四五六七八九十\d]+[)）、.．]?\s*", "", entry.norm)
    return len(title) >= 4 and title in ev.query.asked


def _entries_below(ev: Evidence, top: Candidate, rank: int) -> Shaped | None:
    text = ev.text(top.doc_id)
    cites = Citations(ev.snap)
    head = f"{text[top.start:top.end]} [{cites.add(top.doc_id, top.start, top.end)}]"
    lines, child_rank, strays = [], None, 0
    for s, e in sentence_spans(text, top.end, min(len(text), top.end + CONTENTS_REACH)):
        strays = 0 if TOC_LEADER.match(text, e) else strays + 1
        if strays > CONTENTS_STRAYS:
            break  # past the contents
        if page := _PAGE_NUMBER.match(text, s):
            s = page.end()  # a roman page number glued to the entry (II5.加强…)
        r = _rank(text, s)
        if r is None or not _WORDS.search(text, s, e):
            continue  # a page's running number or header between entries (2、, II)
        if r <= rank:
            break
        child_rank = child_rank or r
        if r == child_rank and len(lines) < MAX_ITEMS:
            lines.append(f"- {text[s:e]} [{cites.add(top.doc_id, s, e)}]")
    if not lines:
        return None
    return Shaped(text=head + "\n" + "\n".join(lines), citations=cites.items)


def section_items(ev: Evidence) -> Shaped | None:
    top = ev.candidates[0]
    rec = ev.snap.docs[top.doc_id]
    section = rec.section_at(top.start)
    if section is None:
        return None
    if any(a.start <= top.start < a.end for a in ev.snap.articles(top.doc_id)):
        return None  # a statute's items are quoted with their provision (compose.provisions)
    is_heading = top.start < section.heading_end and section.start <= top.start
    if not is_heading and not items_asked(ev.query.normalized):
        return None
    text = ev.text(top.doc_id)
    children = [s for s in rec.sections if s.parent == section.index]
    if is_heading and not children and not sentence_spans(text, section.heading_end, section.end) and section.parent is not None:
        # an entry of a table of contents, or a heading with nothing under it (一、推动“洞头制造”迈向高端
        # for 主要任务有哪几项): the items are its parent's — unless the question names the entry
        # itself (“存在问题”那一节具体列了哪些问题?): then the text does not say
        title = without_leader(text, section.start, section.title_end)
        name = re.sub(r"^[(（]?[一二三四五六七八九十\d]+[)）、.．]?\s*", "", normalize(text[section.start:title]).strip())
        if len(name) >= 4 and name in ev.query.asked:
            return Shaped.declined(f"文件中“{name}”之下没有正文(只有标题或目录)", cite(ev.snap, top.doc_id, section.start, title, 1))
        section = rec.sections[section.parent]
        children = [s for s in rec.sections if s.parent == section.index]
    cites = Citations(ev.snap)
    head_end = without_leader(text, section.start, section.heading_end)
    head_n = cites.add(top.doc_id, section.start, head_end)
    lines = []
    if children:
        for child in children[:MAX_ITEMS]:
            end = without_leader(text, child.start, child.title_end)
            lines.append(f"- {text[child.start:end].strip()} [{cites.add(top.doc_id, child.start, end)}]")
    elif is_heading:
        body = [(s, e) for s, e in sentence_spans(text, section.heading_end, section.end)]
        paragraphs = []
        last_line = -1
        for s, e in body:
            line = text.count("\n", 0, s)
            if line != last_line:  # first sentence of each paragraph
                paragraphs.append((s, e))
                last_line = line
        if len(paragraphs) < 2:
            paragraphs = body  # one paragraph: its sentences are the items
        if len(paragraphs) < 2:
            return None
        for s, e in paragraphs[:MAX_ITEMS]:
            s, e = trim_to_clauses(text, s, e, ev.weights, ITEM_LIMIT)
            lines.append(f"- {text[s:e]} [{cites.add(top.doc_id, s, e)}]")
    else:
        return None
    head = f"{text[section.start:head_end].strip()} [{head_n}]"
    return Shaped(text=head + "\n" + "\n".join(lines), citations=cites.items)
