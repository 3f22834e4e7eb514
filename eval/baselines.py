"""Baselines: plain BM25 (bm25s) over the paragraphs of the original texts.

A paragraph is a non-empty line of a corpus file. The baseline answers with its top paragraph
(cited as one span) and never abstains, so key-fact recall and the citation metrics compare
with zhiqa's. It has no conversation handling: a multi-turn item is searched with all its turns
joined."""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from functools import lru_cache

import bm25s
import jieba
import numpy as np

from eval.gold import GoldItem
from eval.metrics import Span
from eval.systems import RETRIEVAL_DEPTH, Cited, SystemAnswer

_WORDLIKE = re.compile(r"\w")


@lru_cache(maxsize=1)
def _plain_jieba():
    jieba.setLogLevel(logging.WARNING)
    return jieba.Tokenizer()  # jieba's own dictionary: no domain words, no stopwords


def raw_tokens(text: str) -> list[str]:
    """jieba (search mode) on the text as written: no width folding, no script conversion, no
    lower-casing; only whitespace and punctuation dropped."""
    return [t for t in (tok.strip() for tok in _plain_jieba().cut_for_search(text)) if t and _WORDLIKE.search(t)]


def paragraphs(texts: dict[str, str]) -> list[Span]:
    units = []
    for doc_id, text in texts.items():
        at = 0
        for line in text.split("\n"):
            if line.strip():
                units.append((doc_id, at, at + len(line)))
            at += len(line) + 1
    return units


class ParagraphBM25:
    def __init__(self, name: str, label: str, texts: dict[str, str], tokenizer: Callable[[str], list[str]]) -> None:
        self.name = name
        self.label = label
        self.texts = texts
        self.tokenizer = tokenizer
        self._units = paragraphs(texts)
        self._model = bm25s.BM25(k1=1.2, b=0.75)
        corpus = [tokenizer(texts[d][s:e]) or ["\u2205"] for d, s, e in self._units]
        self._model.index(corpus, show_progress=False)

    def units(self) -> list[Span]:
        return list(self._units)

    def search(self, question: str, k: int = RETRIEVAL_DEPTH) -> list[Span]:
        vocab = self._model.vocab_dict
        known = [t for t in self.tokenizer(question) if t in vocab]
        if not known:
            return []
        scores = np.asarray(self._model.get_scores(known))
        order = np.argsort(-scores, kind="stable")[:k]
        return [self._units[i] for i in order if scores[i] > 0]

    def answer(self, item: GoldItem) -> SystemAnswer:
        question = " ".join(item.turns)
        t0 = time.perf_counter()
        ranked = self.search(question)
        latency = (time.perf_counter() - t0) * 1000
        citations: tuple[Cited, ...] = ()
        text = ""
        if ranked:
            d, s, e = ranked[0]
            text = self.texts[d][s:e]
            citations = (Cited(d, s, e, text),)
        return SystemAnswer(text=text, abstained=False, reason="", citations=citations, ranked=tuple(ranked),
                            latency_ms=latency, standalone=question)
