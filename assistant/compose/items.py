"""A list or procedure answer: when the best passage is a section heading (二、…的指导原则),
or the question asks for items (哪几条, 步骤), the section's items, one cited line each."""
from __future__ import annotations

from assistant.compose.cite import Citations, trim_to_clauses
from assistant.compose.evidence import Evidence, sentence_spans
from assistant.compose.extractive import Shaped
from assistant.question.kinds import items_asked

ITEM_LIMIT = 120  # characters of one item's line
MAX_ITEMS = 10


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
    cites = Citations(ev.snap)
    head_n = cites.add(top.doc_id, section.start, section.heading_end)
    lines = []
    if children:
        for child in children[:MAX_ITEMS]:
            end = child.title_end
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
    head = f"{text[section.start:section.heading_end].strip()} [{head_n}]"
    return Shaped(text=head + "\n" + "\n".join(lines), citations=cites.items)
