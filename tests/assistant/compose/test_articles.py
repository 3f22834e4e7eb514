"""《X》第N条: the article itself, whole and exact, cited where it stands; never another law's
第N条 or an article that only cites it; a number the law lacks is declined."""
from __future__ import annotations

from assistant import Turn

UNFAIR = "反不正当竞争法-2019-04-23"
PRICE = "价格法-1997-12-29"


def _article(answer, doc_id, number_written):
    assert not answer.abstained, answer.reason
    (c,) = answer.citations
    assert c.doc_id == doc_id and c.quote.startswith(number_written)
    return c


def test_the_whole_article_by_full_short_or_prefixed_name(laws_assistant):
    snap = laws_assistant.index.snapshot()
    for question in ("《中华人民共和国反不正当竞争法》第五条规定了什么？", "反不正当竞争法第5条的内容是什么",
                     "反法第五条是怎么规定的", "经济法反不正当竞争法第五条"):
        c = _article(laws_assistant.ask(question), UNFAIR, "第五条")
        text = snap.text(UNFAIR)
        assert text[c.start : c.end] == c.quote
        assert c.quote.endswith("维护市场竞争秩序。")  # its third paragraph: the article whole
        assert "第六条" not in c.quote


def test_a_paragraph_or_an_item_is_quoted_alone(laws_assistant):
    para = laws_assistant.ask("反不正当竞争法第五条第二款的内容是什么")
    assert para.citations[0].quote == "国家机关及其工作人员不得支持、包庇不正当竞争行为。"
    item = laws_assistant.ask("价格法第十四条第四项规定了什么")
    assert item.citations[0].doc_id == PRICE and item.citations[0].quote.startswith("（四）利用虚假的")
    follow = laws_assistant.ask("第二款呢？", history=[Turn("反不正当竞争法第五条规定了什么", laws_assistant.ask("反不正当竞争法第五条规定了什么"))])
    assert follow.citations[0].quote == "国家机关及其工作人员不得支持、包庇不正当竞争行为。"


def test_another_laws_article_is_never_the_answer(laws_assistant):
    # every law here has a 第五条; and 工业产品质量责任条例 cites 第二条 in its 第九条
    price = laws_assistant.ask("价格法第五条规定了什么")
    assert price.citations[0].doc_id == PRICE and "价格主管部门" in price.citations[0].quote
    second = laws_assistant.ask("工业产品质量责任条例第二条的内容是什么")
    c = second.citations[0]
    assert c.quote.startswith("第二条") and "产品质量是指" in c.quote


def test_a_number_alone_on_its_line_joins_its_text(laws_assistant):
    # the PDF prints 第九条 on a line of its own, then the text and its items
    c = laws_assistant.ask("工业产品质量责任条例第九条").citations[0]
    assert c.quote.startswith("第九条\n产品出厂，必须符合下列要求：") and "(四)" in c.quote


def test_a_number_the_law_lacks_and_a_law_the_corpus_lacks_are_declined(laws_assistant):
    missing = laws_assistant.ask("药品管理法第二百条规定了什么")
    assert missing.abstained and "共155条" in missing.reason and not missing.citations
    absent = laws_assistant.ask("《产品质量法》第二十六条规定了什么？")
    assert absent.abstained and "产品质量法" in absent.reason
    vague = laws_assistant.ask("第十条规定了什么？")
    assert vague.abstained and "哪部" in vague.reason


def test_a_law_the_documents_only_cite_is_declined_naming_the_documents_that_cite_it(laws_assistant):
    for question in ("《计量法》第二十二条规定了什么？", "《计量法》对使用不合格计量器具怎么处罚？"):
        cited = laws_assistant.ask(question)
        assert cited.abstained and not cited.citations, cited.answer
        assert "没有《计量法》的条文" in cited.reason and "《上海市计量监督管理条例》" in cited.reason
        assert cited.suggestions[0].startswith(("上海市计量监督管理条例", "山东省计量条例"))
    unknown = laws_assistant.ask("《行政许可法》第十二条规定了什么？")  # no document mentions it
    assert unknown.abstained and unknown.reason == "语料中没有《行政许可法》"


def test_a_question_asked_of_an_article_is_answered_from_it(laws_assistant):
    ans = laws_assistant.ask("商标法第十条禁止哪些标志作为商标使用？")
    assert not ans.abstained
    assert {c.doc_id for c in ans.citations} == {"商标法-2019-04-23"}
    snap = laws_assistant.index.snapshot()
    article = next(a for a in snap.articles("商标法-2019-04-23") if a.number == 10)
    assert all(article.start <= c.start and c.end <= article.end for c in ans.citations)
