"""A comparison answer: a table with one row per document compared, each cell that
document's own best sentences, 未涉及 where it is silent."""
from __future__ import annotations

from assistant.compose.cite import SINGLE_FACT_LIMIT, Citations, trim_to_clauses
from assistant.compose.evidence import Evidence
from assistant.compose.extractive import Shaped


def comparison(ev: Evidence) -> Shaped | None:
    docs = list(dict.fromkeys(c.doc_id for c in ev.candidates))
    targets = [d for d in ev.hits.allowed_docs if d in docs] if len(ev.hits.allowed_docs) < len(ev.snap.docs) else docs[:2]
    if len(targets) < 2:
        return None
    cites = Citations(ev.snap)
    rows = ["| 文件 | 内容 |", "|---|---|"]
    top = ev.candidates[0].score
    for doc_id in targets:
        meta = ev.snap.docs[doc_id].meta
        label = f"{meta.region or '全国'}·{meta.title or doc_id}({meta.date or meta.year or '日期不详'})"
        mine = [c for c in ev.candidates if c.doc_id == doc_id and c.score >= 0.4 * top]
        if not mine:
            rows.append(f"| {label} | 未涉及 |")
            continue
        cells = []
        for cand in mine[:2] if len(mine) > 1 and mine[1].covered - mine[0].covered else mine[:1]:
            s, e = trim_to_clauses(ev.text(doc_id), cand.start, cand.end, ev.weights, SINGLE_FACT_LIMIT)
            quote = ev.text(doc_id)[s:e].replace("|", "｜").replace("\n", " ")
            cells.append(f"{quote} [{cites.add(doc_id, s, e)}]")
        rows.append(f"| {label} | {' '.join(cells)} |")
    return Shaped(text="\n".join(rows), citations=cites.items)
