"""Two-turn dialogues over development documents: 那举报呢? after a question about 投诉 asks it of
举报 (the documents name them together: 投诉举报), not of the title the two stand in; 福建的呢?
after a question about the national 考核办法 is answered from 福建's, and so is 福建的呢？A级要多少分？; …跟国务院办公厅的一样吗？
compares with the document asked before; a graver case asked in a
follow-up (情节严重的呢?) keeps the act of the first question."""
from __future__ import annotations

import pytest

from assistant.assistant import Turn


def _dialogue(assistant, *questions):
    history: list[Turn] = []
    for q in questions:
        answer = assistant.ask(q, history=history)
        history.append(Turn(q, answer))
    return history[-1].answer


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("市场监督管理投诉举报处理暂行办法(2022-03-24).md", "药品管理法(2019-08-26).md", "商标法(2019-04-23).md")


def test_a_follow_up_naming_a_word_of_the_same_kind_asks_the_question_of_it(laws):
    answer = _dialogue(laws, "投诉举报处理暂行办法规定，投诉由哪里的市场监管部门处理？", "那举报呢？")
    assert "举报由哪里的市场监管部门处理" in answer.standalone_question
    assert "投诉举报处理暂行办法" in answer.standalone_question  # the title is not changed
    assert any("举报由被举报行为发生地的县级以上市场监督管理部门处理" in c.quote for c in answer.citations), answer.answer


def test_a_graver_case_asked_after_keeps_the_act(laws):
    answer = _dialogue(laws, "药品管理法规定，药品标签未按规定注明相关信息的，怎么处罚？", "情节严重的呢？")
    assert any("吊销药品注册证书" in c.quote for c in answer.citations), answer.answer


@pytest.fixture(scope="module")
def pages(policy_pages):
    return policy_pages("国务院办公厅-2013-质量工作考核办法", "福建-2014-质量工作考核办法", "贵州-2015-质量发展三年行动计划")


def test_a_follow_up_naming_another_region_is_answered_from_its_document(pages):
    answer = _dialogue(pages, "国务院办公厅的质量工作考核办法里，考核年度是怎么算的？", "福建的呢？")
    assert answer.citations and answer.citations[0].doc_id == "福建-2014-质量工作考核办法"
    assert "每年1月1日至当年12月31日为一个考核年度" in answer.citations[0].quote


def test_a_follow_up_opening_with_another_region_then_asking_more_is_answered_from_its_document(pages):
    """福建的呢？A级要多少分？: the first sentence swaps the region, the second asks within it."""
    answer = _dialogue(pages, "国务院办公厅的质量工作考核办法里，考核结果有几个等级？", "福建的呢？A级要多少分？")
    assert any(c.doc_id == "福建-2014-质量工作考核办法" and "A级(90分及以上)" in c.quote for c in answer.citations), answer.answer


def test_a_comparison_with_what_the_question_before_was_about_compares_both(pages):
    answer = _dialogue(pages, "国务院办公厅的质量工作考核办法，考核对象是谁？", "福建的考核对象跟国务院办公厅的一样吗？")
    quotes = {c.doc_id: c.quote for c in answer.citations}
    assert "各设区市人民政府" in quotes.get("福建-2014-质量工作考核办法", ""), answer.answer
    assert "各省、自治区、直辖市人民政府" in quotes.get("国务院办公厅-2013-质量工作考核办法", ""), answer.answer

