"""An official holding a number asks which document it is (黔府发[2015]15号是份什么文件?, 索引号…查的
是哪份规划?); a page whose information table dates it otherwise than its signature shows both; a
unit the question asks about that a task's note does not name is not given that task; a document
named with a 的 its title lacks (开展质量提升行动的实施意见) is still the one named; a place that is
only a word of the question (新疆生产建设兵团 in a national 意见's addressees) does not refuse it.
Development documents of eval/corpora/policies only."""
from __future__ import annotations

import pytest

from assistant import Assistant

GUIZHOU = "贵州-2015-质量发展三年行动计划"
DONGTOU = "洞头-2021-质量强区十四五发展规划"
DEZHOU = "德州-2021-好品山东质量强市和品牌战略实施意见"
JILIN_2012 = "吉林-2012-质量强省战略意见"
JILIN_2018 = "吉林-2018-质量提升行动实施意见"
BRAND = "质检总局-2006-加快实施名牌战略的意见"
FUJIAN = "福建-2014-质量工作考核办法"


@pytest.fixture(scope="module")
def pages(policy_pages) -> Assistant:
    return policy_pages(GUIZHOU, DONGTOU, DEZHOU, JILIN_2012, JILIN_2018, BRAND, FUJIAN)


def _exact(pages: Assistant, answer) -> None:
    snap = pages.index.snapshot()
    for c in answer.citations:
        assert snap.text(c.doc_id)[c.start:c.end] == c.quote


def test_a_document_number_names_its_document_and_issuer(pages):
    answer = pages.ask("黔府发[2015]15号是份什么文件?哪家发的?")
    assert "贵州省质量发展三年行动计划" in answer.answer and "贵州省人民政府" in answer.answer, answer.answer
    assert {c.doc_id for c in answer.citations} == {GUIZHOU}
    _exact(pages, answer)


def test_a_notice_number_names_the_measures_it_transmits(pages):
    answer = pages.ask("有个闽政办〔2014〕74号的通知,印发的是什么办法?")
    assert "福建省质量工作考核办法" in answer.answer and answer.citations[0].doc_id == FUJIAN, answer.answer


def test_an_index_number_from_the_page_table_names_its_page(pages):
    answer = pages.ask("索引号001008003006082/2021-55914,查的是哪份规划?")
    assert "洞头区质量强区" in answer.answer and answer.citations[0].doc_id == DONGTOU, answer.answer
    assert "索引号:" not in answer.answer  # the number the user gave is not read back as the answer


def test_a_table_date_other_than_the_signature_is_shown_beside_it(pages):
    answer = pages.ask("洞头那个质量强区十四五规划,信息公开表上填的成文日期是哪天?")
    assert "2021年11月26日" in answer.answer and "2022- 04- 27" in answer.answer, answer.answer
    assert len(answer.citations) == 2
    _exact(pages, answer)


def test_a_unit_the_task_note_does_not_name_is_not_given_the_task(pages):
    answer = pages.ask("德州构建品牌体系那项任务里,市文化和旅游局负责哪一块?")
    assert answer.abstained and "市文化和旅游局" in answer.reason, answer.answer
    assert "市市场监管局" in answer.answer  # what the note does say


def test_a_short_form_of_a_unit_the_note_names_is_answered(pages):
    answer = pages.ask("德州构建品牌体系那项任务里,市工信局负责哪一块?")
    assert not answer.abstained and "市工业和信息化局" in answer.answer, answer.answer


def test_a_document_named_with_a_de_its_title_lacks_is_the_one_named(pages):
    """Two 吉林 documents: 开展质量提升行动的实施意见 is the 2018 one, which prints no 文号; the
    2012 one's number is not its answer."""
    answer = pages.ask("吉林那份开展质量提升行动的实施意见,它自己的文号是多少?")
    assert "吉政发" not in answer.answer and "没有写明文号" in answer.answer, answer.answer


def test_a_place_inside_a_national_document_does_not_refuse_it(pages):
    answer = pages.ask("质检总局那份名牌战略意见,新疆生产建设兵团也在发文范围里吗?")
    assert not answer.abstained, answer.answer
    assert answer.citations[0].doc_id == BRAND and "新疆生產" in answer.citations[0].quote


