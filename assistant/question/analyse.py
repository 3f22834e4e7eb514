"""Question analysis: normalised text, query tokens, type, and the regions, years and
documents a question names."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import QuestionType
from assistant.index.tokens import tokens_of_normalized
from assistant.question.glossary import expand, synonyms
from assistant.question.kinds import question_type
from ingest.gazetteer import PROVINCES
from ingest.normalize import normalize

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*年|(?!\d))")


@dataclass(frozen=True)
class Query:
    text: str  # as asked
    normalized: str  # normalised, with the glossary's expansions and Taiwan variants
    asked: str  # normalised as asked, no expansions: what phrase matches and the premise checks read
    tokens: tuple[str, ...]
    question_type: QuestionType
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
    # a follow-up read with the question before it (…会怎么罚? 那要是药店呢?): the follow-up as
    # asked, normalised; what only the earlier question says was already weighed there
    follow_up: str = ""


def named_regions(normalized: str) -> tuple[str, ...]:
    found = []
    for region, full, _abbr in PROVINCES:
        if region in normalized or full in normalized:
            found.append(region)
    return tuple(found)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def analyse(
    question: str,
    filter_regions: tuple[str, ...] = (),
    filter_doc_ids: tuple[str, ...] = (),
    filter_levels: tuple[str, ...] = (),
    filter_years: tuple[int, ...] = (),
    follow_up: str = "",
) -> Query:
    # a lone surrogate (a JSON line's "\ud800") cannot be segmented: it stands for no character
    asked = normalize(_LONE_SURROGATE.sub("\ufffd", question))
    norm = expand(asked)
    return Query(
        text=question,
        normalized=norm,
        asked=asked,
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
        follow_up=normalize(follow_up) if follow_up else "",
    )
