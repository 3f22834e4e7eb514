"""Where a document defines the term a definition question asks about: 本法所称X，是指…,
X是指…, X，指… — found in the text directly, since the words of a definition are common
words of its document (监督, 检验) that rank it no higher than any other article."""
from __future__ import annotations

import re
from functools import lru_cache

from assistant.index.snapshot import Snapshot
from ingest.normalize import normalize

_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]")
_ASKED = re.compile(r"(?:是指什么|指的是什么|指什么|是什么意思|什么意思|是什么|的定义|的含义|怎么定义|如何定义)")
_WHAT_IS = re.compile(r"什么(?:是|叫|叫做)([\u4e00-\u9fff]{2,20})")
_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,40}$")
# the words that put a term after the name of its document: …条例所称的特种设备, 药品管理法中的假药
_MARKERS = ("所称的", "所称", "中所说的", "所说的", "中的", "里的", "规定的", "中", "里")


def quoted_term(normalized_question: str) -> str | None:
    """The term a definition question quotes (“监督检验”是什么意思), normalised as the question."""
    quoted = _QUOTED.search(normalized_question)
    return quoted.group(1) if quoted else None


def defined_term(normalized_question: str) -> str | None:
    """The term a definition question asks about: quoted (“监督检验”是什么意思), or the words
    before 是指什么 / 是什么意思 after the document's name (…条例所称的特种设备是指什么)."""
    quoted = _QUOTED.search(normalized_question)
    if quoted:
        return quoted.group(1)
    m = _WHAT_IS.search(normalized_question)
    if m:
        return m.group(1)
    asked = _ASKED.search(normalized_question)
    return _named_before(normalized_question, asked.start(), _MARKERS, 2) if asked else None


def _named_before(question: str, at: int, markers: tuple[str, ...], shortest: int) -> str | None:
    """The words before ``at`` that name what is asked, after the first of ``markers`` that
    puts them in their document (…条例所称的特种设备, …条例里说的…)."""
    run = _BEFORE.search(question[:at])
    if not run:
        return None
    term = run.group(0)
    for marker in markers:
        if marker in term[:-1]:
            term = term[term.rindex(marker) + len(marker) :]
            break
    return term if len(term) >= shortest else None


@lru_cache(maxsize=256)
def definition_pattern(term: str) -> re.Pattern[str]:
    """What a sentence defining ``term`` says, in normalised text: 所称X，是指 / X是指 / 所称X包括."""
    t = re.escape(term)
    q = r"[“\"「]?"
    qe = r"[”\"」]?"
    return re.compile(rf"所称(?:的)?{q}{t}{qe}[,，]?(?:是指|系指|指|包括)|(?<![\u4e00-\u9fff]){q}{t}{qe}[,，]?(?:是指|系指)")


def defining_chunks(snap: Snapshot, term: str, allowed: list[str] | tuple[str, ...]) -> list[int]:
    """Positions (in snap.chunks) of the chunks of the allowed documents that define ``term``."""
    return matching_chunks(snap, definition_pattern(term), allowed)


def matching_chunks(snap: Snapshot, pattern: re.Pattern[str], allowed: list[str] | tuple[str, ...]) -> list[int]:
    """Positions (in snap.chunks) of the allowed documents' chunks whose normalised text matches."""
    docs = {d for d in allowed if pattern.search(snap.normalized(d))}
    if not docs:
        return []
    return [i for i, c in enumerate(snap.chunks) if c.doc_id in docs and pattern.search(normalize(c.text))]


# 农产品质量安全监督管理部门是哪个部门?: which body a name the document uses stands for, which it
# says in an identity (县级以上人民政府农业、畜牧行政主管部门是农产品质量安全监督管理部门)
_WHICH_BODY = re.compile(r"(?:是|指|为)(?:哪个|哪一个|哪些|哪一级|哪级|什么)(?:政府)?(?:部门|机关|单位|机构)")


def asked_body(normalized_question: str) -> str | None:
    """The name a question asks the body of (X是哪个部门 / X指哪些单位), or None."""
    m = _WHICH_BODY.search(normalized_question)
    # (条例里说的X: 说的 before 里, which would leave 说的 in the name)
    return _named_before(normalized_question, m.start(), ("说的", "讲的", "规定") + _MARKERS, 4) if m else None


@lru_cache(maxsize=256)
def identity_pattern(name: str) -> re.Pattern[str]:
    """A sentence saying which body ``name`` is: …是X, / X是… / X为… (not X是指, a definition)."""
    n = re.escape(name)
    return re.compile(rf"(?:是|为)(?:本[省市县区级])?{n}(?=[,，。;；])|(?<![\u4e00-\u9fff]){n}(?:是|为)(?!指)")
