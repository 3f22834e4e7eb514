"""A comparison answer: a table with one row per document compared, each cell that
document's own best sentences, 未涉及 where it is silent."""
from __future__ import annotations

from assistant.compose.cite import SINGLE_FACT_LIMIT, Citations, trim_to_clauses
from assistant.compose.evidence import Evidence
from assistant.compose.extractive import Shaped
from assistant.search.retrieve import SCOPE_WORD, issuer_aliases


def _one_per_place(ev: Evidence, targets: list[str]) -> list[str]:
    """国家和福建的…: one row for each place compared, its best-matching document (targets come
    best first), not a row for every document of the place. Documents of one place only are
    compared with each other."""
    places: dict[tuple, str] = {}
    for doc_id in targets:
        meta = ev.snap.docs[doc_id].meta
        places.setdefault((meta.region, meta.city, meta.county), doc_id)
    chosen = list(places.values()) if len(places) >= 2 else targets
    return sorted(chosen, key=lambda d: _named_at(ev, d))


def _named_at(ev: Evidence, doc_id: str) -> int:
    """Where the question names the document's place or issuer (rows follow the question's order:
    质检总局和甘肃… puts 质检总局 first); past the end when it does not."""
    meta = ev.snap.docs[doc_id].meta
    asked = ev.query.asked
    names = [n for n in (meta.county, meta.city, meta.region, meta.issuer) if n]
    found = [asked.find(n) for n in names if n in asked]
    if not meta.region:  # a national document: by a short name of its issuer, or as 国家/全国/中央
        found += [asked.find(a) for a in issuer_aliases(meta.issuer or "") if a and a in asked]
        found += [m.start() for m in SCOPE_WORD.finditer(asked)]
    return min(found) if found else len(asked)


def comparison(ev: Evidence) -> Shaped | None:
    docs = list(dict.fromkeys(c.doc_id for c in ev.candidates))
    targets = [d for d in docs if d in ev.hits.allowed_docs] if len(ev.hits.allowed_docs) < len(ev.snap.docs) else docs[:2]
    targets = _one_per_place(ev, targets)
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
