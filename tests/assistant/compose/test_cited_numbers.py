"""A document whose own text states no 文号 (a page cut above its number) is cited with its number
by another loaded document: 《国务院办公厅关于印发质量工作考核办法的通知》(国办发〔2013〕47号). The
answer quotes that citation, says where it is from, and invents nothing when no document cites it.
Development documents of eval/corpora/policies only."""
from __future__ import annotations

import pytest

from assistant import Assistant

FUJIAN = "福建-2014-质量工作考核办法"  # cites the national 办法 with its 文号 in 第一条
NATIONAL = "国务院办公厅-2013-质量工作考核办法"  # the page opens at its byline: no 文号
SHANGHAI = "上海-2018-质量认证体系建设实施方案"


@pytest.fixture(scope="module")
def pages(policy_pages) -> Assistant:
    return policy_pages(FUJIAN, NATIONAL, SHANGHAI)


@pytest.mark.parametrize("question", [
    "国务院办公厅印发质量工作考核办法的那个通知,文号是什么?",
    "国家的质量工作考核办法,文号是多少?",
])
def test_the_number_is_taken_from_the_document_that_cites_it(pages, question):
    answer = pages.ask(question)
    assert "国办发〔2013〕47号" in answer.answer, answer.answer
    cited = answer.citations[0]
    assert cited.doc_id == FUJIAN and "国办发〔2013〕47号" in cited.quote
    assert pages.index.snapshot().text(FUJIAN)[cited.start:cited.end] == cited.quote
    assert "引用" in answer.answer  # the user is told the number is not the page's own


def test_without_a_citing_document_the_answer_says_the_text_states_none(policy_pages):
    alone = policy_pages(NATIONAL, SHANGHAI)
    answer = alone.ask("国务院办公厅印发质量工作考核办法的那个通知,文号是什么?")
    assert "〔2013〕" not in answer.answer and "没有写明文号" in answer.answer, answer.answer


def test_a_document_stating_its_own_number_is_answered_with_it(pages):
    answer = pages.ask("福建的质量工作考核办法文号是多少?")
    assert "闽政办〔2014〕" in answer.answer and answer.citations[0].doc_id == FUJIAN, answer.answer


def test_a_cited_title_named_in_the_question_is_answered_with_its_own_number(pages):
    """国务院关于印发质量发展纲要的通知 is not loaded; 福建's 办法 cites it with its number, which is
    the answer, not the number of a loaded national document."""
    answer = pages.ask("国务院关于印发质量发展纲要的通知,文号是多少?")
    assert "国发〔2012〕9号" in answer.answer and answer.citations[0].doc_id == FUJIAN, answer.answer
