"""Answers an official can check: shaped by question type, every line cited, and abstentions or
corrections when the documents do not support the question (issue 4)."""
from __future__ import annotations

import re

import pytest

from assistant.assistant import Filters, Turn
from ingest.normalize import normalize

CITE = re.compile(r"\[(\d+)\]")


def _checkable(ans, assistant):
    """Every citation quotes the original text at its offsets; every [n] exists; every line of
    an answer carries a citation (table headers and rules excepted)."""
    snap = assistant.index.snapshot()
    for c in ans.citations:
        assert snap.text(c.doc_id)[c.start : c.end] == c.quote
    numbers = {c.n for c in ans.citations}
    for line in ans.answer.splitlines():
        if line.startswith("最接近的文件") or line.startswith("|---") or line == "| 文件 | 内容 |":
            continue
        found = {int(n) for n in CITE.findall(line)}
        assert found <= numbers, (line, numbers)
        if not ans.abstained:
            assert found, f"uncited line: {line}"


def test_responsibility_names_lead_and_cooperating_units_of_the_right_task(assistant):
    ans = assistant.ask("甘肃检验检测机构整合由哪些单位牵头？")
    assert not ans.abstained
    assert "牵头:省编办、省质监局" in ans.answer
    assert "配合:省发展改革委、省科技厅、省工信委、省财政厅、省政府国资委" in ans.answer
    quotes = [c.quote for c in ans.citations]
    assert "(二十三)推進檢驗檢測機構整合" in quotes  # the task, in the document's own script
    assert any(q.startswith("(省編辦、省質監局牽頭") for q in quotes)
    _checkable(ans, assistant)


def test_a_false_lead_in_the_question_is_corrected_with_the_source(assistant):
    ans = assistant.ask("甘肃行动计划中质量奖励制度由省政府办公厅牵头，配合单位有哪些？")
    assert ans.abstained  # the question as asked has no answer
    assert "前提" in ans.answer and "不是由省政府办公厅牵头" in ans.answer
    assert "由省质监局牵头" in ans.answer
    assert any("省質監局牽頭" in c.quote for c in ans.citations)
    _checkable(ans, assistant)


def test_a_task_the_document_mentions_but_does_not_assign_gets_no_units(assistant):
    """质量强省 is in the Gansu plan's preamble only; the nearest assigned task (民众性质量活动)
    is another task, so its lead unit is not the answer."""
    ans = assistant.ask("甘肃省谁牵头开展质量强省活动?")
    assert ans.abstained
    assert "质量强省" in ans.answer and "牵头:" not in ans.answer
    assert any("大力推進質量強省戰略" in c.quote for c in ans.citations)  # where the topic is mentioned
    _checkable(ans, assistant)


def test_a_taiwan_term_for_the_task_still_finds_it(assistant):
    """The Gansu plan writes 民眾性質量活動 (Taiwan usage) for 群众性质量活动."""
    ans = assistant.ask("甘肃省谁牵头开展群众性质量活动?")
    assert not ans.abstained
    assert "牵头:省质监局" in ans.answer
    assert any(c.quote == "(二十二)廣泛開展民眾性質量活動" for c in ans.citations)
    _checkable(ans, assistant)


def test_a_question_naming_two_regions_is_answered_from_both(assistant):
    ans = assistant.ask("湖南和甘肃都提到了哪个群众性质量活动？")
    docs = {c.doc_id.split("-")[0] for c in ans.citations}
    assert {"hunan", "gansu"} <= docs
    assert "质量月" in ans.answer
    _checkable(ans, assistant)


@pytest.mark.parametrize(
    "question, label",
    [
        ("湖南的文件要求企业在发现产品缺陷后多少天内完成召回？", "期限"),
        ("西安地铁“问题电缆”事件的涉事企业被罚了多少钱？", "金额"),
        ("广西对“淘宝工厂”每年要检查几次？", "频次"),
    ],
)
def test_a_figure_the_documents_do_not_give_is_not_invented(assistant, question, label):
    ans = assistant.ask(question)
    assert ans.abstained
    assert f"没有规定具体的{label}" in ans.reason
    assert ans.citations, "the nearest sentence is quoted so the user sees what the document does say"
    _checkable(ans, assistant)


def test_a_figure_the_documents_give_is_answered(assistant):
    ans = assistant.ask("广西要在产值过百亿的企业中培育多少个全国及世界知名品牌？")
    assert not ans.abstained
    assert "3—5个" in ans.answer


@pytest.mark.parametrize(
    "question, reason",
    [
        ("2019年甘肃质量发展行动计划新增了哪些任务？", "2019"),
        ("國家質檢總局2020年發布的基層質監工作意見有哪些新要求?", "2020"),
        ("广西“十四五”质量规划的制造业产品质量合格率目标是多少？", "十四五"),
        ("《陕西省质量促进条例》第十条规定了什么？", "陕西省质量促进条例"),
        ("广西对网约车的服务质量有什么监管要求？", "网约车"),
        ("天津市对电动自行车产品质量有什么专项整治要求？", "天津"),
    ],
)
def test_questions_the_corpus_cannot_answer_are_declined_with_a_reason(assistant, question, reason):
    ans = assistant.ask(question)
    assert ans.abstained
    assert reason in ans.reason
    assert ans.suggestions  # what the corpus does cover


def test_the_2020_premise_is_corrected_with_the_real_date(assistant):
    ans = assistant.ask("國家質檢總局2020年發布的基層質監工作意見有哪些新要求?")
    assert ans.abstained and "2016年5月24日" in ans.answer
    assert [c.quote for c in ans.citations] == ["2016年5月24日"]


