"""Section tree: the numbering of Chinese official documents (第X章 / 第X条 / 一、 / (一) / 1.)
becomes sections with titles and paths that a citation can show."""
from __future__ import annotations

import pytest

from ingest_helpers import ALL_DOCS, cn_numeral, children, top_level

AQSIQ = "aqsiq-2016-grassroots-quality-supervision.txt"
GANSU = "gansu-2015-quality-development-action-plan.txt"
GUANGXI = "guangxi-13th-five-year-quality-plan.txt"
HUNAN = "hunan-2013-product-quality-supervision.txt"
SHAANXI = "shaanxi-2017-comprehensive-quality-supervision.txt"


def _titles(sections) -> list[str]:
    return [s.title for s in sections]


def _numbers(sections) -> list[str]:
    return [s.number for s in sections]


# --- invariants on every document --------------------------------------------------------------


@pytest.mark.parametrize("relpath", ALL_DOCS)
def test_sections_nest_inside_their_parents(docs, relpath):
    doc = docs(relpath)
    assert doc.sections
    for s in doc.sections:
        assert s.start < s.heading_end <= s.end <= len(doc.text)
        if s.parent is None:
            assert s.path == doc.text[s.start : s.heading_end].lstrip("# ").strip()
        else:
            p = doc.sections[s.parent]
            assert p.rank < s.rank
            assert p.start < s.start and s.end <= p.end
            assert s.path.startswith(p.path + " > ")


@pytest.mark.parametrize("relpath", ALL_DOCS)
def test_headings_start_in_body_text(docs, relpath):
    doc = docs(relpath)
    body = [s for s in doc.segments if s.kind == "body"]
    for s in doc.sections:
        assert any(b.start <= s.start < b.end for b in body), s.path


@pytest.mark.parametrize("relpath", ALL_DOCS)
def test_top_level_sections_tile_the_document(docs, relpath):
    doc = docs(relpath)
    tops = top_level(doc)
    for a, b in zip(tops, tops[1:]):
        assert a.end == b.start


@pytest.mark.parametrize("relpath", ALL_DOCS)
def test_titles_are_short_and_hold_no_sentence_end(docs, relpath):
    doc = docs(relpath)
    for s in doc.sections:
        assert len(s.title) <= 60, s.path
        assert "。" not in s.title, s.path


# --- hunan: 一、…十八、, titles end at the first 。 ---------------------------------------------

HUNAN_TITLES = [
    "加快完善产品质量监督工作格局", "严格督促企业落实产品质量主体责任", "加强产品质量监督法制工作",
    "突出产品质量监督重点", "建立市场准入退出机制", "完善产品质量监督抽查工作",
    "严厉打击制售假冒伪劣产品的违法行为", "实施工业企业产品质量分级分类监管制度",
    "建立产品质量安全风险管理体系", "加强质量诚信体系建设", "完善产品质量安全标准和技术法规",
    "大力实施产品质量提升工程", "建立社会监督多元共治机制", "加强产品质量检验检测机构建设",
    "加大产品质量安全宣传教育力度", "加强组织领导", "完善配套政策", "强化考核评价",
]


def test_hunan_has_eighteen_top_level_items(docs):
    doc = docs.corpus(HUNAN)
    tops = top_level(doc)
    assert _numbers(tops) == [f"{cn_numeral(n)}、" for n in range(1, 19)]
    assert _titles(tops) == HUNAN_TITLES
    assert all(s.kind == "l1" for s in tops)
    assert len(doc.sections) == 18
    # the title shares its line with the body: the heading ends at the 。
    assert all(doc.text[s.heading_end] == "。" for s in tops)


def test_hunan_last_item_ends_before_the_signature(docs):
    doc = docs.corpus(HUNAN)
    last = top_level(doc)[-1]
    assert doc.text[last.start : last.end].rstrip().endswith("2013年12月18日")
    assert "扫一扫" not in doc.text[last.start : last.end]


# --- gansu: 4 top-level, (一)…(二十四) numbered across sections --------------------------------


def test_gansu_four_sections_and_twenty_four_tasks(docs):
    doc = docs.corpus(GANSU)
    tops = top_level(doc)
    assert _titles(tops) == ["完善質量發展市場機制", "加強重點領域質量安全監管", "完善質量升級的配套措施", "強化質量治理能力建設"]
    tasks = [s for s in doc.sections if s.kind == "l2"]
    assert _numbers(tasks) == [f"({cn_numeral(n)})" for n in range(1, 25)]
    assert [len(children(doc, t)) for t in tops] == [5, 6, 6, 7]
    assert all(doc.sections[t.parent] in tops for t in tasks)
    by_number = {t.number: t for t in tasks}
    assert by_number["(一)"].path == "一、完善質量發展市場機制 > (一)簡政放權、清理行政審批事項"
    assert by_number["(二十四)"].path == "四、強化質量治理能力建設 > (二十四)完善政府質量工作考核"
    assert by_number["(十四)"].title == "創新工作機制,強化標準實施"


