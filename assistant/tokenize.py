"""Jieba tokens over the normalised text, with a domain dictionary and a stopword list that
keeps obligation markers (应当, 必须, 不得, 牵头, 配合)."""
from __future__ import annotations

import hashlib
import logging
import re
from functools import lru_cache
from importlib import resources

from ingest.normalize import normalize

_TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff%]")


def _data(name: str) -> str:
    return resources.files("assistant").joinpath("data", name).read_text(encoding="utf-8")


def _word_list(name: str) -> frozenset[str]:
    """Words of a data file: whitespace-separated, lines starting with # are comments."""
    return frozenset(w for ln in _data(name).splitlines() if not ln.startswith("#") for w in ln.split())


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return _word_list("stopwords.txt")


@lru_cache(maxsize=1)
def tokenizer_id() -> str:
    import jieba

    digest = hashlib.sha1((_data("domain_dict.txt") + _data("stopwords.txt")).encode("utf-8")).hexdigest()[:10]
    return f"jieba-{jieba.__version__}-search+dict-{digest}"


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    for line in _data("domain_dict.txt").splitlines():
        parts = line.split()
        if parts:
            tk.add_word(parts[0], int(parts[1]) if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)
    return tk


@lru_cache(maxsize=1)
def question_words() -> frozenset[str]:
    return _word_list("question_words.txt")


def tokens_of_normalized(text: str) -> list[str]:
    """Tokens of text that is already normalised (see ingest.normalize)."""
    stop = stopwords()
    out = []
    for tok in _jieba().cut_for_search(text):
        tok = tok.strip()
        if tok and tok not in stop and _TOKEN_OK.search(tok):
            out.append(tok)
    return out


def tokenize(text: str) -> list[str]:
    return tokens_of_normalized(normalize(text))
