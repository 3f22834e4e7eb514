"""Who "你们" are: a notice transmits a document to its addressees (现将《…》印发给你们，请认真贯彻执行),
so an answer to who is to carry it out that quotes the transmittal names them too, from the
notice's salutation line (各市、县人民政府，省政府各部门、各直属机构：), cited there."""
from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import QuestionType
from assistant.compose.evidence import Evidence
from assistant.compose.extractive import Shaped
from assistant.compose.metadata import document_field

_TO_YOU = re.compile(r"(?:印发|转发|下发|发)给你们")


def with_addressees(ev: Evidence, shaped: Shaped) -> Shaped:
    """``shaped`` with the addressee line of the notice its transmittal sentence belongs to, when
    the question asks who and the answer quotes that sentence; unchanged otherwise."""
    if shaped.abstained or ev.question_type != QuestionType.RESPONSIBILITY:
        return shaped
    for c in shaped.citations:
        if not _TO_YOU.search(c.quote):
            continue
        rec = ev.snap.docs.get(c.doc_id)
        if rec is None:
            return shaped
        found = document_field(rec, "addressees", "主送", ev.snap, len(shaped.citations) + 1)
        if found.citation is None or any(x.doc_id == c.doc_id and x.start == found.citation.start for x in shaped.citations):
            return shaped
        return replace(shaped, text=f"{shaped.text}\n{found.text}", citations=[*shaped.citations, found.citation])
    return shaped