# --- shaanxi: 4 top-level, (一) restarting in each ---------------------------------------------


def test_shaanxi_sections_and_items(docs):
    doc = docs.corpus(SHAANXI)
    tops = top_level(doc)
    assert _numbers(tops) == ["一、", "二、", "三、", "四、"]
    assert _titles(tops) == ["明確總體要求", "構建質量共治格局", "完善質量監管機制", "強化保障措施"]
    assert [len(children(doc, t)) for t in tops] == [0, 5, 7, 5]
    for t in tops[1:]:
        kids = children(doc, t)
        assert _numbers(kids) == [f"({cn_numeral(n)})" for n in range(1, len(kids) + 1)]


def test_shaanxi_item_title_ends_at_first_full_stop(docs):
    doc = docs.corpus(SHAANXI)
    item = next(s for s in doc.sections if s.number == "(一)" and s.title.startswith("落實企業"))
    assert item.title == "落實企業主體責任"
    assert doc.text[item.heading_end] == "。"
    assert doc.text[item.start : item.heading_end] == "(一)落實企業主體責任"
    assert item.path == "二、構建質量共治格局 > (一)落實企業主體責任"
    # the body after the title belongs to the item
    assert doc.section_at(doc.text.index("誰生產誰負責")) == item


# --- aqsiq: 一、…六、 and items 1.–14. numbered across sections -----------------------------------


def test_aqsiq_sections_and_numbered_items(docs):
    doc = docs.corpus(AQSIQ)
    tops = top_level(doc)
    assert _numbers(tops) == ["一、", "二、", "三、", "四、", "五、", "六、"]
    assert _titles(tops) == [
        "充分认识加强基层质监工作的重大意义",
        "加强基层质监工作的指导原则",
        "狠抓质量提升,促进地方经济提质增效升级",
        "加强质量安全监管,保障人民群众生命财产安全",
        "夯实质量技术基础,充分发挥质监职能作用",
        "加强组织领导,提升基层履职保障水平",
    ]
    items = [s for s in doc.sections if s.kind == "l3"]
    assert _numbers(items) == [f"{n}." for n in range(1, 15)]
    assert [[int(k.number[:-1]) for k in children(doc, t)] for t in tops] == [
        [], [], [1, 2, 3, 4], [5, 6, 7], [8, 9, 10], [11, 12, 13, 14],
    ]
    # "1. " with a space and "2." without give the same kind of title
    assert items[0].title == "建立健全质量工作机制"
    assert items[1].title == "深入开展质量提升行动"
    assert items[10].title == "加强组织领导"


def test_aqsiq_preamble_is_not_a_section(docs):
    doc = docs.corpus(AQSIQ)
    assert doc.section_at(doc.text.index("以下为指导意见原文")) is None
    assert top_level(doc)[0].start > doc.text.index("现提出以下意见")


# --- guangxi: 第一章…第五章 with 一、/(一) below ------------------------------------------------


def test_guangxi_five_chapters(docs):
    doc = docs.corpus(GUANGXI)
    tops = top_level(doc)
    assert all(s.kind == "chapter" for s in tops)
    assert _numbers(tops) == ["第一章", "第二章", "第三章", "第四章", "第五章"]
    assert _titles(tops) == [
        "“十二五”期间质监质量工作回顾",
        "“十三五”期间质监质量工作面临的形势",
        "指导思想和主要目标",
        "主要任务",
        "保障措施",
    ]


def test_guangxi_heading_glued_to_previous_paragraph(docs):
    doc = docs.corpus(GUANGXI)
    title = "质量工作在经济社会发展中的作用和地位更加突出"
    glued = "质监质量工作迈上新的台阶。一、" + title
    assert glued in doc.text  # the file really has it on one line
    section = next(s for s in doc.sections if s.title == title)
    assert section.number == "一、"
    assert section.start == doc.text.index(glued) + len("质监质量工作迈上新的台阶。")
    assert section.path == "第一章 “十二五”期间质监质量工作回顾 > 一、" + title
    # the paragraph before it stays in the chapter, not in 一、
    assert doc.section_at(doc.text.index("质监质量工作迈上新的台阶")) == top_level(doc)[0]


def test_guangxi_sections_under_chapters(docs):
    doc = docs.corpus(GUANGXI)
    ch1, ch2, ch3, ch4, ch5 = top_level(doc)
    assert _numbers(children(doc, ch1)) == ["一、", "二、"]
    assert _numbers(children(doc, children(doc, ch1)[1])) == ["(一)", "(二)", "(三)", "(四)"]
    assert children(doc, ch2) == []
    # 第四章 begins with (一)…(四) before its 二、
    assert _numbers(children(doc, ch4)) == ["(一)", "(二)", "(三)", "(四)", "二、", "三、", "四、", "五、", "六、"]
    assert _numbers(children(doc, ch5)) == ["二、", "三、", "四、", "五、"]
    market = next(s for s in children(doc, ch4) if s.number == "二、")
    assert market.path == "第四章 主要任务 > 二、维护市场秩序"
    assert children(doc, market)[1].path == "第四章 主要任务 > 二、维护市场秩序 > (二)严格行政执法,打击质量违法行为"


