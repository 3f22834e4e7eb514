"""Answers: exact citations, the facts users ask for, and abstention."""
from __future__ import annotations

import pytest

from assistant import Filters
from ingest.loaders import load
from ingest.normalize import to_simplified

ANSWERABLE = [
    ("广西制造业产品质量合格率的目标是多少?", "guangxi-13th-five-year-quality-plan", ["93%"]),
    ("甘肃政府质量奖评选由哪个部门牵头?", "gansu-2015-quality-development-action-plan", ["省质监局", "牵头"]),
    ("陕西对第三方机构有什么要求?", "shaanxi-2017-comprehensive-quality-supervision", ["第三方"]),
    ("知识产权保护有什么措施?", "gansu-2015-quality-development-action-plan", ["知识产权"]),
    ("基层质监部门履职所需经费怎么保障?", "aqsiq-2016-grassroots-quality-supervision", ["经费"]),
]


@pytest.mark.parametrize("question,doc_id,facts", ANSWERABLE)
def test_answers_cite_the_right_document_with_exact_quotes(assistant, corpus_dir, question, doc_id, facts):
    ans = assistant.ask(question)
    assert not ans.abstained, ans.answer
    assert ans.citations[0].doc_id == doc_id
    # every sentence of the answer ends with a citation marker, and every marker has a citation
    for c in ans.citations:
        assert f"[{c.n}]" in ans.answer
    for fact in facts:
        assert fact in to_simplified(ans.answer), (fact, ans.answer)
    for c in ans.citations:
        original = load(corpus_dir / f"{c.doc_id}.txt").text
        assert original[c.start : c.end] == c.quote
        assert c.quote in ans.answer  # the quote is shown in the document's own script


def test_single_fact_answers_are_short(assistant):
    ans = assistant.ask("广西制造业产品质量合格率的目标是多少?")
    body = ans.answer
    for c in ans.citations:
        body = body.replace(f" [{c.n}]", "")
    assert len(body) <= 300


def test_traditional_documents_are_quoted_in_their_own_script(assistant):
    ans = assistant.ask("甘肃政府质量奖评选由哪个部门牵头?")
    assert "省質監局" in ans.answer  # not converted to 省质监局
    assert any(c.section.startswith("一、完善質量發展市場機制") for c in ans.citations)


@pytest.mark.parametrize(
    "question,reason_part",
    [
        ("广东省的产品质量监督抽查怎么做?", "广东"),
        ("个人所得税的起征点是多少?", "所得税"),
        ("《产品质量监督抽查管理暂行办法》对抽样有哪些要求?", "产品质量监督抽查管理暂行办法"),
    ],
)
def test_abstains_and_points_to_what_the_corpus_covers(assistant, question, reason_part):
    ans = assistant.ask(question)
    assert ans.abstained
    assert ans.citations == []
    assert reason_part in ans.reason
    assert "现有文件不足以回答" in ans.answer
    assert ans.suggestions and any("湖南" in s or "甘肃" in s or "陕西" in s for s in ans.suggestions)


def test_filters_restrict_the_documents(assistant):
    ans = assistant.ask("企业主体责任有哪些要求?", filters=Filters(doc_ids=("hunan-2013-product-quality-supervision",)))
    assert ans.citations and {c.doc_id for c in ans.citations} == {"hunan-2013-product-quality-supervision"}
    ans = assistant.ask("企业主体责任有哪些要求?", filters=Filters(regions=("陕西",)))
    assert {c.doc_id for c in ans.citations} == {"shaanxi-2017-comprehensive-quality-supervision"}


def test_follow_up_is_resolved_against_the_previous_turn(assistant):
    from assistant import Turn

    first = assistant.ask("甘肃政府质量奖评选由哪个部门牵头?")
    follow = assistant.ask("那配合的部门呢?", history=[Turn("甘肃政府质量奖评选由哪个部门牵头?", first)])
    assert "甘肃" in follow.standalone_question
    assert not follow.abstained and "配合" in to_simplified(follow.answer)


def test_a_document_cited_inside_the_corpus_is_not_refused(assistant):
    # 《质量发展纲要》 is not in the corpus, but the Gansu plan implements it and says so
    ans = assistant.ask("《质量发展纲要》在甘肃是怎样贯彻实施的?")
    assert not ans.abstained and ans.citations


def test_region_follow_up_asks_the_same_question_of_another_region(assistant):
    from assistant import Turn

    first = assistant.ask("湖南对企业落实产品质量主体责任有什么要求?")
    follow = assistant.ask("陕西呢?", history=[Turn("湖南对企业落实产品质量主体责任有什么要求?", first)])
    assert follow.standalone_question == "陕西对企业落实产品质量主体责任有什么要求?"
    assert follow.citations and follow.citations[0].doc_id.startswith("shaanxi")


@pytest.mark.parametrize(
    "question,quote",
    [
        ("湖南这份意见的文号是什么?", "湘政发〔2013〕40号"),
        ("质检总局的指导意见是哪天印发的?", "2016年5月24日"),
        ("陕西的意见是由哪个机关发布的?", "陜西省人民政府"),
    ],
)
def test_metadata_questions_cite_the_line_that_states_it(assistant, question, quote):
    ans = assistant.ask(question)
    assert not ans.abstained and ans.citations[0].quote == quote and quote in ans.answer
    text = assistant.index.snapshot().text(ans.citations[0].doc_id)
    assert text[ans.citations[0].start : ans.citations[0].end] == quote


def test_metadata_the_document_does_not_state_is_refused(assistant):
    ans = assistant.ask("甘肃行动计划的文号是什么?")
    assert ans.abstained and "文号" in ans.reason


def test_english_question_reaches_the_chinese_passage(assistant):
    ans = assistant.ask("What was the pass rate of the 2014 provincial supervision spot checks in Guangxi?")
    assert not ans.abstained and "91.3%" in ans.answer
    assert ans.citations[0].doc_id == "guangxi-13th-five-year-quality-plan"


def test_glossary_links_everyday_words_to_the_documents_terms(assistant):
    from assistant.question.analyse import analyse

    assert "特种设备" in analyse("电梯安全谁来管?").normalized
    assert "质量技术监督局" in analyse("省质监局负责什么?").normalized
    ans = assistant.ask("基层电梯安全监管有什么要求?")
    assert not ans.abstained and "特种设备" in ans.answer


def test_a_plan_of_another_year_is_corrected_to_the_year_the_corpus_holds(assistant):
    ans = assistant.ask("2025年甘肃质量发展行动计划的重点任务是什么?")
    assert ans.abstained and "2025" in ans.reason
    assert "前提与文件不符" in ans.answer and "2015" in ans.answer
    assert ans.suggestions
