"""Jieba tokens over the normalised text, with a domain dictionary and a stopword list that
keeps obligation markers (应当, 必须, 不得, 牵头, 配合); and the text of a chunk they are taken
from (``index_text``).

Segmentation is jieba-rs (the ``rjieba`` binding): jieba's algorithm, dictionary and HMM in
Rust, about 19 times faster than the Python package and token-for-token the same on Chinese
text; it differs only in search mode on ASCII runs joined by ``-``, ``_`` or ``.`` (a URL, a
date written 2013-12-31), where it also yields the whole run."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from importlib import resources
from importlib.metadata import version

import rjieba

from ingest.normalize import normalize

_TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff%]")


def data_text(name: str) -> str:
    """A word list shipped in assistant/data/."""
    return resources.files("assistant").joinpath("data", name).read_text(encoding="utf-8")


def word_list(name: str) -> frozenset[str]:
    """Words of a data file: whitespace-separated, lines starting with # are comments."""
    return frozenset(w for ln in data_text(name).splitlines() if not ln.startswith("#") for w in ln.split())


def index_text(title: str | None, section_path: str, text: str) -> str:
    """What BM25 and the embedder see: title and section path, then the chunk (normalised later)."""
    return "\n".join(x for x in (title or "", section_path, text) if x)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return word_list("stopwords.txt")


@lru_cache(maxsize=1)
def tokenizer_id() -> str:
    rules = _GRADE.pattern  # a change of what is joined into one token changes the tokens
    digest = hashlib.sha1((data_text("domain_dict.txt") + data_text("stopwords.txt") + rules).encode("utf-8")).hexdigest()[:10]
    return f"rjieba-{version('rjieba')}-search+dict-{digest}"


@lru_cache(maxsize=1)
def segmenter() -> rjieba.Jieba:
    """The segmenter with the domain dictionary loaded (built once per process)."""
    tk = rjieba.Jieba()
    for line in data_text("domain_dict.txt").splitlines():
        parts = line.split()
        if parts:
            tk.add_word(parts[0], int(parts[1]) if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)
    return tk


# raw token -> the token kept for it ('' when dropped); checking each occurrence afresh cost
# more than the segmentation itself. Bounded: cleared when it grows past _KEPT_MAX tokens.
_kept: dict[str, str] = {}
_KEPT_MAX = 500_000


def _keep(tok: str) -> str:
    kept = tok.strip()
    if not kept or kept in stopwords() or not _TOKEN_OK.search(kept):
        kept = ""
    if len(_kept) >= _KEPT_MAX:
        _kept.clear()
    _kept[tok] = kept
    return kept


def tokens_of_normalized(text: str) -> list[str]:
    """Tokens of text that is already normalised (see ingest.normalize)."""
    get = _kept.get  # None: not seen yet; "": seen and dropped
    kept = [k for tok in segmenter().cut_for_search(text) if (k := get(tok)) or (k is None and (k := _keep(tok)))]
    return kept + _GRADE.findall(text) if _GRADE_HEAD.search(text) else kept


# a grade or class written with Latin letters or Roman numerals (a级风险, ii类医疗器械, b型): one
# term, which the segmenter cuts into a letter it drops and a character it keeps apart
_GRADE = re.compile(r"(?<![a-z])[a-z]{1,3}(?:级|类|型)")
_GRADE_HEAD = re.compile(r"[a-z](?:级|类|型)")


def tokenize(text: str) -> list[str]:
    return tokens_of_normalized(normalize(text))


def _joined(token: str, have: set[str], known) -> bool:
    """Is an unknown token a compound the search mode also cut into known words (买卖双方 →
    买卖 + 双方)? Not a bad cut: nothing lies across it."""
    parts = [t for t in have if t != token and t in token and known(t)]
    covered = set()
    for t in parts:
        for m in re.finditer(re.escape(t), token):
            covered.update(range(m.start(), m.end()))
    return len(covered) == len(token)


MEND_MAX = 4  # longest word of the documents looked for across a bad cut


def mended_cuts(text: str, tokens: list[str] | tuple[str, ...], known) -> list[str]:
    """Words of the documents that the segmenter cut apart in ``text`` (normalised): 卖劣药 cut
    卖劣 + 药 hides 劣药, which the documents hold (销售劣药). A word is added where it overlaps
    a token the documents never use or a lone character, and lies inside no token: a bad cut,
    not a word's part (管理 in 管理法). ``known(word)`` says whether the documents use it."""
    have = set(tokens)
    bad = [t for t in dict.fromkeys(tokens) if len(t) == 1 or not (known(t) or _joined(t, have, known))]
    if not bad:
        return []
    spans = [(m.start(), m.start() + len(t)) for t in bad for m in re.finditer(re.escape(t), text)]
    found: list[str] = []
    for i in range(len(text) - 1):
        for n in range(2, MEND_MAX + 1):
            word = text[i:i + n]
            if len(word) < n or word in have or word in found or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
                continue
            if any(word in t for t in have) or word in stopwords():
                continue
            # it must cross into a bad token, not lie beside one
            if not any(a < i + n and i < b and not (i <= a and b <= i + n) for a, b in spans):
                continue
            if known(word):
                found.append(word)
    return found
