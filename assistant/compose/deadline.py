"""What a deadline answer adds to its sentences: the time requirements stored at ingest inside
the cited sentences, normalised (15日 vs 5个工作日, what starts the clock, who must act), and
the document's own date, so that a 2013 target reads as one; or, when every limit quoted binds
another actor than the one asked about, why the documents do not answer."""
from __future__ import annotations

import re

from assistant.answer import Citation, titled
from assistant.compose.cite import cite
from assistant.compose.evidence import Evidence
from assistant.compose.extractive import Shaped
from assistant.compose.metadata import document_field
from assistant.question.interrogatives import interrogative_spans
from ingest.extract.actors import actor_groups, subject_group
from ingest.normalize import normalize

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


_CLAUSE = re.compile(r"[^，,；;。？?！!]+")
_ASKS_TIME = re.compile(r"多久|多长|几|多少|什么时候|何时|期限")


def _asked_actors(asked: str) -> tuple[set[str], str]:
    """The actor types the question asks the time limit of, and how it writes them: the subject
    of the clause with the how-long frame (消费者退货后，经营者多少天内退款? → 经营者)."""
    frames = [s for s, e in interrogative_spans(asked) if _ASKS_TIME.match(asked, s)]
    if not frames:
        return set(), ""
    clauses = [m.span() for m in _CLAUSE.finditer(asked)]
    group = subject_group(asked, clauses, frames[0])
    if group is None:
        return set(), ""
    return set(group.types), asked[group.start:group.end]


def another_actors_limit(ev: Evidence, shaped: Shaped) -> Shaped | None:
    """An abstention for a question about one actor's time limit answered with another's: every
    time limit in the quoted sentences binds an actor, none of them the one asked about
    (文件只规定了经营者的期限,没有规定消费者的)."""
    asked_types, asked_as = _asked_actors(ev.query.asked)
    if not asked_types or shaped.abstained:
        return None
    bound: list[tuple[set[str], str, Citation]] = []
    for c in shaped.citations:
        for t in ev.snap.records(c.doc_id).time_requirements:
            if c.start <= t.start and t.end <= c.end and t.kind in _LIMIT_KINDS:
                if not t.actor:
                    return None  # a limit binding no one named may be the one asked
                actor = normalize(t.actor)
                bound.append(({x for g in actor_groups(actor, 0, len(actor)) for x in g.types}, t.actor, c))
    if not bound or any(types & asked_types or not types for types, _, _ in bound):
        return None
    _, whose, cited = bound[0]
    return Shaped.declined(f"文件只规定了{whose}的期限,没有规定{asked_as}的", cited)
