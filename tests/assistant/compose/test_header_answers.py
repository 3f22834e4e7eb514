"""Questions about a policy page itself (issue 19): 索引号, 成文日期, 发布单位, 发布文号 and 公开方式 answered
from the page's information table and cited at the row; a 文号 found however the page brackets
it and in the notice that transmits the document; a claim about it confirmed or corrected; years
a section or a range states; an answer from the end of a page that is cut off says so.
Development documents only."""
from __future__ import annotations


import pytest

from assistant import Assistant

DOCS = ("洞头-2021-质量强区十四五发展规划", "安徽-2013-质量发展纲要", "福建-2014-质量工作考核办法", "吉林-2012-质量强省战略意见",
        "贵州-2015-质量发展三年行动计划", "安徽-2018-质量提升行动实施意见", "吉林-2018-质量提升行动实施意见")


@pytest.fixture(scope="module")
def pages(policy_pages) -> Assistant:
    return policy_pages(*DOCS)


@pytest.mark.parametrize("question, said, quoted", [
    ("洞头质量强区规划的索引号是多少?", "001008003006082/2021-55914", "索引号"),
    ("安徽省质量发展纲要的文号是什么?", "皖政〔2013〕19号", "发布文号"),
    ("安徽省质量发展纲要是哪个单位发布的?", "安徽省人民政府", "发布单位"),
    ("洞头质量强区规划是主动公开的吗?", "主动公开", "公开方式"),  # label and value on two lines
])
def test_a_field_of_the_information_table_is_answered_and_cited_at_its_row(pages, question, said, quoted):
    answer = pages.ask(question)
    assert not answer.abstained and said in answer.answer
    (citation,) = [c for c in answer.citations if said in c.quote]
    assert quoted in citation.quote  # the row: its label and its value
    text = pages.index.snapshot().text(citation.doc_id)
    assert text[citation.start : citation.end] == citation.quote


def test_the_notices_own_signature_dates_it_over_the_sites_table(pages):
    """洞头's table says 成文日期 2022- 04- 27 (the day the page went up); the notice is signed
    2021年11月26日 under its transmittal: the document's own date is the answer, cited there; the
    table's other date is shown after it as the table's, cited at its row."""
    answer = pages.ask("洞头区质量强区规划的成文日期是哪天?")
    assert not answer.abstained and answer.answer.startswith("成文日期:2021年11月26日"), answer.answer
    assert answer.citations[0].quote == "2021年11月26日"
    assert "页面信息表" in answer.answer and "2022- 04- 27" in answer.citations[1].quote


def test_the_issuers_are_those_who_signed_not_the_tables_short_form(pages):
    """The table's 发布机构:区市场监管局 names one of the two bureaus that signed the notice."""
    answer = pages.ask("洞头质量强区规划的发文机关是什么?")
    assert "温州市洞头区发展和改革局" in answer.answer and "温州市洞头区市场监督管理局" in answer.answer
    assert "区市场监管局" not in answer.citations[0].quote


def test_an_answer_from_where_a_page_is_cut_off_says_the_text_may_go_on(pages):
    # the page stops mid-list: …分别为:A级(90分及以上)、B级(80~89分)、
    answer = pages.ask("福建的质量工作考核结果分为几个等级?")
    assert not answer.abstained and "A级" in answer.answer
    assert any("中断" in n and "不完整" in n for n in answer.notes)


def test_an_answer_from_a_complete_part_of_a_cut_off_page_has_no_such_note(pages):
    answer = pages.ask("福建质量工作考核由哪个部门牵头?")
    assert not answer.abstained and "省质监局" in answer.answer
    assert not any("中断" in n for n in answer.notes)


@pytest.mark.parametrize("question, number", [
    ("吉林实施质量强省战略那份意见的文号是多少?", "吉政发(2012)27号"),  # in the title line, in ( )
    ("贵州质量发展三年行动计划的文号是什么?", "黔府发[2015]15号"),  # in [ ]
    ("福建省质量工作考核办法的文号是多少?", "闽政办〔2014〕74"),  # the notice transmitting the 办法 carries it
])
def test_a_documents_number_is_found_however_it_is_written(pages, question, number):
    answer = pages.ask(question)
    assert not answer.abstained and any(number in c.quote for c in answer.citations), answer.answer


