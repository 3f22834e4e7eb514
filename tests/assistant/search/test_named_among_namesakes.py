"""A document named by region and title among documents of the same title (福建的质量工作考核办法,
beside the national 质量工作考核办法) is the region's, and its title's words are no part of what is
asked (考核年度 is found whole, not 质量工作); a body that issued a document the text is based on
(依据的国务院办公厅文件) is asked about, not a filter; a place asked of a body the text names
(由哪里的市场监管部门处理) is no question about where the document is from."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pages(policy_pages):
    return policy_pages("国务院办公厅-2013-质量工作考核办法", "福建-2014-质量工作考核办法")


def test_a_region_before_a_shared_title_names_its_own_document(pages):
    answer = pages.ask("福建的质量工作考核办法里，考核年度是怎么算的？")
    assert answer.citations[0].doc_id == "福建-2014-质量工作考核办法"
    assert "每年1月1日至当年12月31日为一个考核年度" in answer.citations[0].quote


def test_the_issuer_of_a_document_it_is_based_on_is_asked_about(pages):
    answer = pages.ask("福建考核办法依据的国务院办公厅文件是几号文?")
    assert not answer.abstained, answer.answer
    assert "国办发〔2013〕47号" in answer.citations[0].quote


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("市场监督管理投诉举报处理暂行办法(2022-03-24).md", "药品管理法(2019-08-26).md")


def test_the_place_of_a_body_is_asked_of_the_text_not_of_the_document(laws):
    answer = laws.ask("投诉举报处理暂行办法规定，举报由哪里的市场监管部门处理？")
    assert not answer.abstained, answer.answer
    assert any("举报由被举报行为发生地的县级以上市场监督管理部门处理" in c.quote for c in answer.citations)


def test_a_penalty_question_is_answered_by_the_plain_case_before_the_graver_one(laws):
    answer = laws.ask("药品管理法对生产、销售劣药怎么处罚？")
    assert answer.citations[0].quote.startswith("第一百一十七条 生产、销售劣药的"), answer.answer
