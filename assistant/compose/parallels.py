"""A list answered by parallel clauses: a sentence that names its items as clauses opening with
one word (坚持政府引导、市场主导,…；坚持以质取胜、创新驱动,…；坚持…), of which search finds one or
two. A list question quotes the whole run, each clause cited where it stands."""
from __future__ import annotations

import re

from assistant.compose.evidence import Candidate, Evidence, sentence_spans
from ingest.normalize import normalize

RUN_LEAST = 3  # clauses opening alike that make a run
RUN_MOST = 10
_OPENING = re.compile(r"[\u4e00-\u9fff]{2}")


def parallel_run(ev: Evidence, cand: Candidate) -> list[Candidate] | None:
    """The run of consecutive clauses of ``cand``'s paragraph that open with the word it opens
    with, ``cand`` among them, when there are RUN_LEAST or more; None otherwise."""
    opening = _OPENING.match(cand.norm)
    if opening is None or cand.heading:
        return None
    text = ev.text(cand.doc_id)
    start = text.rfind("\n", 0, cand.start) + 1
    end = text.find("\n", cand.end)
    spans = sentence_spans(text, start, len(text) if end < 0 else end)
    alike = [normalize(text[s:e]).startswith(opening.group()) for s, e in spans]
    at = next((i for i, (s, e) in enumerate(spans) if s <= cand.start < e), None)
    if at is None or not alike[at]:
        return None
    first, last = at, at
    while first > 0 and alike[first - 1]:
        first -= 1
    while last + 1 < len(spans) and alike[last + 1]:
        last += 1
    if last - first + 1 < RUN_LEAST:
        return None
    return [ev.span_candidate(cand, s, e) for s, e in spans[first:last + 1][:RUN_MOST]]
