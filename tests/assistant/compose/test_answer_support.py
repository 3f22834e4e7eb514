"""Answers whose quotes hold what was asked: metadata a web page or news item states, list
answers that keep every sentence naming items, multi-part questions, and Latin codes
(issue 4, citation support)."""
from __future__ import annotations

from assistant.compose.evidence import sentence_spans
from assistant.question.kinds import asked_fields, asked_quantity
from assistant.question.terms import term_groups, weight_of
from ingest.extract.spans import sentences
from ingest.normalize import normalize


def _quoted(ans) -> str:
    return normalize("\n".join(c.quote for c in ans.citations))


def _exact(ans, assistant) -> None:
    snap = assistant.index.snapshot()
    for c in ans.citations:
        assert snap.text(c.doc_id)[c.start : c.end] == c.quote


def test_a_mojibake_middle_dot_between_digits_does_not_end_a_sentence():
    text = "深入开展质量月、3?15国际消费者权益保护日等群众性质量活动。下一句?再一句！"
    assert [text[a:b] for a, b in sentence_spans(text, 0, len(text))][0].startswith("深入开展质量月、3?15国际")
    assert text[slice(*sentences(normalize(text))[0])].endswith("群众性质量活动。")


def test_a_list_answer_keeps_every_sentence_that_names_items(assistant):
    ans = assistant.ask("广西要深入开展哪些群众性质量活动？")
    assert not ans.abstained
    quoted = _quoted(ans)
    assert "质量月" in quoted and "质量万里行" in quoted  # one sentence, not cut at 3?15
    ans = assistant.ask("甘肃要对哪些产品开展专项整治？")
    assert "农资、建材、电线电缆" in _quoted(ans)
    _exact(ans, assistant)


def test_the_publication_date_of_a_web_page_is_told_apart_from_the_signing_date(assistant):
    ans = assistant.ask("湖南这份意见在省政府门户网站上是什么时候发布的？")
    assert not ans.abstained
    assert "成文日期:2013年12月18日" in ans.answer
    assert "2013-12-31" in _quoted(ans)
    _exact(ans, assistant)


def test_where_a_document_was_published_and_to_whom_it_is_addressed(assistant):
    ans = assistant.ask("这份基层质监工作指导意见是在哪里发布的？")
    assert "官网" in _quoted(ans)
    ans = assistant.ask("质检总局这份指导意见的主送单位有哪些？")
    assert "认监委、标准委" in _quoted(ans)
    _exact(ans, assistant)


def test_the_region_of_a_document_named_by_its_title(assistant):
    ans = assistant.ask("這份貫徹實施質量發展綱要的2015年行動計畫是哪個省的?")
    assert not ans.abstained
    assert "甘肃" in _quoted(ans)


def test_a_when_question_about_something_in_a_document_is_not_a_metadata_question():
    assert asked_fields(normalize("湖南的质量工作考核结果什么时候公布,怎么用?")) == []
    assert "published" in [rule.field for rule in asked_fields(normalize("湖南这份意见在网站上是什么时候发布的?"))]
    # a day something is due (卡在哪天, 最晚哪天交) is a deadline, not the document's date
    assert asked_fields(normalize("考核办法里自评报告每年卡在哪天?")) == []
    assert asked_fields(normalize("年度质量目标最晚哪天交?")) == []
    assert "date" in [rule.field for rule in asked_fields(normalize("这份考核办法是哪天印发的?"))]
    # the document's full name, not a quoted term's
    assert "title" in [rule.field for rule in asked_fields(normalize("去年9月印发的那个质量提升方案，全称叫什么?"))]
    assert "title" not in [rule.field for rule in asked_fields(normalize("办法里说的“考核工作组”，全称叫什么?"))]
    # a document the text cites has a 文号 too: that is not this document's
    assert asked_fields(normalize("陕西这份意见是为贯彻哪两份上级文件的精神制定的?请给出文号。")) == []


def test_asking_for_the_document_numbers_a_text_cites_quotes_them(assistant):
    assert asked_quantity(normalize("请给出文号")).kind == "docno"
    ans = assistant.ask("陕西这份意见是为贯彻哪两份上级文件的精神制定的？请给出文号。")
    quoted = _quoted(ans)
    assert "中发〔2017〕24号" in quoted and "国办发〔2017〕56号" in quoted


def test_the_title_line_does_not_stand_in_for_the_answer(assistant):
    ans = assistant.ask("甘肃这份行动计划是为贯彻哪个纲要而制定的？")
    assert "2012—2020" in _quoted(ans)


def test_a_latin_code_in_a_chinese_question_is_a_term_to_find(assistant):
    ans = assistant.ask("湖南这份意见的登记编号（HNPR开头的那个）是什么？")
    assert not ans.abstained
    assert "HNPR—2013—00052" in ans.answer


def test_a_compound_and_its_parts_weigh_as_what_they_name():
    weights = {"卖出": 5.0, "出去": 4.0, "卖出去": 5.0, "涉嫌": 3.0, "犯罪": 3.0, "涉嫌犯罪": 4.0, "企业": 1.0}
    groups = term_groups(weights)
    assert groups["出去"] == "卖出去" and groups["犯罪"] == "涉嫌犯罪"
    assert weight_of(["卖出", "出去", "卖出去"], weights, groups) == 5.0  # one thing asked
    assert weight_of(["涉嫌", "犯罪", "涉嫌犯罪"], weights, groups) == 6.0  # two things asked
    assert weight_of(["犯罪", "企业"], weights, groups) == 4.0


def test_the_part_of_a_question_the_best_sentence_leaves_out_is_answered_too(assistant):
    ans = assistant.ask("广西在日常监管中发现的违法线索如果涉嫌犯罪，怎么处理？")
    assert not ans.abstained
    assert "移送公安机关" in _quoted(ans)


def test_a_colloquial_question_reaches_the_documents_words(assistant):
    ans = assistant.ask("我们是湖南的生产企业，发现卖出去的产品有缺陷，按省政府意见该怎么办？")
    assert not ans.abstained
    assert "召回" in _quoted(ans)


def test_a_compound_whose_halves_the_documents_use_is_not_an_unknown_topic(assistant):
    ans = assistant.ask("湖南质监、工商部门发现不合格产品后应当怎样处理？")
    assert not ans.abstained
    assert "约谈" in _quoted(ans)


def test_a_level_of_government_is_found_as_documents_write_it(assistant):
    ans = assistant.ask("质检总局意见里市级质监部门的工作重心是什么？")
    assert "市(地)质监" in _quoted(ans)
