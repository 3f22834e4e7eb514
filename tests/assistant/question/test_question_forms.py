"""Question forms: how a Chinese question asks (疑问代词, 多+adjective, 几+classifier, A-not-A,
是否/能否, 对吗, 怎么办, 什么意思, 有什么后果 …) over the topics of quality supervision, one row
of tests/data/question_forms.tsv each. Each row's type, penalty and claim flags, the figure it
asks for, the topic words that stay terms an answer must cover and the question words that
must not (a deadline question refused with 文件中没有提到"多长时间" is the failure prevented).

The terms are read against a corpus that has every word, so that a question word is left out
because it asks, never because the documents happen to lack it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.answer import QuestionType
from assistant.question.analyse import analyse
from assistant.question.kinds import QUANTITY_RULES, asked_quantity, asks_penalty, asserts_claim
from assistant.question.terms import question_terms
from ingest.normalize import normalize

ROOT = Path(__file__).resolve().parents[3]
FORMS = ROOT / "tests" / "data" / "question_forms.tsv"
GOLD = sorted((ROOT / "eval" / "data").glob("*.jsonl")) + sorted((ROOT / "eval" / "data" / "laws").glob("*.jsonl"))
FLAGS = ("penalty", "claim")

# rows whose failure no general rule of question words can fix, and why
KNOWN = {
    "使用未经检定的计量器具有什么后果": "jieba cuts 计量器具有 as 计量器 + 具有, so no term holds 具: the domain "
    "dictionary's matter, not a question word's",
    "食品经营许可证过期了还营业会有什么后果": "the type is read from the question with the glossary's expansions "
    "(过期 adds 有效期届满), which makes a consequence question a deadline; analyse should type the question as asked",
}


def _rows() -> list[tuple[int, list[str]]]:
    rows = []
    for n, line in enumerate(FORMS.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            rows.append((n, line.split("\t")))
    return rows


def _words(cell: str) -> list[str]:
    return [] if cell == "-" else [normalize(w) for w in cell.split(",")]


class _EveryWord:
    """BM25 of a corpus in which every word occurs: no term is dropped for being absent."""

    def idf(self, term: str) -> float:
        return 1.0


class _AnyCorpus:
    bm25 = _EveryWord()
    chunks = (None,) * 100


def _tiled(word: str, terms) -> bool:
    """Is ``word`` a term, inside one, or laid end to end by terms (计量 + 器具)?"""
    if any(word in t for t in terms):
        return True
    covered = [False] * len(word)
    for t in terms:
        at = word.find(t)
        while at >= 0:
            covered[at:at + len(t)] = [True] * len(t)
            at = word.find(t, at + 1)
    return all(covered)


def _params():
    out = []
    for n, cols in _rows():
        marks = [pytest.mark.xfail(reason=KNOWN[cols[0]], strict=True)] if cols[0] in KNOWN else []
        out.append(pytest.param(*cols, id=f"line{n}", marks=marks))
    return out


@pytest.mark.parametrize("question,kind,quantity,must_be,must_not_be", _params())
def test_a_question_form_is_read_as_it_asks(question, kind, quantity, must_be, must_not_be):
    query = analyse(question)
    qtype, *flags = kind.split("+")
    problems = []
    if qtype != "*" and query.question_type.value != qtype:
        problems.append(f"type {query.question_type.value}, expected {qtype}")
    got_flags = {"penalty": asks_penalty(query.asked), "claim": asserts_claim(query.asked)}
    problems += [f"{flag} {got}" for flag, got in got_flags.items() if got != (flag in flags)]
    rule = asked_quantity(query.normalized)
    if quantity != "*" and (rule.kind if rule else "-") != quantity:
        problems.append(f"quantity {rule.kind if rule else '-'}, expected {quantity}")
    terms = question_terms(_AnyCorpus(), query)
    problems += [f"{w} is no term" for w in _words(must_be) if not _tiled(w, terms)]
    problems += [f"{w} is a term ({t})" for w in _words(must_not_be) for t in terms if t in w or w in t]
    assert not problems, f"{question}: {'; '.join(problems)}; terms {sorted(terms)}"


def test_the_forms_are_many_and_varied():
    rows = _rows()
    frames = [ln for ln in FORMS.read_text(encoding="utf-8").splitlines() if ln.startswith("# frame:")]
    questions = [cols[0] for _, cols in rows]
    assert len(rows) >= 200 and len(frames) >= 40
    assert len(questions) == len(set(questions)), "a question twice"
    types = {t.value for t in QuestionType} | {"*"}
    kinds = {r.kind for r in QUANTITY_RULES} | {"-", "*"}
    for n, cols in rows:
        assert len(cols) == 5 and all(cols), f"line {n}"
        qtype, *flags = cols[1].split("+")
        assert qtype in types and set(flags) <= set(FLAGS), f"line {n}: {cols[1]}"
        assert cols[2] in kinds, f"line {n}: {cols[2]}"
    assert set(KNOWN) <= set(questions)


def test_no_form_is_a_gold_question():
    gold = []
    for path in GOLD:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                gold += [item["question"]] if "question" in item else item.get("turns", [])
    assert gold
    asked = [normalize(g).rstrip("?？ ") for g in gold]
    for _, cols in _rows():
        form = normalize(cols[0]).rstrip("?？ ")
        assert not [g for g in asked if g in form or form in g], cols[0]
