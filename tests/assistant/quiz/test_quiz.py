"""Quizzes for trainers: deterministic items whose keys the cited quote supports, whose wrong
options it does not, rendered for students (no answers) and teachers (answers and sources)."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace

import pytest

from assistant.quiz.generate import BLANK, FALSE, TRUE, generate_quiz
from assistant.quiz.render import quiz_csv, quiz_json, quiz_markdown, write_quiz_docx
from eval.quiz_check import check_item, check_quiz, kind_of
from ingest.normalize import normalize

GANSU = "gansu-2015-quality-development-action-plan"
SHAANXI = "shaanxi-2017-comprehensive-quality-supervision"
HUNAN = "hunan-2013-product-quality-supervision"


def _plain(text: str) -> str:
    return re.sub(r"\s", "", normalize(text))


@pytest.fixture(scope="module")
def snap(corpus_index):
    return corpus_index.snapshot()


@pytest.fixture(scope="module")
def quiz(snap):
    return generate_quiz(snap, n=200, seed=0)


def test_same_seed_gives_the_same_quiz_and_another_seed_another(snap):
    first = generate_quiz(snap, n=20, seed=3)
    assert generate_quiz(snap, n=20, seed=3) == first
    other = generate_quiz(snap, n=20, seed=4)
    assert [i.fact for i in other.items] != [i.fact for i in first.items]
    assert len(first.items) == 20 and first.note == ""
    assert [i.id for i in first.items[:2]] == ["q01", "q02"]


def test_items_mix_types_and_kinds_and_test_each_fact_once(quiz):
    assert len(quiz.items) == 200
    assert {i.type for i in quiz.items} == {"mcq", "tf", "cloze"}
    assert {i.kind for i in quiz.items} == {"department", "number", "year", "duration", "term"}
    assert len({i.fact for i in quiz.items}) == len(quiz.items)


def test_every_citation_quotes_the_original_text_at_its_offsets(quiz, snap):
    for item in quiz.items:
        c = item.citation
        assert snap.text(c.doc_id)[c.start : c.end] == c.quote
        assert c.doc_id == item.fact[1] and c.title
        # one sentence (or its clauses), never running into the next
        assert not re.search("[。！？；;\n]", c.quote[:-1]), c.quote


def test_an_mcq_has_four_distinct_options_and_only_the_key_is_in_the_quote(quiz):
    mcqs = [i for i in quiz.items if i.type == "mcq"]
    assert len(mcqs) > 50
    for item in mcqs:
        assert len(item.options) == 4 and len(set(item.options)) == 4 and item.answer in item.options
        quote = normalize(item.citation.quote)
        assert [o for o in item.options if normalize(o) in quote] == [item.answer], item
        assert {kind_of(o) for o in item.options} == {item.kind}
    # the key is not always in the same place
    assert len({item.options.index(item.answer) for item in mcqs}) == 4


def test_true_false_items_are_both_and_a_false_one_names_a_unit_the_quote_does_not(quiz):
    tfs = [i for i in quiz.items if i.type == "tf"]
    answers = [i.answer for i in tfs]
    assert abs(answers.count(TRUE) - answers.count(FALSE)) <= len(tfs) * 0.2
    departments = [i for i in tfs if i.kind == "department"]
    assert {i.answer for i in departments} == {TRUE, FALSE}
    for item in departments:
        quote = normalize(item.citation.quote)
        assert normalize(item.claim) in normalize(item.question)
        if item.answer == FALSE:
            assert normalize(item.claim) not in quote, item
        else:
            assert normalize(item.claim) in quote, item
    flipped = [i for i in tfs if i.kind == "term" and i.answer == FALSE]
    assert flipped and all(normalize(i.claim) not in normalize(i.citation.quote) for i in flipped)


def test_a_cloze_blank_hides_exactly_its_answer(quiz):
    clozes = [i for i in quiz.items if i.type == "cloze"]
    assert len(clozes) > 50
    for item in clozes:
        assert item.question.count(BLANK) == 1 and item.options == ()
        assert normalize(item.answer) in normalize(item.citation.quote)
        assert normalize(item.answer) not in normalize(item.question)
        quoted = re.sub(r"”。?$", "", re.split(r"填空:“|分工为“", item.question)[-1])
        assert _plain(quoted.replace(BLANK, item.answer)) == _plain(item.citation.quote), item


def test_a_department_question_names_the_task_and_the_role(quiz, snap):
    item = next(i for i in quiz.items if i.type == "mcq" and i.fact[0] == "lead")
    role, doc_id, task, unit = item.fact
    assert f"“{task}”的牵头单位" in item.question
    lead = next(r for r in snap.records(doc_id).responsibilities if r.task == task)
    assert unit in lead.lead_units
    assert normalize(item.answer) in normalize(item.citation.quote.split("牽頭")[0].split("牵头")[0])


def test_hard_department_distractors_come_from_the_same_document(snap):
    hard = generate_quiz(snap, n=120, doc_ids=(GANSU,), types=("mcq",), difficulty="hard", seed=5)
    departments = [i for i in hard.items if i.kind == "department"]
    assert len(departments) > 50
    gansu = snap.normalized(GANSU)
    assert all(normalize(o) in gansu for i in departments for o in i.options)
    # Shaanxi names one unit only: easy distractors come from other documents, hard ones cannot
    easy = generate_quiz(snap, n=40, doc_ids=(SHAANXI,), types=("mcq",), seed=5)
    shaanxi_units = [i for i in easy.items if i.kind == "department"]
    assert shaanxi_units and any(normalize(o) not in snap.normalized(SHAANXI) for o in shaanxi_units[0].options)
    hard = generate_quiz(snap, n=40, doc_ids=(SHAANXI,), types=("mcq",), difficulty="hard", seed=5)
    assert not [i for i in hard.items if i.kind == "department"]


def test_hard_number_distractors_are_within_a_fifth_of_the_key(snap):
    hard = generate_quiz(snap, n=100, types=("mcq",), difficulty="hard", seed=2)
    numbers = [i for i in hard.items if i.kind == "number" and "—" not in i.answer]
    assert len(numbers) > 10
    for item in numbers:
        key = float(re.match(r"[\d.]+", item.answer).group(0))
        for option in item.options:
            assert abs(float(re.match(r"[\d.]+", option).group(0)) - key) <= 0.2 * key + 1e-9, item


def test_a_document_with_few_facts_gives_fewer_items_and_says_so(snap):
    quiz = generate_quiz(snap, n=50, doc_ids=(HUNAN,), seed=0)
    assert 0 < len(quiz.items) < 50 and str(len(quiz.items)) in quiz.note
    assert {i.fact[1] for i in quiz.items} == {HUNAN}
    only_cloze = generate_quiz(snap, n=10, types=("cloze",), seed=0)
    assert {i.type for i in only_cloze.items} == {"cloze"}


@pytest.mark.parametrize("kwargs", [{"n": 0}, {"types": ("essay",)}, {"difficulty": "medium"}, {"doc_ids": ("nope",)}])
def test_bad_arguments_are_refused_with_the_choices(snap, kwargs):
    with pytest.raises(ValueError):
        generate_quiz(snap, **kwargs)


def test_student_versions_hold_no_answers_and_teacher_versions_do(snap):
    quiz = generate_quiz(snap, n=12, seed=1)
    student, teacher = quiz_markdown(quiz, teacher=False), quiz_markdown(quiz, teacher=True)
    for item in quiz.items:
        assert item.question in student and item.question in teacher
        assert item.explanation not in student and item.explanation in teacher
        assert item.citation.quote in teacher
    assert "答案" not in student and teacher.count("答案：") == len(quiz.items)
    rows = list(csv.DictReader(io.StringIO(quiz_csv(quiz, teacher=True))))
    assert [r["id"] for r in rows] == [i.id for i in quiz.items]
    assert all(r["quote"] == i.citation.quote for r, i in zip(rows, quiz.items))
    assert "answer" not in next(csv.DictReader(io.StringIO(quiz_csv(quiz, teacher=False))))
    student_json, teacher_json = json.loads(quiz_json(quiz, False)), json.loads(quiz_json(quiz, True))
    assert all("answer" not in row for row in student_json["items"])
    assert [row["answer"] for row in teacher_json["items"]] == [i.answer for i in quiz.items]
    assert "甘肃" in quiz_json(quiz, True) or "广西" in quiz_json(quiz, True)  # not \u escapes


def test_docx_is_written_and_reads_back_with_the_questions(snap, tmp_path):
    import docx

    quiz = generate_quiz(snap, n=8, seed=2)
    for teacher in (False, True):
        path = write_quiz_docx(quiz, tmp_path / f"quiz-{teacher}.docx", teacher=teacher)
        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        assert all(item.question in text for item in quiz.items)
        assert ("答案" in text) is teacher


def test_sixty_items_pass_every_validity_check(snap):
    quiz = generate_quiz(snap, n=60, seed=11)
    checks = check_quiz(quiz, snap)
    assert len(checks) == 60
    assert [c.failed for c in checks if not c.passed] == []


def test_the_validity_checks_catch_broken_items(snap):
    quiz = generate_quiz(snap, n=60, seed=11)
    mcq = next(i for i in quiz.items if i.type == "mcq" and i.kind == "department")
    wrong = next(o for o in mcq.options if o != mcq.answer)
    assert not check_item(replace(mcq, answer=wrong), snap).key_supported
    swapped = replace(mcq, options=tuple(mcq.answer if o == wrong else o for o in mcq.options))
    assert not check_item(swapped, snap).distinct_options
    c = mcq.citation
    assert not check_item(replace(mcq, citation=replace(c, start=c.start + 1)), snap).citation_exact
    tf = next(i for i in quiz.items if i.type == "tf" and i.answer == FALSE)
    assert not check_item(replace(tf, answer=TRUE), snap).key_supported
    number = next(i for i in quiz.items if i.type == "cloze" and i.kind == "number")
    assert not check_item(replace(number, kind="year"), snap).same_kind
    assert not check_item(replace(number, question=number.question.replace(BLANK, number.answer)), snap).question_sound
    twice = replace(quiz, items=(mcq, replace(mcq, id="q99")))
    assert [c.unique_fact for c in check_quiz(twice, snap)] == [False, False]
