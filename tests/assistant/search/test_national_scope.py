"""国家 named as a province is named (国家的考核办法, 国家和福建的…), a document without a title
named by its file's name, a region written before a title asking for that region's own document,
and a comparison with one row per place compared. Development documents of eval/corpora/policies
only."""
from __future__ import annotations

import pytest

from assistant import Assistant

NATIONAL = "国务院办公厅-2013-质量工作考核办法"  # its text starts at 第一条: no title line
FUJIAN = "福建-2014-质量工作考核办法"
DOCS = (NATIONAL, FUJIAN, "质检总局-2006-加快实施名牌战略的意见", "安徽-2013-质量发展纲要")


@pytest.fixture(scope="module")
def policies(policy_pages) -> Assistant:
    return policy_pages(*DOCS)


def _cited(answer) -> set[str]:
    return {c.doc_id for c in answer.citations}


def test_a_comparison_of_the_nation_and_a_province_has_one_row_each_from_its_own_document(policies):
    """Three national documents are indexed: the row for 国家 is the national 考核办法's, and each
    row quotes its own lead unit (it used to leave 福建's row 未涉及, or to fill it with the notice's
    transmittal sentence)."""
    answer = policies.ask("国家和福建的质量工作考核办法,分别由哪个部门牵头组织考核?")
    assert not answer.abstained
    rows = [line for line in answer.answer.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 2, answer.answer
    assert _cited(answer) == {NATIONAL, FUJIAN}
    national_row = next(r for r in rows if r.startswith("| 全国"))
    fujian_row = next(r for r in rows if r.startswith("| 福建"))
    assert "国家质量监督检验检疫总局牵头" in national_row
    assert "由省质监局牵头" in fujian_row


def test_the_nation_named_like_a_region_narrows_to_national_documents(policies):
    answer = policies.ask("国家的质量工作考核结果分几个等级?")
    assert not answer.abstained
    assert _cited(answer) == {NATIONAL}, answer.answer
    assert "考核结果分4个等级" in answer.answer


def test_a_document_without_a_title_is_named_by_its_files_name(policies):
    """The national rules' text names itself only 本办法; its file is named 国务院办公厅-2013-
    质量工作考核办法, and a question naming 国务院办公厅质量工作考核办法 is answered from it."""
    answer = policies.ask("国务院办公厅质量工作考核办法规定考核结果分几个等级?")
    assert not answer.abstained
    assert _cited(answer) == {NATIONAL}, answer.answer


def test_a_region_before_a_title_asks_for_that_regions_own_document(policies):
    """安徽省的质量工作考核办法 is not the national 质量工作考核办法 (the 安徽 rules are not indexed
    here): the national rules are never quoted as 安徽's."""
    answer = policies.ask("安徽省的质量工作考核办法里,考核结果分几个等级?")
    assert NATIONAL not in _cited(answer), answer.answer

