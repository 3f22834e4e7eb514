"""A question names a city or a province (issue 19): a city's question is answered from that city's
documents, a province's question from the province's and its cities' documents. Development
documents of eval/corpora/policies only."""
from __future__ import annotations


import pytest

from assistant import Assistant

DOCS = ("德州-2021-好品山东质量强市和品牌战略实施意见", "洞头-2021-质量强区十四五发展规划", "安徽-2018-质量提升行动实施意见",
        "吉林-2012-质量强省战略意见")


@pytest.fixture(scope="module")
def policies(policy_pages) -> Assistant:
    return policy_pages(*DOCS)


def _cited(answer) -> set[str]:
    return {c.doc_id for c in answer.citations}


def test_a_city_question_is_answered_from_that_citys_document(policies):
    answer = policies.ask("德州到2025年要新增几家省长质量奖企业?")
    assert not answer.abstained and _cited(answer) == {"德州-2021-好品山东质量强市和品牌战略实施意见"}
    assert "1家以上" in answer.answer


@pytest.mark.parametrize("question", ["德州到2020年的质量工作目标是什么?", "洞头要求到2020年质量总体水平显著提升吗?"])
def test_a_city_question_is_never_answered_from_another_provinces_document(policies, question):
    """Only 安徽's document sets goals for 2020 (到2020年,供给质量明显改善…): asked of 德州 or 洞头,
    it used to be the answer; now the place's own document is searched, and it states none."""
    answer = policies.ask(question)
    assert "安徽-2018-质量提升行动实施意见" not in _cited(answer)
    assert answer.abstained and "2020" in answer.reason


def test_a_province_question_covers_its_cities_documents(policies):
    answer = policies.ask("山东到2025年要新增几家省长质量奖企业?")  # the 德州 document is 山东's too
    assert not answer.abstained and _cited(answer) == {"德州-2021-好品山东质量强市和品牌战略实施意见"}


def test_a_county_is_named_by_its_short_name(policies):
    answer = policies.ask("洞头的质量强区规划是哪两个单位印发的?")
    assert not answer.abstained and _cited(answer) == {"洞头-2021-质量强区十四五发展规划"}
