"""A law's header lines (…会议通过, …修正, …令第N号公布, …施行) become its metadata and are kept
out of the text answers are drawn from; on committed files of the development corpus, in the
formats users bring them."""
from __future__ import annotations

from ingest import ingest_file
from ingest_helpers import ROOT

LAWS = ROOT / "eval" / "corpora" / "laws"


def test_a_laws_history_gives_its_issuer_dates_and_type():
    meta = ingest_file(LAWS / "反不正当竞争法(2019-04-23).md").meta
    assert (meta.title, meta.issuer, meta.doc_type) == ("中华人民共和国反不正当竞争法", "全国人民代表大会常务委员会", "法律")
    assert (meta.adopted, meta.amended, meta.date) == ("1993-09-02", ("2017-11-04", "2019-04-23"), "2019-04-23")
    assert meta.effective == "2018-01-01"  # 本法自2018年1月1日起施行, in its final article
    assert (meta.level, meta.region) == ("national", None)


def test_a_rule_promulgated_under_an_order_in_traditional_script():
    meta = ingest_file(LAWS / "家用汽车产品修理更换退货责任规定(2021-07-22).md").meta
    assert meta.script == "traditional"
    assert (meta.issuer, meta.doc_number, meta.doc_type) == ("国家市场监督管理总局", "国家市场监督管理总局令第43号", "部门规章")
    assert (meta.promulgated, meta.effective) == ("2021-07-22", "2022-01-01")


def test_a_state_council_regulation_in_word_in_force_on_promulgation():
    meta = ingest_file(LAWS / "标准化法实施条例(1990-04-06).docx").meta
    assert (meta.issuer, meta.doc_number, meta.doc_type) == ("国务院", "国务院令第53号", "行政法规")
    assert meta.effective == meta.promulgated == "1990-04-06"  # 本条例自发布之日起施行


def test_a_local_regulation_names_its_province_and_a_pdf_keeps_its_title():
    meta = ingest_file(LAWS / "上海市检验检测条例(2024-12-31).md").meta
    assert (meta.issuer, meta.doc_type, meta.level, meta.region) == ("上海市人民代表大会常务委员会", "地方性法规", "provincial", "上海")
    pdf = ingest_file(LAWS / "价格法(1997-12-29).pdf")
    # the title is printed as the running header too: only the header is page furniture
    assert pdf.meta.title == "中华人民共和国价格法" and pdf.text.startswith("中华人民共和国价格法")


def test_header_lines_are_furniture_and_never_in_a_chunk():
    doc = ingest_file(LAWS / "商标法(2019-04-23).md")
    history = [s for s in doc.segments if s.reason == "legislative history"]
    assert len(history) == 5 and all("会议" in doc.text[s.start : s.end] for s in history)
    assert not any("第二十四次会议通过" in c.text or "INFO END" in c.text for c in doc.chunks)
