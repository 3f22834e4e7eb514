"""What a deadline answer adds to its sentences: the time requirements stored at ingest inside
the cited sentences, normalised (15日 vs 5个工作日, what starts the clock, who must act), and
the document's own date, so that a 2013 target reads as one."""
from __future__ import annotations

from assistant.answer import titled
from assistant.compose.cite import cite
from assistant.compose.evidence import Evidence
from assistant.compose.extractive import Shaped
from assistant.compose.metadata import document_field

_LIMIT_KINDS = ("duration", "by_year", "period", "recurring")  # the kinds a deadline answer spells out


def with_time_requirements(ev: Evidence, shaped: Shaped) -> Shaped:
    """The time requirements inside the cited sentences, normalised, cited where they stand."""
    lines = []
    for c in shaped.citations:
        for t in ev.snap.records(c.doc_id).time_requirements:
            if c.start <= t.start and t.end <= c.end and t.kind in _LIMIT_KINDS:
                extra = [f"起算:{t.trigger}" if t.trigger else "", f"主体:{t.actor}" if t.actor else ""]
                detail = ";".join(x for x in [t.normal_form, *extra] if x)
                lines.append(f"时间要求:{t.expression}({detail}) [{c.n}]")
    if not lines:
        return shaped
    return Shaped(text=shaped.text + "\n" + "\n".join(dict.fromkeys(lines)), citations=shaped.citations,
                  abstained=shaped.abstained, reason=shaped.reason)


def with_document_date(ev: Evidence, shaped: Shaped) -> Shaped:
    """Add the document's own date, cited at the line stating it; for a document with no date
    line, its title when the title carries the year. Not for a question asking how long (十五日
    内, 三年): a period counted from an event does not depend on when the document was written."""
    doc_id = shaped.citations[0].doc_id if shaped.citations else None
    if doc_id is None or (ev.quantity is not None and ev.quantity.kind == "duration"):
        return shaped
    rec = ev.snap.docs[doc_id]
    meta = rec.meta
    text = ev.text(doc_id)
    n = len(shaped.citations) + 1
    dated = document_field(rec, "date", "成文日期", ev.snap, n).citation
    if dated is None and meta.title and meta.year:
        i = text.find(meta.title)
        if i >= 0 and str(meta.year) in meta.title:
            dated = cite(ev.snap, doc_id, i, i + len(meta.title), n)
    if dated is None:
        return shaped
    label = meta.title or doc_id
    return Shaped(text=f"{shaped.text}\n(出自{titled(label)},文件日期:{dated.quote} [{n}])", citations=[*shaped.citations, dated],
                  abstained=shaped.abstained, reason=shaped.reason)
