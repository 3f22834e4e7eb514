"""Cleaning: segments cover the original text exactly, and page furniture (site names,
font widgets, related links, news preambles) is told apart from the document body."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest import load
from ingest.clean import segment
from ingest_helpers import ALL_DOCS, FIXTURES, content_segments, seg_text, segment_of_line, segment_starting

HUNAN = "hunan-2013-product-quality-supervision.txt"
AQSIQ = "aqsiq-2016-grassroots-quality-supervision.txt"


@pytest.mark.parametrize("relpath", ALL_DOCS)
def test_segments_cover_the_text_exactly(docs, relpath):
    doc = docs(relpath)
    segs = doc.segments
    assert segs[0].start == 0
    assert segs[-1].end == len(doc.text)
    for prev, seg in zip(segs, segs[1:]):
        assert seg.start == prev.end
    assert all(s.start < s.end and s.kind in {"body", "furniture", "blank"} for s in segs)
    assert "".join(seg_text(doc, s) for s in segs) == doc.text


@pytest.mark.parametrize("relpath", ALL_DOCS)
def test_body_segments_carry_no_indentation_or_trailing_space(docs, relpath):
    doc = docs(relpath)
    body = [seg_text(doc, s) for s in doc.segments if s.kind == "body"]
    assert body
    for line in body:
        assert line[0] not in " \t\u3000\xa0\r\n", repr(line[:20])
        assert line[-1] not in " \t\u3000\xa0\r\n", repr(line[-20:])


@pytest.mark.parametrize("relpath", ALL_DOCS)
def test_furniture_says_why(docs, relpath):
    doc = docs(relpath)
    assert all(s.reason for s in doc.segments if s.kind == "furniture")


def test_ideographic_indentation_is_outside_the_body():
    # gbk.txt indents its items with two U+3000
    loaded = load(FIXTURES / "gbk.txt")
    line_start = loaded.text.index("\u3000\u3000（一）指导思想。")
    segs = segment(loaded)
    item = next(s for s in segs if s.start <= line_start + 2 < s.end)
    assert item.kind == "body"
    assert item.start == line_start + 2
    assert loaded.text[item.start : item.end].startswith("（一）指导思想。坚持以提高发展质量和效益为中心")
    indent = next(s for s in segs if s.start <= line_start < s.end)
    assert indent.kind == "blank"


# --- hunan: a scraped government web page ------------------------------------------------


@pytest.fixture(scope="module")
def hunan(docs):
    return docs.corpus(HUNAN)


@pytest.mark.parametrize(
    "prefix",
    [
        "湖南省人民政府关于进一步加强产品质量监督工作的意见-湖南省人民政府门户网站",  # <title> with site name
        "湖南省人民政府门户网站 www.hunan.gov.cn 发布时间",  # site line with 【字体: widget
        "扫一扫在手机打开当前页",
        "信息来源:",
        "相关阅读",
    ],
)
def test_hunan_page_furniture(hunan, prefix):
    assert segment_starting(hunan, prefix).kind == "furniture"


def test_hunan_font_widget_line_is_furniture(hunan):
    widget = [s for s in content_segments(hunan) if "【字体" in seg_text(hunan, s)]
    assert len(widget) == 1 and widget[0].kind == "furniture"


def test_hunan_eighteen_items_are_body(hunan):
    numbered = [(s, re.match(r"([一二三四五六七八九十]+)、", seg_text(hunan, s))) for s in content_segments(hunan)]
    items = [s for s, m in numbered if m]
    numbers = [m.group(1) for _, m in numbered if m]
    assert all(s.kind == "body" for s in items)
    assert numbers == [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
        "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八",
    ]
    assert seg_text(hunan, items[-1]).startswith("十八、强化考核评价。")


@pytest.mark.parametrize(
    "line",
    ["湖南省人民政府关于进一步加强产品质量监督工作的意见", "湘政发〔2013〕40号", "湖南省人民政府", "2013年12月18日"],
)
def test_hunan_document_lines_are_body(hunan, line):
    hits = [s for s in content_segments(hunan) if seg_text(hunan, s) == line]
    assert hits and all(s.kind == "body" for s in hits)


def test_hunan_nothing_after_the_date_is_body(hunan):
    date = segment_of_line(hunan, "2013年12月18日")
    assert all(s.kind != "body" for s in hunan.segments if s.start > date.start)


# --- aqsiq: a news article quoting the document ----------------------------------------------


@pytest.fixture(scope="module")
def aqsiq(docs):
    return docs.corpus(AQSIQ)


def test_aqsiq_news_preamble_is_furniture(aqsiq):
    first, second, third = content_segments(aqsiq)[:3]
    assert seg_text(aqsiq, first).startswith("近日,国家质检总局在官网发布了")
    assert first.kind == "furniture"
    assert seg_text(aqsiq, second) == "以下为指导意见原文:"
    assert second.kind == "furniture"
    # the document proper starts with its addressees
    assert seg_text(aqsiq, third).startswith("各省、自治区、直辖市")
    assert third.kind == "body"


def test_aqsiq_trailing_source_and_url_are_furniture(aqsiq):
    *_, signature, date, source, url = content_segments(aqsiq)
    assert seg_text(aqsiq, source) == "来源:质检总局官网"
    assert source.kind == "furniture"
    assert seg_text(aqsiq, url).startswith("http://www.aqsiq.gov.cn/")
    assert url.kind == "furniture"
    assert (seg_text(aqsiq, signature), signature.kind) == ("质检总局", "body")
    assert (seg_text(aqsiq, date), date.kind) == ("2016年5月24日", "body")


# --- webpage.html -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def webpage(docs):
    return docs.fixture("webpage.html")


@pytest.mark.parametrize(
    "prefix",
    [
        "江苏省人民政府关于加强标准化工作的意见_江苏省人民政府门户网站",
        "江苏省人民政府门户网站",
        "当前位置：",
        "发布时间: 2020-05-06 10:00",
        "【字体: 大 中 小】",
        "打印本页",
        "扫一扫在手机打开当前页",
        "分享到：",
        "信息来源: 江苏省人民政府办公厅",
        "相关阅读",
        "省政府办公厅关于印发江苏省标准化发展规划的通知",
        "图解：江苏省人民政府关于加强标准化工作的意见",
        "省市场监管局负责人解读标准化工作新举措",
        "版权所有 © 2020 江苏省人民政府办公厅",
        "本文地址：http://www.jiangsu.gov.cn/",
        "https://www.gov.cn/",
    ],
)
def test_webpage_furniture_lines(webpage, prefix):
    hits = [s for s in content_segments(webpage) if seg_text(webpage, s).startswith(prefix)]
    assert hits and all(s.kind == "furniture" for s in hits)


@pytest.mark.parametrize(
    "line",
    [
        "江苏省人民政府关于加强标准化工作的意见",
        "苏政发〔2020〕41号",
        "一、总体要求",
        "三、保障措施",
        "江苏省人民政府",
        "2020年4月28日",
        "（此件公开发布）",
    ],
)
def test_webpage_article_lines_are_body(webpage, line):
    assert segment_of_line(webpage, line).kind == "body"


def test_webpage_body_has_no_site_footer(webpage):
    body = "\n".join(seg_text(webpage, s) for s in webpage.segments if s.kind == "body")
    assert "省级地方标准的立项、审查和发布工作，由省人民政府标准化行政主管部门负责。" in body
    for furniture in ("ICP备", "版权所有", "相关阅读", "扫一扫", "发布时间", "http"):
        assert furniture not in body


# --- a scraped page of the development corpus ---------------------------------------------------

SCRAPED = Path(__file__).resolve().parents[2] / "eval" / "corpora" / "laws" / "食品生产经营监督检查管理办法(2021-12-24).html"


@pytest.fixture(scope="module")
def scraped():
    from ingest.pipeline import ingest_file

    return ingest_file(SCRAPED)


@pytest.mark.parametrize("line, reason", [
    ("食品生产经营监督检查管理办法_政策法规_国家市场监督管理总局", "page title"),  # <title>: heading, column, site
    ("首页 | 机构设置 | 新闻中心 | 政务公开 | 互动交流", "navigation bar"),
])
def test_a_pages_title_and_menu_are_furniture(scraped, line, reason):
    seg = next(s for s in scraped.segments if scraped.text[s.start : s.end] == line)
    assert (seg.kind, seg.reason) == ("furniture", reason)


def test_the_heading_the_page_title_repeats_stays_the_body_and_the_title(scraped):
    heading = next(s for s in scraped.segments if scraped.text[s.start : s.end] == "食品生产经营监督检查管理办法")
    assert heading.kind == "body"
    assert scraped.meta.title == "食品生产经营监督检查管理办法"


@pytest.mark.parametrize("line", [
    "江苏省人民政府关于加强标准化工作的意见 - 第二部分",  # nothing below repeats its head
    "生产者 | 销售者 | 经营者",  # three cells: a table row, not a menu
])
def test_lines_that_only_look_like_a_title_or_a_menu_stay_body(line):
    from ingest.models import LoadedText

    text = f"{line}\n第一条 为了规范监督检查，制定本办法。\n"
    segs = segment(LoadedText(source=Path("page.txt"), text=text, format="txt"))
    assert segs[0].kind == "body", segs[0]
