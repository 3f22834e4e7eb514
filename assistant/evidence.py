"""A citation of one span of a document's original text, with the document's metadata."""
from __future__ import annotations

from assistant.answer import Citation
from assistant.records import Snapshot


def cite(snap: Snapshot, doc_id: str, start: int, end: int, n: int) -> Citation:
    """Citation ``n`` quoting ``snap.text(doc_id)[start:end]`` exactly, in the original script."""
    rec = snap.docs[doc_id]
    text = snap.text(doc_id)
    section = rec.section_at(start)
    return Citation(
        n=n,
        doc_id=doc_id,
        title=rec.meta.title,
        issuer=rec.meta.issuer,
        date=rec.meta.date,
        doc_number=rec.meta.doc_number,
        section=section.path if section else "",
        quote=text[start:end],
        start=start,
        end=end,
        page=rec.page_at(start),
        source=rec.meta.source,
    )