def test_comparison_is_a_table_with_one_cited_row_per_document(assistant):
    ans = assistant.ask("质检总局和甘肃在特种设备监管上各自突出什么？")
    rows = [ln for ln in ans.answer.splitlines() if ln.startswith("|") and not ln.startswith("|---")][1:]
    assert len(rows) == 2
    assert "电梯" in rows[0] and "全国" in rows[0]
    assert "公眾聚集場所" in rows[1] and "甘肃" in rows[1]
    assert {c.doc_id for c in ans.citations} == {
        "aqsiq-2016-grassroots-quality-supervision",
        "gansu-2015-quality-development-action-plan",
    }
    _checkable(ans, assistant)


def test_list_of_a_section_gives_its_items(assistant):
    ans = assistant.ask("质检总局提出的加强基层质监工作的指导原则有哪几条？")
    items = [ln for ln in ans.answer.splitlines() if ln.startswith("- ")]
    assert [normalize(i)[:6] for i in items] == ["- ——改革", "- ——依法", "- ——以人"]
    _checkable(ans, assistant)


def test_a_time_requirement_shows_the_documents_own_date(assistant):
    ans = assistant.ask("湖南要求到什么时候完成黑名单制度？")
    assert not ans.abstained
    assert "2013年12月18日" in ans.answer
    assert any(c.quote == "2013年12月18日" for c in ans.citations)
    _checkable(ans, assistant)


def test_several_document_fields_in_one_question(assistant):
    ans = assistant.ask("陕西这份关于加强全面质量监管的意见是哪个机关发的？落款日期是哪天？")
    assert "陜西省人民政府" in ans.answer and "2017年12月24日" in ans.answer
    assert [c.quote for c in ans.citations] == ["陜西省人民政府", "2017年12月24日"]


def test_a_referenced_documents_number_is_not_taken_for_the_documents_own(assistant):
    ans = assistant.ask("甘肃加强计量工作所依据的省政府实施意见文号是什么？")
    assert not ans.abstained
    assert "甘政發〔2014〕114號" in ans.answer


@pytest.mark.parametrize(
    "first, follow_up, standalone_has, answer_has",
    [
        ("質檢總局的意見要求突出哪些特種設備的監管?", "甘肅呢?", "甘肃", "公眾聚集場所"),
        ("甘肃质量奖励制度由哪个部门牵头？", "那配合的部门呢？", "配合", "省人社厅"),
    ],
)
def test_follow_ups_are_resolved_from_the_previous_turn(assistant, first, follow_up, standalone_has, answer_has):
    history = [Turn(first, assistant.ask(first))]
    ans = assistant.ask(follow_up, history=history)
    assert standalone_has in ans.standalone_question
    assert not ans.abstained
    assert answer_has in ans.answer


def test_a_parallel_term_replaces_its_counterpart(assistant):
    first = "质检总局意见里县级质监部门的工作重心是什么？"
    ans = assistant.ask("那市级的呢？", history=[Turn(first, assistant.ask(first))])
    assert ans.standalone_question == "质检总局意见里市级质监部门的工作重心是什么?"


def test_a_follow_up_to_a_document_that_lacks_the_field_abstains(assistant):
    first = "陕西这份意见是哪个机关印发的？"
    history = [Turn(first, assistant.ask(first))]
    ans = assistant.ask("那甘肃的行动计划呢，发文机关是谁？", history=history)
    assert ans.abstained and "没有写明发文机关" in ans.reason


def test_filters_by_level_and_year(assistant):
    national = assistant.ask("经费纳入财政预算", filters=Filters(levels=("national",)))
    assert {c.doc_id for c in national.citations} == {"aqsiq-2016-grassroots-quality-supervision"}
    in_2013 = assistant.ask("黑名单制度", filters=Filters(years=(2013,)))
    assert {c.doc_id for c in in_2013.citations} == {"hunan-2013-product-quality-supervision"}


def test_a_doc_number_in_the_question_selects_that_document(assistant):
    ans = assistant.ask("湘政发〔2013〕40号对黑名单有什么要求？")
    assert not ans.abstained
    assert {c.doc_id for c in ans.citations} == {"hunan-2013-product-quality-supervision"}
    assert "黑名单" in ans.answer


def test_another_role_replaces_the_role_word_and_a_region_without_the_task_says_so(assistant):
    first = "甘肃推进检验检测机构整合由哪些部门牵头？"
    history = [Turn(first, assistant.ask(first))]
    cooperating = assistant.ask("配合的呢？", history=history)
    # the role word is the slot the follow-up names; the topic noun (整合) stays
    assert "整合" in cooperating.standalone_question and "配合" in cooperating.standalone_question
    assert "牵头" not in cooperating.standalone_question
    assert not cooperating.abstained and "省发展改革委" in cooperating.answer
    history.append(Turn("配合的呢？", cooperating))
    shaanxi = assistant.ask("陕西呢？", history=history)
    assert shaanxi.abstained and "没有写明由哪些部门配合" in shaanxi.reason
    assert "陕西" in shaanxi.reason and shaanxi.citations  # and it quotes what that document does say


def test_a_role_follow_up_is_resolved_whatever_the_topic():
    from assistant.question.followup import resolve

    assert resolve("配合的呢？", "四川推进计量器具检定由哪些部门牵头？") == "四川推进计量器具检定由哪些部门配合?"
    assert resolve("那牵头的单位呢？", "开展质量整合工作由哪些单位配合？") == "开展质量整合工作由哪些单位牵头?"
    # a word of the topic that also names a duty (监督, 负责) is not the slot
    assert resolve("配合的呢？", "由哪些部门牵头开展产品质量监督？") == "由哪些部门配合开展产品质量监督?"