def test_a_claim_about_a_documents_number_is_corrected_or_confirmed(pages):
    wrong = pages.ask("吉林这份质量强省意见的文号是吉政发(2012)72号,对吗?")
    assert wrong.answer.startswith("不对") and "72号" in wrong.reason and "27号" in wrong.citations[0].quote
    right = pages.ask("吉林这份质量强省意见的文号是吉政发(2012)27号,对吗?")
    assert not right.abstained and right.answer.startswith("是")


def test_a_year_the_section_states_at_its_head_is_stated_for_its_sentences(pages):
    # 二、…(二)工作目标 / 到2020年,供给质量明显改善… / ——…大中型工程质量一次验收合格率保持100%
    answer = pages.ask("到2020年,安徽大中型工程质量一次验收合格率要保持在多少?")
    assert not answer.abstained and "100%" in answer.answer


def test_a_year_inside_a_range_is_one_the_document_speaks_of(pages):
    answer = pages.ask("贵州2016年工业产品生产领域监督抽查合格率目标是多少?")  # 2015—2017年,…逐年达到89%、90%、91%
    assert not answer.abstained and "90%" in answer.answer


def test_a_claim_about_a_documents_date_is_corrected(pages):
    answer = pages.ask("吉林这份质量提升行动实施意见是2018年5月7日发的吧?")  # (2018年7月5日) under its title
    assert answer.answer.startswith("不对") and "2018年7月5日" in answer.citations[0].quote


def test_a_document_dated_only_by_its_number_is_of_that_year(pages):
    # no date in the page's opening; its 文号 is 吉政发(2012)27号: it is 吉林's 2012 opinion, not "no such document"
    answer = pages.ask("吉林省2012年那份质量强省意见是为了贯彻什么?")
    assert "没有2012年" not in answer.answer and "质量发展纲要" in answer.answer


def test_a_body_inside_a_longer_name_does_not_name_the_document(pages):
    """国务院 (the issuer of no document here) is not named by 国务院办公厅: the question is not
    narrowed to the wrong body's documents."""
    from assistant.search.retrieve import _names_body

    assert _names_body("国务院印发的规划", "国务院") and not _names_body("国务院办公厅的考核办法", "国务院")


@pytest.mark.parametrize("question", ["湖北质量强省建设纲要是湖北省人民防空工程协会发布的吗?", "这个网站是谁建设的?"])
def test_site_furniture_inside_a_chunk_is_never_quoted(policy_pages, question):
    """The page's footer (…防空工程协会版权所有 / 网站建设:中企动力) lies inside a chunk of its
    text; it is where the page comes from, not what the document says."""
    hubei = policy_pages("湖北-2023-质量强省建设纲要")
    answer = hubei.ask(question)
    assert not any("版权所有" in c.quote or "网站建设" in c.quote for c in answer.citations)


@pytest.mark.parametrize("question, year", [
    ("吉林质量强省战略那份意见是哪一年下发的?", "2012年"),
    ("吉林那个贯彻质量发展纲要的意见是哪年的文件?", "2012年"),  # 贯彻 names the document asked, not one it cites
])
def test_the_year_of_a_page_without_its_date_is_read_from_its_number(pages, question, year):
    answer = pages.ask(question)
    assert not answer.abstained and year in answer.answer, answer.answer
    assert "吉政发(2012)27号" in answer.citations[0].quote


def test_the_day_of_a_page_without_its_date_is_still_not_given(pages):
    answer = pages.ask("吉林质量强省战略那份意见是几月几号下发的?")
    assert answer.abstained and "没有写明成文日期" in answer.reason, answer.answer


@pytest.mark.parametrize("question, said, quoted", [
    ("洞头这份规划在信息公开目录里属于哪个分类?", "规划信息", "组配分类"),  # the page's classification
    ("安徽质量发展纲要的原文网址是什么?", "http://www.ah.gov.cn/", "备注"),  # the address the page was taken from
])
def test_a_pages_classification_and_original_address_are_read_from_its_rows(pages, question, said, quoted):
    answer = pages.ask(question)
    assert not answer.abstained and said in answer.answer, answer.answer
    (row,) = [c for c in answer.citations if said in c.quote]
    assert quoted in row.quote


def test_a_kind_the_text_sorts_things_into_is_no_classification_of_the_page(pages):
    from assistant.question.kinds import asked_fields
    from ingest.normalize import normalize

    assert "topic" not in [f.field for f in asked_fields(normalize("吉林质量提升行动实施意见把企业分为哪几类?"))]
