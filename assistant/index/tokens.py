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
    digest = hashlib.sha1((data_text("domain_dict.txt") + data_text("stopwords.txt")).encode("utf-8")).hexdigest()[:10]
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
    return [k for tok in segmenter().cut_for_search(text) if (k := get(tok)) or (k is None and (k := _keep(tok)))]


def tokenize(text: str) -> list[str]:
    return tokens_of_normalized(normalize(text))
