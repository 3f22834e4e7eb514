"""The 文号 of a document as other documents cite it: 《国务院办公厅关于印发质量工作考核办法的通知》
(国办发〔2013〕47号). A page whose opening was cut above its number (or a law loaded without its
promulgation line) does not state its own 文号, but a document that implements it often does;
the answer quotes that citation, at its offsets in the citing text, and says where it is from."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import Citation, titled
from assistant.compose.cite import cite
from assistant.index.snapshot import Snapshot
from ingest.normalize import normalize
from ingest.patterns import DOC_NUMBER

# 《title》(文号), with the spaces and either bracket a page prints
_CITATION = re.compile(rf"《([^《》]{{4,80}})》\s*[(（]\s*({DOC_NUMBER.pattern})\s*[)）]")
# the words every transmitting title has, which say nothing of which document it is
_GENERIC = re.compile(r"关于|印发|转发|的通知|的意见|的决定|《|》|[(（][^)）]*[)）]")
COVERED = 0.8  # share of a cited title's own words that the question and the document's own names hold
ASKED = 0.5  # and the question alone


def _bigrams(text: str) -> set[str]:
    han = re.sub(r"[^\u4e00-\u9fff]", "", text)
    return {han[i:i + 2] for i in range(len(han) - 1)}


@dataclass(frozen=True)
class CitedNumber:
    text: str  # 引用它的文件写作:《…》(…号) [n]
    citation: Citation


def _best_citation(snap: Snapshot, asked: set[str], known: set[str], skip: str | None) -> tuple[float, str, int, int] | None:
    """(share, document, start, end) of the citation whose title's own words ``known`` holds the
    most of (COVERED at least, ASKED of them in ``asked``), in any document but ``skip``."""
    best: tuple[float, str, int, int] | None = None
    for other in sorted(snap.docs):
        if other == skip:
            continue
        for m in _CITATION.finditer(snap.text(other)):
            own = _bigrams(_GENERIC.sub("", normalize(m.group(1))))
            if len(own) < 3:
                continue
            share = len(own & known) / len(own)
            if share >= COVERED and len(own & asked) >= ASKED * len(own) and (best is None or share > best[0]):
                best = (share, other, m.start(), m.end())
    return best


def _answer(snap: Snapshot, found: tuple[float, str, int, int], n: int, own_missing: bool) -> CitedNumber:
    _, other, s, e = found
    citing = snap.docs[other].meta.title or other
    why = "本文件的正文没有写明文号;" if own_missing else ""
    said = f"文号:{snap.text(other)[s:e]} [{n}]({why}这是{titled(citing)}引用它时所写)"
    return CitedNumber(text=said, citation=cite(snap, other, s, e, n))


def cited_number(snap: Snapshot, question: str, doc_id: str, n: int = 1) -> CitedNumber | None:
    """The citation, in another document, of ``doc_id``, whose own text states no 文号: a cited
    title whose own words are most of them in the question (国务院办公厅印发质量工作考核办法的那个
    通知) or in the document's own names (its title, issuer, file name), at least half of them in
    the question. None when no document cites it so."""
    rec = snap.docs[doc_id]
    asked = _bigrams(normalize(question))
    known = asked | _bigrams(" ".join(normalize(x) for x in (rec.meta.title, rec.meta.issuer, doc_id) if x))
    found = _best_citation(snap, asked, known, skip=doc_id)
    return _answer(snap, found, n, own_missing=True) if found else None


def cited_instead(snap: Snapshot, question: str, doc_id: str, n: int = 1) -> CitedNumber | None:
    """The citation of a document the question names by its title (国务院关于印发质量发展纲要的
    通知是几号文?), in any document, ``doc_id`` too, when the question names that title better than
    ``doc_id``'s own: the number asked is the cited document's, not that of the one it was found in."""
    asked = _bigrams(normalize(question))
    found = _best_citation(snap, asked, asked, skip=None)
    if found is None:
        return None
    title = _bigrams(_GENERIC.sub("", normalize(snap.docs[doc_id].meta.title or doc_id)))
    if title and len(title & asked) / len(title) >= found[0]:
        return None  # the question names the document itself at least as well
    return _answer(snap, found, n, own_missing=False)
