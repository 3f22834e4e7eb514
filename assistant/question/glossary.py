"""The glossary (assistant/data/glossary.txt: synonyms, old and new agency names and English
terms; assistant/data/thesaurus.txt: users' everyday words, by concept, to the documents'
words — 店主 → 经营者, 秤 → 计量器具, 菜市场 → 集中交易市场), used to expand a question for search and to let a passage's word stand for the
question's when checking what it covers; and, for documents in traditional script, the
Taiwan word for a mainland one (设备 → 裝置, 软件 → 軟體), from OpenCC's phrase table."""
from __future__ import annotations

import re
from functools import lru_cache


from assistant.index.tokens import data_text, tokens_of_normalized
from ingest.normalize import normalize, opencc_converter


GLOSSARY_FILES = ("glossary.txt", "thesaurus.txt")


@lru_cache(maxsize=1)
def _glossary() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for name in GLOSSARY_FILES:
        for line in data_text(name).splitlines():
            if line.strip() and not line.startswith("#") and "\t" in line:
                term, expansions = line.split("\t", 1)
                term = normalize(term)
                words = table.get(term, "").split() + [normalize(x) for x in expansions.split(",")]
                table[term] = " ".join(dict.fromkeys(w for w in words if w and w != term))
    keys = sorted(table, key=len, reverse=True)
    # English terms match whole words; Chinese terms anywhere
    alts = [rf"\b{re.escape(k)}\b" if k.isascii() else re.escape(k) for k in keys]
    return re.compile("|".join(alts)), table


@lru_cache(maxsize=20000)
def taiwan_variant(term: str) -> str | None:
    """How a document in Taiwan usage writes a mainland term, in the search form documents are
    indexed in (normalised: 裝置 → 装置); None when it writes it the same way."""
    if len(term) < 2 or not re.search(r"[\u4e00-\u9fff]", term):
        return None
    variant = normalize(opencc_converter("s2twp").convert(term))  # Taiwan script and vocabulary
    return variant if variant != term else None


def taiwan_variants(normalized: str) -> dict[str, str]:
    """token -> its Taiwan variant, for the question's tokens that have one."""
    return {t: v for t in dict.fromkeys(tokens_of_normalized(normalized)) if (v := taiwan_variant(t))}


def _entries_in(normalized: str) -> list[str]:
    """The glossary terms the question holds, longest at each place, overlaps kept (不给退 and
    退车 in 4S店不给退车) but not a term inside a longer one found (执照 in 办执照)."""
    pattern, _ = _glossary()
    found: list[str] = []
    covered_to = 0
    at = 0
    while (m := pattern.search(normalized, at)) is not None:
        if m.end() > covered_to:
            found.append(m.group(0))
            covered_to = m.end()
        at = m.start() + 1
    return found


def expand(normalized: str) -> str:
    """The question plus glossary expansions (synonyms, old and new agency names, English) and
    the Taiwan variants of its words."""
    _, table = _glossary()
    extra = list(dict.fromkeys(table[term] for term in _entries_in(normalized)))
    extra += list(dict.fromkeys(taiwan_variants(normalized).values()))
    return normalized + (" " + " ".join(extra) if extra else "")


def synonyms(normalized: str) -> dict[str, tuple[str, ...]]:
    """For each token of a glossary term in the question, the terms that may stand for it in a
    passage (号码 -> 热线, 电话): a passage that has one of them covers the token."""
    _, table = _glossary()
    out: dict[str, tuple[str, ...]] = {}
    for term in _entries_in(normalized):
        alts = tuple(table[term].split())
        for tok in [term, *tokens_of_normalized(term)]:
            out[tok] = tuple(dict.fromkeys(out.get(tok, ()) + alts))
    for tok, variant in taiwan_variants(normalized).items():
        out[tok] = tuple(dict.fromkeys(out.get(tok, ()) + (variant,)))
    return out
