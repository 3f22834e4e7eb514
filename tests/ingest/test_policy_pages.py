"""Policy pages as other provinces' and cities' sites publish them (issue 19): where a document is
from (a city's or a county's, with its province; a 我省 document by the province it names), the
information table above it read as metadata and kept out of the body, a 文号 in the title line,
and pinyin glosses (湖(hú)北) gone from the search form while quotes stay exact.

Only development documents of eval/corpora/policies are used here (the test documents are listed
in eval/data/policies/split.json); the other cases are written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest import ingest_file
from ingest.clean import segment
from ingest.extract.spans import normalized
from ingest.header import header_fields
from ingest.loaders import load
from ingest.normalize import normalize
from ingest.places import place_of, places_named

POLICIES = Path(__file__).resolve().parents[2] / "eval" / "corpora" / "policies"


def _doc(stem: str):
    return ingest_file(POLICIES / f"{stem}.txt")


@pytest.mark.parametrize("named, expected", [
    ("威海市人民政府关于推进质量强市及品牌战略的意见", ("city", "威海", "山东", None)),
    ("温州市洞头区发展和改革局", ("county", "洞头", "浙江", "温州")),
    ("江门市人民政府办公室", ("city", "江门", "广东", None)),
    ("北京市朝阳区市场监督管理局", ("county", "朝阳", "北京", None)),  # a municipality's district
    ("长春市朝阳区人民政府", ("county", "朝阳", "吉林", "长春")),  # the same name, another province
    ("吉林市人民政府", ("city", "吉林", "吉林", None)),  # a city named like its province
])
def test_a_city_or_county_is_found_with_its_province(named, expected):
    place = place_of(named)
    assert place is not None and (place.kind, place.short, place.province, place.city) == expected


def test_province_level_names_and_ambiguous_counties_are_no_city():
    assert place_of("重庆市农业农村委员会") is None and place_of("安徽省人民政府") is None
    assert places_named("新华区") == []  # in four provinces: which one, the text does not say


def test_a_county_document_is_the_countys_with_its_city_and_province():
    meta = _doc("洞头-2021-质量强区十四五发展规划").meta
    assert (meta.region, meta.city, meta.county, meta.level) == ("浙江", "温州", "洞头", "municipal")
    assert meta.issuer == "温州市洞头区发展和改革局、温州市洞头区市场监督管理局"  # the joint issuers of its 落款


def test_a_document_that_says_我市_is_the_city_it_names():
    meta = _doc("德州-2021-好品山东质量强市和品牌战略实施意见").meta  # no title, no issuer; 我市, and 德州 once
    assert (meta.region, meta.city, meta.level) == ("山东", "德州", "municipal")


def test_a_document_that_says_我省_is_the_province_it_names():
    meta = _doc("吉林-2018-质量提升行动实施意见").meta  # traditional script, no title line
    assert (meta.region, meta.level) == ("吉林", "provincial")


def test_the_information_table_is_metadata_and_not_body():
    path = POLICIES / "洞头-2021-质量强区十四五发展规划.txt"
    loaded = load(path)
    fields = {f.field: f for f in header_fields(loaded.text, segment(loaded))}
    assert fields["index_number"].value == "001008003006082/2021-55914"
    assert fields["issuer"].value == "区市场监管局" and fields["date"].iso == "2022-04-27"
    row = loaded.text[fields["date"].start : fields["date"].end]
    assert "成文日期" in row and "2022- 04- 27" in row  # the row, label and value, to cite
    doc = ingest_file(path)
    table = [s for s in doc.segments if s.reason == "header table"]
    assert table and all(s.kind == "furniture" for s in table)


def test_labelled_lines_give_issuer_number_and_date():
    meta = _doc("安徽-2013-质量发展纲要").meta  # 发布单位: / 发布文号: / 发布日期: lines
    assert (meta.issuer, meta.doc_number, meta.date) == ("安徽省人民政府", "皖政〔2013〕19号", "2013-03-01")
    assert meta.title == "安徽省质量发展纲要(2013-2020年)"  # the years it covers are part of its name


def test_a_title_line_ending_in_its_number_gives_both():
    meta = _doc("吉林-2012-质量强省战略意见").meta
    assert meta.title == "吉林省人民政府关于贯彻质量发展纲要实施质量强省战略的意见"
    assert meta.doc_number == "吉政发〔2012〕27号"


def test_pinyin_glosses_leave_the_search_form_and_quotes_stay_exact():
    assert normalize("湖(hú)北省制(zhì)造业,附件(a),標準(ISO)") == "湖北省制造业,附件(a),标准(iso)"
    text = (POLICIES / "湖北-2023-质量强省建设纲要.txt").read_text(encoding="utf-8")
    view = normalized(text)
    at = view.text.find("湖北省质量强省建设纲要")
    assert at >= 0
    start, end = view.span(at, at + len("湖北省质量强省建设纲要"))
    assert text[start:end] == "湖(hú)北省质量强省建设纲要"  # the span of the original, gloss and all
    meta = _doc("质检总局-2006-加快实施名牌战略的意见").meta
    assert meta.title == "国家质检总局关于进一步加快实施名牌战略的意见"  # no (zhì) in the title


@pytest.mark.parametrize("stem, cut", [
    ("福建-2014-质量工作考核办法", True),  # …B级(80~89分)、
    ("洞头-2021-质量强区十四五发展规划", True),  # a contents page cut at 一、加强组
    ("吉林-2012-质量强省战略意见", True),  # a heading with nothing under it: 二、总体要求
    ("安徽-2018-质量提升行动实施意见", False),  # its excerpt happens to end on a whole sentence
])
def test_a_page_cut_off_mid_sentence_is_marked(stem, cut):
    assert _doc(stem).meta.truncated is cut


def test_complete_documents_are_not_marked_cut_off():
    root = POLICIES.parents[2]
    files = sorted((root / "corpus").glob("*.txt")) + sorted((root / "eval" / "corpora" / "laws").glob("*.md"))
    assert files and not [f.name for f in files if ingest_file(f).meta.truncated]  # a signature, a 施行 article


def test_a_headline_announcing_a_document_gives_its_title_and_issuers():
    meta = _doc("湖北-2023-质量强省建设纲要").meta  # 中共湖(hú)北省委 湖(hú)北省人民(mín)政府印发《湖(hú)北省质量强省建设纲要》
    assert (meta.title, meta.issuer) == ("湖北省质量强省建设纲要", "中共湖北省委 湖北省人民政府")


def test_a_date_in_brackets_under_the_title_dates_the_document():
    assert _doc("吉林-2018-质量提升行动实施意见").meta.date == "2018-07-05"  # （2018年7月5日）, traditional script


@pytest.mark.parametrize("table", [
    # label and value cells in one row, as a site's table reads once it is text
    "索引号 | 11340000002/2020-01 | 主题分类 | 质量监督\n发文机关 | 某省人民政府办公厅 | 成文日期 | 2020-11-12\n文号 | 某政办〔2020〕18号 | 发布日期 | 2020-11-13\n",
    # a row of labels over a row of values (tab-separated)
    "索引号\t发文机关\t成文日期\t文号\n11340000002/2020-01\t某省人民政府办公厅\t2020年11月12日\t某政办〔2020〕18号\n",
    # 标签：值 lines with full-width colons
    "发文机关：某省人民政府办公厅\n文号：某政办〔2020〕18号\n成文日期：2020年11月12日\n",
])
def test_information_tables_in_the_shapes_sites_print_them(tmp_path, table):
    page = tmp_path / "page.txt"
    page.write_text(table + "\n某省人民政府办公厅关于印发某省质量工作方案的通知\n\n各市人民政府:\n现将方案印发给你们,请认真贯彻执行。\n",
                    encoding="utf-8")
    meta = ingest_file(page).meta
    assert (meta.issuer, meta.doc_number, meta.date) == ("某省人民政府办公厅", "某政办〔2020〕18号", "2020-11-12")


def test_a_municipality_at_the_level_of_a_province_issues_provincial_documents():
    meta = _doc("上海-2018-质量认证体系建设实施方案").meta  # 上海市人民政府: a 直辖市's government
    assert (meta.region, meta.level, meta.city) == ("上海", "provincial", None)


def test_several_labels_on_one_line_each_give_their_field():
    """颁布时间:2015-05-02 00:00:00.000 发文单位:贵州省人民政府: the issuer after the date (it used to be
    lost, and 颁布时间 read as no label at all)."""
    doc = ingest_file(POLICIES / "贵州-2015-质量发展三年行动计划.txt")
    assert (doc.meta.issuer, doc.meta.date) == ("贵州省人民政府", "2015-05-02")
    fields = {f.field: f.value for f in header_fields(doc.text)}
    assert fields == {"published": "2015-05-02", "issuer": "贵州省人民政府"}


def test_who_sent_it_is_asked_of_the_document():
    from assistant.question.kinds import asked_fields

    assert "issuer" in [r.field for r in asked_fields(normalize("这份行动计划是哪天颁布的?谁发的?"))]
    assert "issuer" in [r.field for r in asked_fields(normalize("这个方案谁发的?"))]
    assert "issuer" not in [r.field for r in asked_fields(normalize("这个方案发给谁的?"))]  # 发给谁: addressees
    assert "date" in [r.field for r in asked_fields(normalize("这份意见是几月几号印发的?"))]
    # after …规定， a question asks what the text says of its subject, not who made the document
    assert "issuer" not in [r.field for r in asked_fields(normalize("某省标准化条例规定，团体标准由谁制定？"))]
    assert "issuer" in [r.field for r in asked_fields(normalize("某省标准化条例是由谁制定的？"))]
    assert "date" not in [r.field for r in asked_fields(normalize("这份意见是几号文?"))]  # its 文号
    # two question words sharing one verb
    assert {"issuer", "date"} <= {r.field for r in asked_fields(normalize("这个规划是哪个部门、什么时候印发的?"))}


def test_a_cover_notices_own_signature_dates_and_names_its_issuers():
    """洞头's page: the notice's 落款 (two bureaus on one line, 2021年11月26日) under 现将《…》印发给你们,
    not the site table's 成文日期 (2022-04-27, the day it went online)."""
    meta = _doc("洞头-2021-质量强区十四五发展规划").meta
    assert meta.date == "2021-11-26"
    assert meta.issuer == "温州市洞头区发展和改革局、温州市洞头区市场监督管理局"


def test_a_source_line_with_a_date_on_it_dates_the_page():
    """稿件来源:甘肃日报 发布时间:2018-01-08 15:09:53: the date after the source label is read."""
    doc = _doc("甘肃-2018-质量提升行动实施方案")
    assert doc.meta.date == "2018-01-08"
    assert {f.field for f in header_fields(doc.text)} >= {"source", "published"}


def test_a_label_the_site_glosses_in_pinyin_is_read(tmp_path):
    """文(wén)章来源: with its value on the next line: the label is read through the gloss, the
    value given without it, and the row spans the original text."""
    page = tmp_path / "page.txt"
    page.write_text("某省印发《某省质量强省建设纲要》\n\n文(wén)章来(lái)源:\n某省人民(mín)政府门户网站\n发(fā)布时间:\n2023/06/16\n\n正文。\n",
                    encoding="utf-8")
    text = page.read_text(encoding="utf-8")
    fields = {f.field: f for f in header_fields(text)}
    assert fields["source"].value == "某省人民政府门户网站"
    assert text[fields["source"].start:fields["source"].end].startswith("文(wén)章来(lái)源:")
    assert fields["published"].iso == "2023-06-16"
