"""Question understanding: normalised text, query tokens, type, and the regions, years and
documents a question names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from assistant.tokenize import tokens_of_normalized
from ingest.gazetteer import PROVINCES
from ingest.normalize import normalize

_TYPE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("comparison", re.compile(r"比较|区别|异同|不同|相同|对比|差异|相比|分别|各自|compare|difference")),
    ("responsibility", re.compile(r"谁|哪个部门|哪些部门|哪个单位|哪些单位|牵头|配合|负责(?!人)|主管|职责|责任单位|who|which department|responsib|lead")),
    ("deadline", re.compile(r"何时|什么时候|期限|时限|多久|几日|几天|截止|哪一年|哪年|届满|之前|以前|日内|when|deadline|by what year|which year")),
    ("target", re.compile(r"多少|比例|目标|合格率|达到|百分之|%|几个|几家|几方|how many|how much|percent|rate|target")),
    ("procedure", re.compile(r"如何|怎样|怎么|程序|步骤|流程|办理|how to|how do|procedure|steps")),
    ("definition", re.compile(r"什么是|是什么|指什么|含义|定义|是指|what is|what are|meaning|define")),
    ("list", re.compile(r"哪些|哪几|有几|包括|包含|列举|which|list")),
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*年|(?!\d))")


@dataclass(frozen=True)
class Query:
    text: str  # as asked
    normalized: str
    tokens: tuple[str, ...]
    question_type: str
    regions: tuple[str, ...]  # regions named in the question (corpus or not)
    years: tuple[int, ...]
    doc_ids: tuple[str, ...] = ()
    filter_regions: tuple[str, ...] = ()  # explicit filters from the caller
    filter_doc_ids: tuple[str, ...] = ()
    filter_levels: tuple[str, ...] = ()  # national | provincial | municipal
    filter_years: tuple[int, ...] = ()  # the documents' own years
    # tokens of the question as asked (no expansions): the terms an answer must cover
    asked_tokens: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # token -> terms standing for it


def question_type(normalized: str) -> str:
    for qtype, pattern in _TYPE_CUES:
        if pattern.search(normalized):
            return qtype
    return "other"


def named_regions(normalized: str) -> tuple[str, ...]:
    found = []
    for region, full, _abbr in PROVINCES:
        if region in normalized or full in normalized:
            found.append(region)
    return tuple(found)


@lru_cache(maxsize=1)
def _glossary() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for line in resources.files("assistant").joinpath("data", "glossary.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "\t" in line:
            term, expansions = line.split("\t", 1)
            table[normalize(term)] = " ".join(normalize(x) for x in expansions.split(","))
    keys = sorted(table, key=len, reverse=True)
    # English terms match whole words; Chinese terms anywhere
    alts = [rf"\b{re.escape(k)}\b" if k.isascii() else re.escape(k) for k in keys]
    return re.compile("|".join(alts)), table


def expand(normalized: str) -> str:
    """The question plus glossary expansions (synonyms, old and new agency names, English)."""
    pattern, table = _glossary()
    extra = list(dict.fromkeys(table[m.group(0)] for m in pattern.finditer(normalized)))
    return normalized + (" " + " ".join(extra) if extra else "")


def synonyms(normalized: str) -> dict[str, tuple[str, ...]]:
    """For each token of a glossary term in the question, the terms that may stand for it in a
    passage (号码 -> 热线, 电话): a passage that has one of them covers the token."""
    pattern, table = _glossary()
    out: dict[str, tuple[str, ...]] = {}
    for m in pattern.finditer(normalized):
        alts = tuple(table[m.group(0)].split())
        for tok in [m.group(0), *tokens_of_normalized(m.group(0))]:
            out[tok] = tuple(dict.fromkeys(out.get(tok, ()) + alts))
    return out


def analyse(
    question: str,
    filter_regions: tuple[str, ...] = (),
    filter_doc_ids: tuple[str, ...] = (),
    filter_levels: tuple[str, ...] = (),
    filter_years: tuple[int, ...] = (),
) -> Query:
    asked = normalize(question)
    norm = expand(asked)
    return Query(
        text=question,
        normalized=norm,
        tokens=tuple(tokens_of_normalized(norm)),
        question_type=question_type(norm),
        regions=named_regions(norm),
        years=tuple(int(y) for y in _YEAR.findall(norm)),
        filter_regions=filter_regions,
        filter_doc_ids=filter_doc_ids,
        filter_levels=filter_levels,
        filter_years=filter_years,
        asked_tokens=tuple(tokens_of_normalized(asked)),
        synonyms=tuple(synonyms(asked).items()),
    )
