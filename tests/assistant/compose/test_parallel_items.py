"""A list whose items are parallel clauses of one sentence (坚持…；坚持…；坚持…；坚持…), of which
search finds one or two: a list question quotes the whole run, each clause cited; a question on
one clause is answered by that clause alone. The 贵州 page of eval/corpora/policies (dev);
questions written for this test."""
from __future__ import annotations

import pytest

RUN = ("坚持政府引导、市场主导", "坚持以质取胜、创新驱动", "坚持质量监管、社会共治", "坚持以人为本、质量惠民")


@pytest.fixture(scope="module")
def pages(policy_pages):
    return policy_pages("贵州-2015-质量发展三年行动计划", "甘肃-2018-质量提升行动实施方案")


def test_a_list_question_quotes_every_parallel_clause(pages):
    answer = pages.ask("贵州质量发展行动计划强调坚持哪些东西?")
    quotes = [c.quote for c in answer.citations]
    assert all(any(q.startswith(item) for q in quotes) for item in RUN), quotes


def test_a_question_on_one_clause_is_answered_by_it_alone(pages):
    answer = pages.ask("贵州的计划里，坚持质量监管、社会共治是为了什么?")
    assert answer.citations[0].quote.startswith("坚持质量监管、社会共治")
    assert not any(c.quote.startswith("坚持以人为本") for c in answer.citations)
