"""Quizzes for trainers from the documents' records: multiple choice (mcq), true/false (tf) and
fill-in-the-blank (cloze) items, each testing one fact and citing the exact span that proves it.

``generate_quiz`` is deterministic for a seed: documents, records and pools are read in sorted
order and every random choice comes from one ``random.Random(seed)``. Facts are taken in turn
from each kind (department, number, year, duration, term) so a short quiz mixes them; each
fact is tested once. Rendering is in ``assistant.quiz.render``.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

from assistant.answer import Citation, titled
from assistant.compose.cite import cite
from assistant.errors import ConfigError
from assistant.index.snapshot import Snapshot
from assistant.quiz.facts import KINDS, Fact, collect_facts, display
from assistant.quiz.options import Pools, build_pools, flipped_term, wrong_answers
from ingest.normalize import normalize

TYPES = ("mcq", "tf", "cloze")
DIFFICULTIES = ("easy", "hard")
TRUE, FALSE = "正确", "错误"
BLANK = "____"
ROLE_WORDS = {"lead": "牵头", "cooperating": "配合", "responsible": "负责"}
MODALITY_WORDS = {"must": "义务性规定", "prohibited": "禁止性规定", "permitted": "授权性规定", "encouraged": "鼓励性规定"}


@dataclass(frozen=True)
class QuizItem:
    id: str  # q01, q02 …
    type: str  # mcq | tf | cloze
    question: str  # simplified Chinese
    options: tuple[str, ...]  # 4 for mcq, (正确, 错误) for tf, () for cloze
    answer: str  # the right option, 正确/错误, or the blanked term
    explanation: str  # one line: why, with the source
    citation: Citation  # the span that proves the answer, quoted exactly
    fact: tuple[str, ...]  # canonical key of the fact tested: ("lead", doc_id, task, unit)
    kind: str  # department | number | year | duration | term
    claim: str  # the term the question asserts (a tf statement's, perhaps perturbed) or asks for
    stem: str  # the tested statement with the claim as ____ (what a checker fills in)


@dataclass(frozen=True)
class Quiz:
    items: tuple[QuizItem, ...]
    seed: int
    difficulty: str
    doc_ids: tuple[str, ...]  # the documents asked about (all when none were named)
    requested: int
    note: str = ""  # why there are fewer items than requested; '' when there are not


def generate_quiz(
    snap: Snapshot, n: int = 20, doc_ids: tuple[str, ...] = (), types: tuple[str, ...] = TYPES,
    difficulty: str = "easy", seed: int = 0,
) -> Quiz:
    """Up to ``n`` items over the documents ``doc_ids`` (all when empty), of the given types,
    each testing a different fact; fewer, with a note, when the documents hold fewer facts."""
    if not isinstance(n, int) or n < 1:
        raise ConfigError(f"a quiz needs n >= 1 items, got {n!r}")
    unknown_types = [t for t in types if t not in TYPES]
    if unknown_types or not types:
        raise ConfigError(f"unknown item type(s) {unknown_types or list(types)}; choose from {', '.join(TYPES)}")
    if difficulty not in DIFFICULTIES:
        raise ConfigError(f"unknown difficulty {difficulty!r}; choose easy or hard")
    unknown = [d for d in doc_ids if d not in snap.docs]
    if unknown:
        raise ConfigError(f"no document {', '.join(unknown)} in the index; see `zhiqa docs` for the ids")
    rng = random.Random(seed)
    docs = sorted(doc_ids) if doc_ids else sorted(snap.docs)
    builder = _Builder(snap, build_pools(snap, collect_facts(snap, sorted(snap.docs))), rng, difficulty == "hard")
    items: list[QuizItem] = []
    counts = {t: 0 for t in types}
    for fact in _interleaved(collect_facts(snap, docs), rng):
        if len(items) == n:
            break
        for item_type in sorted(types, key=lambda t: (counts[t], types.index(t))):
            item = builder.item(item_type, fact, f"q{len(items) + 1:0{max(2, len(str(n)))}d}", len(items) + 1)
            if item is not None:
                items.append(item)
                counts[item_type] += 1
                break
    note = ""
    if len(items) < n:
        note = f"只生成了{len(items)}道题(要求{n}道):所选文件中可以出题且互不重复的知识点不够。"
    return Quiz(items=tuple(items), seed=seed, difficulty=difficulty, doc_ids=tuple(docs), requested=n, note=note)


def _interleaved(facts: list[Fact], rng: random.Random) -> list[Fact]:
    """Facts shuffled within each kind, then taken one kind after another."""
    queues = []
    for kind in KINDS:
        queue = [f for f in facts if f.kind == kind]
        rng.shuffle(queue)
        queues.append(queue)
    order = []
    while any(queues):
        for queue in queues:
            if queue:
                order.append(queue.pop(0))
    return order


class _Builder:
    """Turns a fact into an item of a given type, or None when that type cannot be made right."""

    def __init__(self, snap: Snapshot, pools: Pools, rng: random.Random, hard: bool) -> None:
        self.snap, self.pools, self.rng, self.hard = snap, pools, rng, hard
        self.tf_true = self.tf_false = 0

    def item(self, item_type: str, fact: Fact, item_id: str, n: int) -> QuizItem | None:
        text = self.snap.text(fact.doc_id)
        quote = text[fact.start:fact.end]
        meta = self.snap.docs[fact.doc_id].meta
        title = display(meta.title) if meta.title else fact.doc_id
        before, after = display(text[fact.start:fact.term_start]), display(text[fact.term_end:fact.end])
        if normalize(fact.term) in normalize(title) or any(y in title for y in re.findall(r"(?:19|20)\d{2}", fact.term)):
            return None  # 2015年度 and 《…2015年行动计划》: the title gives the answer away
        citation = cite(self.snap, fact.doc_id, fact.start, fact.end, n)
        return getattr(self, f"_{item_type}")(fact, item_id, title, quote, before, after, citation)

    # --- question texts ---------------------------------------------------------------

    @staticmethod
    def _asked(fact: Fact, title: str, before: str, after: str) -> str:
        if fact.kind == "department" and not fact.verb:
            return {
                "lead": f"根据{titled(title)},下列哪个单位是“{fact.topic}”的牵头单位?",
                "cooperating": f"根据{titled(title)},下列哪个单位是“{fact.topic}”的配合单位?",
                "responsible": f"根据{titled(title)},下列哪个单位按职责分工负责“{fact.topic}”?",
            }[fact.role]
        if fact.kind == "department":
            return f"根据{titled(title)},“{fact.topic}”由下列哪一方{fact.verb}?"
        return f"{titled(title)}写道:“{before}{BLANK}{after}” 空格处的原文是哪一项?"

    @staticmethod
    def _statement(fact: Fact, title: str, before: str, after: str, claim: str) -> str:
        if fact.kind == "department" and not fact.verb:
            role = {"lead": "牵头单位", "cooperating": "配合单位", "responsible": "按职责分工负责的单位"}[fact.role]
            return f"根据{titled(title)},{claim}是“{fact.topic}”的{role}。"
        if fact.kind == "department":
            return f"根据{titled(title)},“{fact.topic}”由{claim}{fact.verb}。"
        return f"{titled(title)}写道:“{before}{claim}{after}”"

    def _explain(self, fact: Fact, title: str, citation: Citation, verdict: str = "") -> str:
        quote = display(citation.quote)
        if len(quote) > 60:  # a window around the tested term, so the explanation shows it whole
            at = max(quote.find(fact.term), 0)
            a = max(0, min(at - 20, len(quote) - 58))
            quote = ("……" if a else "") + quote[a : a + 58] + ("……" if a + 58 < len(quote) else "")
        where = f"“{display(citation.section.split(' > ')[-1])}”一节" if citation.section else ""
        if fact.kind == "department":
            why = f"{fact.term}是{ROLE_WORDS[fact.role]}单位" if not fact.verb else f"由{fact.term}{fact.verb}"
        elif fact.kind == "term":
            why = f"原文用“{fact.term}”,属{MODALITY_WORDS[fact.role]}"
        else:
            why = f"原文是“{fact.term}”"
        return f"依据{titled(title)}{where}:“{quote}”,{why}{verdict}。"

    # --- item types ---------------------------------------------------------------------

    @staticmethod
    def _finish(fact, item_id, item_type, question, options, answer, explanation, citation, claim, stem) -> QuizItem:
        return QuizItem(id=item_id, type=item_type, question=question, options=tuple(options), answer=answer,
                        explanation=explanation, citation=citation, fact=fact.key, kind=fact.kind, claim=claim, stem=stem)

    def _mcq(self, fact, item_id, title, quote, before, after, citation) -> QuizItem | None:
        question = self._asked(fact, title, before, after)
        if normalize(fact.term) in normalize(question):
            return None  # the question would give the answer away
        wrong = wrong_answers(fact, self.pools, quote + question, 3, self.rng, self.hard)
        if wrong is None:
            return None
        options = [fact.term, *wrong]
        self.rng.shuffle(options)
        stem = self._statement(fact, title, before, after, BLANK)
        return self._finish(fact, item_id, "mcq", question, options, fact.term,
                            self._explain(fact, title, citation), citation, fact.term, stem)

    def _tf(self, fact, item_id, title, quote, before, after, citation) -> QuizItem | None:
        claim = fact.term
        if self.tf_false <= self.tf_true:
            if fact.kind != "term":
                wrong = wrong_answers(fact, self.pools, quote + title, 1, self.rng, self.hard)
                claim = wrong[0] if wrong else fact.term
            elif normalize(fact.term) not in normalize(before + after):
                # (flipped only when the document's own word would not still stand beside it)
                claim = flipped_term(fact, quote + title, self.rng) or fact.term
        true = claim == fact.term
        question = "判断:" + self._statement(fact, title, before, after, claim)
        stem = "判断:" + self._statement(fact, title, before, after, BLANK)
        verdict = ",所以该说法正确" if true else f",而不是“{claim}”,所以该说法错误"
        if true:
            self.tf_true += 1
        else:
            self.tf_false += 1
        return self._finish(fact, item_id, "tf", question, (TRUE, FALSE), TRUE if true else FALSE,
                            self._explain(fact, title, citation, verdict), citation, claim, stem)

    def _cloze(self, fact, item_id, title, quote, before, after, citation) -> QuizItem | None:
        if fact.kind == "department" and not fact.verb:
            question = f"根据{titled(title)}填空:“{fact.topic}”一项的分工为“{before}{BLANK}{after}”。"
        else:
            question = f"根据{titled(title)}填空:“{before}{BLANK}{after}”"
        if normalize(fact.term) in normalize(question):
            return None
        return self._finish(fact, item_id, "cloze", question, (), fact.term,
                            self._explain(fact, title, citation), citation, fact.term, question)

