"""Who does an act (由谁来调整?) asked of a document whose sentences name no doer for it is
declined, saying the document does not say; a task the document gives a lead is answered.
Development pages of eval/corpora/policies."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def pages(policy_pages):
    return policy_pages("国务院办公厅-2013-质量工作考核办法", "安徽-2013-质量发展纲要")


def test_who_does_an_act_no_sentence_gives_to_anyone_is_declined(pages):
    """第四条 says the indicators 可根据年度质量工作进展适当调整 and names no one."""
    answer = pages.ask("国务院办公厅的考核办法里，相关考核指标及分值由谁来调整?")
    assert answer.abstained and "没有写明由哪个部门调整" in answer.reason, answer.answer


def test_a_doer_the_document_names_is_answered(pages):
    led = pages.ask("国务院办公厅的考核办法里，考核工作由哪个部门牵头?")
    assert not led.abstained and any("国家质量监督检验检疫总局牵头" in c.quote for c in led.citations)
    # a notice's 印发给你们 names its addressees as the doers
    sent = pages.ask("安徽质量发展纲要印发以后，由哪些单位来贯彻执行?")
    assert not sent.abstained, sent.answer