# --- statute.txt: 第X章 / 第X条, cross-references are not headings -------------------------------

STATUTE_CHAPTERS = {
    "第一章": ("总则", range(1, 7)),
    "第二章": ("产品质量监督管理", range(7, 14)),
    "第三章": ("生产者、销售者的产品质量责任和义务", range(14, 20)),
    "第四章": ("法律责任", range(20, 25)),
    "第五章": ("附则", range(25, 26)),
}


def test_statute_chapters_and_articles(docs):
    doc = docs.fixture("statute.txt")
    chapters = top_level(doc)
    assert [(c.kind, c.number, c.title) for c in chapters] == [
        ("chapter", number, title) for number, (title, _) in STATUTE_CHAPTERS.items()
    ]
    articles = [s for s in doc.sections if s.kind == "article"]
    assert _numbers(articles) == [f"第{cn_numeral(n)}条" for n in range(1, 26)]
    for chapter in chapters:
        expected = STATUTE_CHAPTERS[chapter.number][1]
        in_chapter = [a for a in children(doc, chapter) if a.kind == "article"]
        assert _numbers(in_chapter) == [f"第{cn_numeral(n)}条" for n in expected]
    assert articles[3].path == "第一章\u3000总则 > 第四条"


@pytest.mark.parametrize(
    ("cross_reference", "in_article"),
    [
        ("依照本条例第十二条的规定", "第十三条"),
        ("违反本条例第八条规定的", "第二十条"),
        ("违反本条例第十五条规定", "第二十一条"),
        ("违反本条例第十六条规定", "第二十二条"),
    ],
)
def test_statute_cross_references_are_not_headings(docs, cross_reference, in_article):
    doc = docs.fixture("statute.txt")
    at = doc.text.index(cross_reference)
    assert all(not (at <= s.start < at + len(cross_reference)) for s in doc.sections)
    section = doc.section_at(at)
    assert section.kind == "article" and section.number == in_article


@pytest.mark.parametrize(
    ("sentence", "article"),
    [
        ("县级以上人民政府质量技术监督部门主管本行政区域内的产品质量监督工作。", "第四条"),
        ("本省地方标准的制定、修订和复审工作，由省人民政府标准化行政主管部门负责。", "第七条"),
        ("自收到检验结果之日起十五日内", "第十条"),
        ("届满前一个月", "第十一条"),
        ("销售者应当建立并执行进货检查验收制度，验明产品合格证明和其他标识。", "第十七条"),
        ("本条例自2019年1月1日起施行。", "第二十五条"),
    ],
)
def test_statute_sentence_belongs_to_its_article(docs, sentence, article):
    doc = docs.fixture("statute.txt")
    section = doc.section_at(doc.text.index(sentence))
    while section.kind != "article":
        section = doc.sections[section.parent]
    assert section.number == article


def test_statute_items_sit_under_their_article(docs):
    doc = docs.fixture("statute.txt")
    by_number = {s.number: s for s in doc.sections if s.kind == "article"}
    assert _numbers(children(doc, by_number["第九条"])) == ["（一）", "（二）", "（三）", "（四）"]
    assert _numbers(children(doc, by_number["第十二条"])) == ["（一）", "（二）", "（三）"]
    assert _numbers(children(doc, by_number["第十四条"])) == ["（一）", "（二）", "（三）"]
    assert all(children(doc, a) == [] for n, a in by_number.items() if n not in {"第九条", "第十二条", "第十四条"})


# --- markdown fixture -----------------------------------------------------------------------------


def test_markdown_headings(docs):
    doc = docs.fixture("utf8-bom.md")
    by_title = {s.title: s for s in doc.sections}
    assert set(by_title) == {
        "四川省人民政府办公厅关于加强计量工作的通知",
        "充分认识计量工作的重要意义",
        "重点任务",
        "完善计量基础设施",
        "加强计量监督管理",
        "保障措施",
    }
    assert all(not s.path.startswith("#") and "#" not in s.path for s in doc.sections)
    assert by_title["完善计量基础设施"].path == "二、重点任务 > （一）完善计量基础设施"
    assert by_title["加强计量监督管理"].parent == by_title["重点任务"].index
    # the list under （二） stays inside it
    assert doc.section_at(doc.text.index("严厉打击计量作弊等违法行为")) == by_title["加强计量监督管理"]
    assert doc.section_at(doc.text.index("所需经费列入本级财政预算")) == by_title["保障措施"]
