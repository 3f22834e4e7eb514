"""Answer shapes by question type, always extractive: who leads and who cooperates on a task
(compose.responsibility), one row per document for comparisons (compose.comparison), the items
of a section for lists and procedures (compose.items), the time requirements and the
document's own date beside a deadline (compose.deadline), else the best sentences
(compose.extractive). Every line carries a citation; names and figures in the text come from
the quotes cited."""
from __future__ import annotations

from assistant.compose.comparison import comparison
from assistant.compose.deadline import another_actors_limit, with_document_date, with_time_requirements
from assistant.compose.evidence import Evidence
from assistant.compose.extractive import Shaped, extractive
from assistant.compose.items import contents_items, section_items
from assistant.compose.responsibility import responsibility, unassigned, unnamed_act, unnamed_doer
from assistant.question.kinds import ITEM_TYPES, Q


def shape(ev: Evidence) -> Shaped:
    qtype = ev.question_type
    shaped = None
    if qtype == Q.RESPONSIBILITY:
        shaped = responsibility(ev)
    elif qtype == Q.COMPARISON:
        shaped = comparison(ev)
    elif qtype in ITEM_TYPES:
        shaped = contents_items(ev) or section_items(ev)
    if shaped is None:
        shaped = extractive(ev)
        if qtype == Q.RESPONSIBILITY:  # sentences that name no one doing it do not say who
            shaped = unassigned(ev, shaped) or unnamed_act(ev, shaped) or unnamed_doer(ev, shaped) or shaped
    if qtype == Q.DEADLINE and not shaped.abstained:
        shaped = another_actors_limit(ev, shaped) or with_document_date(ev, with_time_requirements(ev, shaped))
    return shaped
