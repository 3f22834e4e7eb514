"""A rate asked (…合格率要达到多少?) is answered only by a clause that names the indicator asked:
a sentence giving another indicator's figure (…抽查合格率…不断提升，…验收合格率保持100%) is quoted as
what the document says, with the answer that it sets no figure. Development documents of
eval/corpora/policies only."""
from __future__ import annotations

import pytest

from assistant import Assistant

ANHUI = "安徽-2018-质量提升行动实施意见"
GUIZHOU = "贵州-2015-质量发展三年行动计划"


@pytest.fixture(scope="module")
def policies(policy_pages) -> Assistant:
    return policy_pages(ANHUI, GUIZHOU, "吉林-2012-质量强省战略意见")


def test_a_rate_the_document_sets_no_figure_for_is_declined_with_the_sentence_that_names_it(policies):
    """The 安徽 质量提升 goals say 产品质量监督抽查合格率…不断提升 and give 100% to 大中型工程质量一次验收合格率."""
    answer = policies.ask("安徽到2020年产品质量监督抽查合格率要达到多少?")
    assert answer.abstained
    assert "没有规定具体的比例" in answer.answer
    assert any("产品质量监督抽查合格率" in c.quote and c.doc_id == ANHUI for c in answer.citations)


def test_a_rate_another_indicators_figures_stand_next_to_is_declined(policies):
    """贵州 gives figures for 工业产品 and 食品 抽查合格率; the page stops before 主要农产品's."""
    answer = policies.ask("贵州主要农产品质量安全监测合格率的目标是多少?")
    assert answer.abstained and "没有规定具体的比例" in answer.answer


def test_a_rate_the_clause_states_is_answered(policies):
    answer = policies.ask("贵州的食品监督抽查合格率要达到多少?")
    assert not answer.abstained
    assert "食品监督抽查合格率逐年达到91%、92%、93%" in answer.answer
    assert {c.doc_id for c in answer.citations} == {GUIZHOU}