HUBEI_2016 = "湖北-2016-质量技术监督事业发展十三五规划"
HUBEI_2023 = "湖北-2023-质量强省建设纲要"
ANHUI_2013 = "安徽-2013-质量发展纲要"
ANHUI_2018 = "安徽-2018-质量提升行动实施意见"


@pytest.fixture(scope="module")
def regions(policy_pages) -> Assistant:
    return policy_pages(HUBEI_2016, HUBEI_2023, ANHUI_2013, ANHUI_2018, JILIN_2012, DONGTOU, DEZHOU)


@pytest.mark.parametrize("question, level", [
    ("洞头那份质量强区规划算哪一级的文件?", "区县级"),
    ("德州那个好品山东意见是什么级别的文件?", "市级"),
    ("湖北质量强省纲要是省级文件还是市级文件?", "省级"),
])
def test_the_level_of_government_a_document_is_of_is_answered_where_its_issuer_is_named(regions, question, level):
    answer = regions.ask(question)
    assert not answer.abstained and f"层级:{level}" in answer.answer, answer.answer
    assert len({c.doc_id for c in answer.citations}) == 1  # the one document named, not its region's others


def test_which_of_two_issuers_is_answered_not_taken_as_a_claim(regions):
    answer = regions.ask("洞头那份质量强区规划,是区政府发的还是区里部门发的?")
    assert not answer.answer.startswith("不对"), answer.answer
    assert "洞头区发展和改革局" in answer.answer and "洞头区市场监督管理局" in answer.answer


@pytest.mark.parametrize("question", ["安徽质量纲要是哪年发的?", "安徽的质量发展纲要是哪一年发的?"])
def test_a_plan_named_short_without_its_span_of_years_is_the_one_named(regions, question):
    """安徽省质量发展纲要(2013-2020年), named without 省, 发展 or its years: of 安徽's three
    documents, only its date is given."""
    answer = regions.ask(question)
    assert "2013年3月1日" in answer.answer and "没有写明" not in answer.answer, answer.answer
    assert {c.doc_id for c in answer.citations} == {ANHUI_2013}


def test_two_places_documents_named_in_one_question_are_each_searched(regions):
    """吉林2012年的…意见 (not named by title) and 安徽的质量发展纲要 (named by title): 吉林's is not
    dropped for the one named by title, nor 2012 checked against 安徽's document."""
    answer = regions.ask("吉林2012年的质量强省意见和安徽的质量发展纲要,都是为贯彻国务院的哪个纲要?")
    assert not answer.abstained and "质量发展纲要" in answer.answer, answer.answer
    assert JILIN_2012 in {c.doc_id for c in answer.citations}


def test_a_year_that_dates_a_document_named_picks_that_places_document_of_that_year(regions):
    """湖北 has a 2016 plan (undated in its text) and the 2023 纲要: 湖北2023年的那个纲要 is the latter."""
    answer = regions.ask("湖北2023年的那个纲要是谁发的?")
    assert {c.doc_id for c in answer.citations} == {HUBEI_2023}, answer.answer


def test_a_year_dating_an_undated_document_is_not_a_topic_the_documents_lack(regions):
    """安徽2018年的质量提升意见 states no date of its own: 2018 names it, and is not refused as a
    year no text speaks of."""
    answer = regions.ask("安徽2018年的质量提升意见,指导思想里要贯彻十九届几中全会的精神?")
    assert not answer.abstained and "十九届二中、三中全会" in answer.answer, answer.answer


def test_by_which_day_a_report_is_due_is_a_deadline_not_the_documents_date(policy_pages):
    national = policy_pages("国务院办公厅-2013-质量工作考核办法", FUJIAN)
    answer = national.ask("按国家那个质量工作考核办法,各省的自评报告最晚得在哪天前交?")
    assert "7月15日前" in answer.answer and "成文日期" not in answer.answer, answer.answer


def test_the_first_item_of_documents_without_articles_is_not_a_statutes_article(policy_pages):
    """基本原则第一条 of two policy pages, which have no 第N条 articles: their principles' first
    items are compared, not refused as an article of an unnamed law."""
    pages = policy_pages(JILIN_2018, "甘肃-2018-质量提升行动实施方案")
    answer = pages.ask("吉林和甘肃的质量提升文件,基本原则第一条都讲价值导向,两边的写法有什么不同?")
    assert not answer.abstained and "价值导向" in answer.answer and len({c.doc_id for c in answer.citations}) == 2, answer.answer
