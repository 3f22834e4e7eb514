"""`zhiqa compare TOPIC`: how each document treats one topic (黑名单, 首席质量官, 监督抽查), one
row per document, each cell the document's own best sentence on it, or 未涉及 when it is silent."""
from __future__ import annotations

from dataclasses import dataclass, replace

from assistant.compose.cite import SINGLE_FACT_LIMIT, trim_to_clauses
from assistant.compose.evidence import gather_evidence
from assistant.errors import ConfigError
from assistant.index.snapshot import Snapshot
from assistant.question.analyse import analyse
from assistant.search.retrieve import HybridRetriever
from assistant.views.domain import Source, select_documents

ADDRESSED = 0.5  # share of the topic's weight a sentence must hold to count as addressing it


@dataclass(frozen=True)
class CompareRow:
    doc_id: str
    document: str
    region: str
    date: str
    addressed: bool
    text: str  # the cell: the quoted sentence, or 未涉及
    source: Source | None


def compare(retriever: HybridRetriever, snap: Snapshot, topic: str, doc_ids: tuple[str, ...] = ()) -> list[CompareRow]:
    """One row per document (those named, else all): its best sentence on ``topic``, searched
    in that document alone, when it holds at least ADDRESSED of the topic's weight."""
    if not topic.strip():
        raise ConfigError("give a topic to compare, e.g. zhiqa compare 黑名单")
    query = analyse(topic)
    rows = []
    for doc_id in select_documents(snap, doc_ids):
        meta = snap.docs[doc_id].meta
        hits = retriever.search(replace(query, filter_doc_ids=(doc_id,)), k=6, snap=snap)
        best = None
        if hits.hits:
            ev = gather_evidence(hits, snap)
            total = ev.weight(ev.weights) or 1.0
            for cand in ev.candidates:
                if cand.doc_id != doc_id or cand.heading:
                    continue
                found = [t for t in ev.weights if ev.mentions(t, cand.norm)]
                share = ev.weight(found) / total
                if share >= ADDRESSED and (best is None or (share, cand.score) > best[0]):
                    best = ((share, cand.score), cand)
        label = dict(doc_id=doc_id, document=meta.title or doc_id, region=meta.region or "全国", date=meta.date or str(meta.year or ""))
        if best is None:
            rows.append(CompareRow(**label, addressed=False, text="未涉及", source=None))
            continue
        cand = best[1]
        text = snap.text(doc_id)
        s, e = trim_to_clauses(text, cand.start, cand.end, ev.weights, SINGLE_FACT_LIMIT)
        rows.append(CompareRow(**label, addressed=True, text=text[s:e],
                               source=Source(doc_id=doc_id, document=label["document"], start=s, end=e, quote=text[s:e])))
    return rows
