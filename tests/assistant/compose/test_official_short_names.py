"""How officials name bodies and acts in chat (省政府 for 省人民政府, 质检总局 for 国家质量监督检验检疫总局,
经 for 经过, 摆在 for 放在), several bodies that issued a page together, and a national body a
report goes to, which names no document of its own. Development documents of
eval/corpora/policies only."""
from __future__ import annotations

import pytest

from assistant import Assistant

FUJIAN = "福建-2014-质量工作考核办法"
NATIONAL = "国务院办公厅-2013-质量工作考核办法"
BRAND = "质检总局-2006-加快实施名牌战略的意见"  # issued by 质检总局: the body a question may name
GANSU = "甘肃-2018-质量提升行动实施方案"
DONGTOU = "洞头-2021-质量强区十四五发展规划"
SHANGHAI = "上海-2018-质量认证体系建设实施方案"
GUIZHOU = "贵州-2015-质量发展三年行动计划"


@pytest.fixture(scope="module")
def pages(policy_pages) -> Assistant:
    return policy_pages(FUJIAN, NATIONAL, BRAND, GANSU, DONGTOU, SHANGHAI, GUIZHOU)


def test_a_claim_naming_the_provincial_government_by_its_short_name_is_confirmed(pages):
    answer = pages.ask("福建的考核办法是经省政府同意后印发的吧?")
    assert not answer.abstained and not answer.answer.startswith("不对"), answer.answer
    assert "已经省人民政府同意" in answer.citations[0].quote


def test_a_claim_naming_another_body_is_not_confirmed(pages):
    answer = pages.ask("福建的考核办法是经国务院同意后印发的吧?")
    assert answer.abstained or answer.answer.startswith("不对"), answer.answer


def test_a_body_a_report_goes_to_does_not_narrow_the_question_to_its_own_documents(pages):
    """报送质检总局: 质检总局 is where the report goes, not the issuer of the document asked."""
    answer = pages.ask("各省的自评报告在几月几日前报送质检总局?")
    assert not answer.abstained and "7月15日前" in answer.answer, answer.answer
    assert all(c.doc_id == NATIONAL for c in answer.citations)


def test_a_body_that_issued_the_document_still_names_it(pages):
    from assistant.search.retrieve import _names_body

    assert _names_body("质检总局印发的名牌战略意见", "质检总局")
    assert not _names_body("自评报告报送质检总局", "质检总局") and not _names_body("向质检总局备案", "质检总局")


@pytest.mark.parametrize("question", ["洞头这份规划是哪几个单位联合印发的?", "洞头质量强区规划由哪两个部门共同发布的?"])
def test_bodies_that_issued_a_page_together_are_its_issuers(pages, question):
    answer = pages.ask(question)
    assert "温州市洞头区发展和改革局" in answer.answer and "温州市洞头区市场监督管理局" in answer.answer, answer.answer


def test_a_claim_in_other_words_for_put_is_confirmed_and_a_wrong_one_is_not(pages):
    held = pages.ask("甘肃方案说要把质量强省战略摆在更加突出的位置,对吧?")
    assert not held.abstained and "将质量强省战略放在更加突出的位置" in held.citations[0].quote
    wrong = pages.ask("甘肃方案说要把质量强省战略摆在次要位置,对吧?")
    assert wrong.abstained or wrong.answer.startswith("不对"), wrong.answer


def test_a_word_joined_from_question_words_is_no_term_of_a_claim(pages):
    """jieba joins 讲 + 要 (the asker's report of what a document says) into 讲要, a word no
    document holds: it is how the asker speaks, not what the claim is about."""
    from assistant.question.analyse import analyse
    from assistant.question.terms import question_terms

    query = analyse("甘肃那个方案讲要把质量工作摆到重要位置,对吧?")
    assert "讲要" in query.asked_tokens
    terms = question_terms(pages.index.snapshot(), query)
    assert "讲要" not in terms and "质量" in terms


def test_a_byline_in_brackets_above_the_articles_names_the_issuer(pages):
    """The page opens (国务院办公厅 — its closing bracket lost where the page was cut — then 第一条."""
    assert pages.index.snapshot().docs[NATIONAL].meta.issuer == "国务院办公厅"
    answer = pages.ask("国家那个质量工作考核办法是哪个机关发布的?")
    assert "国务院办公厅" in answer.answer and answer.citations[0].doc_id == NATIONAL, answer.answer


@pytest.mark.parametrize("question, said", [
    ("上海认证体系实施方案提出打响上海“五大品牌”,是吗?", "四大"),  # a count written into a word
    ("质检总局的名牌战略意见是贯彻十六届六中全会精神的吧?", "五中全会"),  # an ordinal
    ("福建考核办法里引用的质量强省意见文号是闽政〔2011〕80号吧?", "闽政〔2011〕79号"),  # a cited 文号
    ("福建考核办法依据的国务院办公厅通知是国办发〔2013〕74号吧?", "“国办发〔2013〕47号”"),  # its code whole
])
def test_a_claim_numbering_a_thing_otherwise_than_the_text_is_corrected(pages, question, said):
    answer = pages.ask(question)
    assert answer.answer.startswith("不对") and said in answer.answer, answer.answer


def test_a_claim_numbering_a_thing_as_the_text_does_is_not_corrected(pages):
    answer = pages.ask("上海认证体系实施方案提出打响上海“四大品牌”,是吗?")
    assert not answer.abstained and not answer.answer.startswith("不对"), answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("贵州三年行动计划是省政府办公厅发的,是吧?", "不对"),  # 贵州省人民政府 signed it
    ("贵州三年行动计划是省政府发的,是吧?", "是"),  # 省政府 is 省人民政府
])
def test_a_claim_of_the_issuer_by_a_short_name_is_checked(pages, question, verdict):
    answer = pages.ask(question)
    assert answer.answer.startswith(verdict), answer.answer


def test_who_is_to_carry_out_a_transmitted_document_names_the_notices_addressees(pages):
    """现将《…》印发给你们,请结合实际,认真组织实施: 你们 are the salutation line's 各相关部门, cited there."""
    answer = pages.ask("洞头这份质量强区规划下发后由哪些单位负责实施?")
    assert "各相关部门" in answer.answer, answer.answer
    (line,) = [c for c in answer.citations if "各相关部门" in c.quote]
    assert pages.index.snapshot().text(line.doc_id)[line.start:line.end] == line.quote


def test_a_transmittal_without_a_salutation_line_adds_no_addressees(pages):
    answer = pages.ask("贵州三年行动计划印发后由谁负责贯彻执行?")
    assert "主送" not in answer.answer, answer.answer
