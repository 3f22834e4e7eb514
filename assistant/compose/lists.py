"""A claim that a provision's list takes in a thing it does not list (产品质量监督的重点包括出口创汇
产品, where 第三条 lists four kinds, none of them that): the sentence announcing the list, for the
answer to quote with its items. A list left open (…等, 其他…) may take in anything: no rival."""
from __future__ import annotations

import re

from assistant.compose.claims import CLAIM_DEPTH, CLAIM_SUPPORT, held_terms
from assistant.compose.evidence import Candidate, Evidence
from assistant.compose.provisions import ANNOUNCES
from assistant.compose.verdicts import ACT_END, MODALS
from ingest.normalize import normalize
from ingest.statute import article_at

_INCLUDES = dict(MODALS)["includes"]
_OPEN = re.compile(r"等[^，,；;。]{0,6}[：:]?\s*$|其他|其它")  # 等…; an item 其他…: the list is left open
_THING_SHARE = 0.5  # share of the thing's terms an item must hold to list it


def list_rival(ev: Evidence) -> tuple[Candidate, str, list[tuple[int, int]]] | None:
    """The sentence announcing a closed list of items (…的重点是：) about what the claim says before
    包括 (CLAIM_SUPPORT of its terms), none of whose items names the thing the claim says it takes
    in: the sentence, the thing as the claim puts it and the items' spans; None otherwise."""
    asked = ev.query.asked
    m = _INCLUDES.search(asked)
    if m is None:
        return None
    thing_text = ACT_END.split(asked[m.end():])[0]
    terms = held_terms(ev)
    thing = [t for t in terms if t in thing_text]
    subject = [t for t in terms if t in asked[:m.start()] and t not in thing]
    if not thing or not subject:
        return None
    seen = set()
    for cand in ev.candidates[:CLAIM_DEPTH]:
        # the lists of the articles searched: the sentence found may be the lead, an item or
        # another paragraph (第九十八条's 假药 list, found by an item of its 劣药 list)
        article = article_at(ev.snap.articles(cand.doc_id), cand.start)
        if article is None or (cand.doc_id, article.start) in seen:
            continue
        seen.add((cand.doc_id, article.start))
        text = ev.text(cand.doc_id)
        for paragraph in article.paragraphs:
            if not paragraph.items:
                continue
            lead = normalize(text[paragraph.start:paragraph.items[0][0]]).strip()
            if not ANNOUNCES.search(lead) or _OPEN.search(lead):
                continue
            if ev.weight([t for t in subject if ev.mentions(t, lead)]) < CLAIM_SUPPORT * ev.weight(subject):
                continue
            items = [normalize(text[s:e]) for s, e in paragraph.items]
            if any(_OPEN.search(item) for item in items):
                continue
            if not any(ev.weight([t for t in thing if ev.mentions(t, item)]) >= _THING_SHARE * ev.weight(thing) for item in items):
                end = paragraph.start + len(text[paragraph.start:paragraph.items[0][0]].rstrip())
                return ev.span_candidate(cand, paragraph.start, end, lead), thing_text.strip(), list(paragraph.items)
    return None
