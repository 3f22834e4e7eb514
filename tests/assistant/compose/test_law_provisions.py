"""Answers from statutes, as a user reading them needs them: a short paragraph quoted whole,
the other paragraphs of a short article that speak to the question, the article that defines
the term asked, a traditional-script statute read article by article, and a comparison of two
named laws answered from each law's own text."""
from __future__ import annotations

import re

ZHEJIANG = "浙江省检验机构管理条例-2021-07-30"
HENAN = "河南省计量监督管理条例-2016-03-29"
SHANGHAI = "上海市计量监督管理条例-2018-11-22"
PRICE = "价格法-1997-12-29"
ADS = "广告法-2021-04-29"


def _quoted(answer) -> str:
    assert not answer.abstained, answer.reason
    return " ".join(c.quote for c in answer.citations)


def test_a_short_paragraph_is_quoted_whole(laws_assistant):
    # 现场计量交易时，经营者应当明示…。如有异议的，经营者应当重新操作…: one rule, two sentences
    answer = laws_assistant.ask("上海计量条例里，当场称重交易的时候经营者要做什么？")
    quoted = _quoted(answer)
    assert "明示计量过程" in quoted and "重新操作计量过程" in quoted


def test_the_other_paragraphs_of_a_short_article_that_answer_too(laws_assistant):
    # 第十条: 销售计量器具的…应当书面告知 (paragraph 1); 销售者应当执行进货检验制度 (paragraph 2)
    answer = laws_assistant.ask("在河南经销计量器具的商户，计量监督管理条例对他们有什么要求？")
    quoted = _quoted(answer)
    assert "书面告知" in quoted and "进货检验制度" in quoted
    snap = laws_assistant.index.snapshot()
    for c in answer.citations:
        assert snap.text(c.doc_id)[c.start : c.end] == c.quote


def test_the_article_that_defines_the_term_comes_first(laws_assistant):
    for question, doc_id, words in (
        ("广告法所称的广告主是指什么？", ADS, "广告主，是指"),
        ("《浙江省检验机构管理条例》里说的“检验机构”是什么意思", ZHEJIANG, "檢驗機構，是指"),
        ("什么是集体商标", "商标法-2019-04-23", "集体商标，是指"),
    ):
        answer = laws_assistant.ask(question)
        assert not answer.abstained, (question, answer.reason)
        assert answer.citations[0].doc_id == doc_id and words in answer.citations[0].quote, question


def test_a_traditional_statute_is_read_article_by_article(laws_assistant):
    answer = laws_assistant.ask("浙江省检验机构管理条例第二十四条规定了什么？")
    (c,) = answer.citations
    assert c.doc_id == ZHEJIANG and c.quote.startswith("第二十四條") and "禁止偽造、變造檢驗報告" in c.quote
    assert "第二十五條" not in c.quote


def test_a_penalty_in_a_traditional_statute_is_found_from_its_duty(laws_assistant):
    # 第二十四條 禁止…變造檢驗報告 is punished by 第四十九條 (違反本條例第二十四條規定…三萬元以上十萬元以下)
    answer = laws_assistant.ask("浙江检验机构管理条例规定，检验机构变造检验报告会被罚多少钱？")
    assert "三萬元以上十萬元以下" in answer.answer
    assert any(c.quote.startswith("第四十九條") or "三萬元以上十萬元以下" in c.quote for c in answer.citations)


def test_a_comparison_of_two_named_laws_fills_each_row_from_its_own_law(laws_assistant):
    answer = laws_assistant.ask("价格法和广告法分别规定由哪个部门主管全国的工作？")
    assert not answer.abstained, answer.reason
    rows = [r for r in answer.answer.splitlines() if r.startswith("| ") and "文件" not in r]
    assert len(rows) == 2 and "价格法" in rows[0] and "广告法" in rows[1]
    for row, doc_id in zip(rows, (PRICE, ADS)):
        numbers = [int(n) for n in re.findall(r"\[(\d+)\]", row)]
        assert numbers and all(answer.citations[n - 1].doc_id == doc_id for n in numbers), row
    assert "价格主管部门" in rows[0] and "市场监督管理部门" in rows[1]


def test_each_law_is_asked_its_own_part_of_the_question(laws_assistant):
    # one clause per law: the Henan row must not be searched for the Shanghai clause's words
    answer = laws_assistant.ask(
        "上海市计量监督管理条例对计量检测机构未经认证出具数据的罚款，和河南省计量监督管理条例对使用不合格计量器具的罚款，分别是多少？")
    assert not answer.abstained, answer.reason
    docs = {c.doc_id for c in answer.citations}
    assert {SHANGHAI, HENAN} <= docs


def test_a_paragraph_that_speaks_of_the_one_before_is_quoted_with_it(laws_assistant):
    # 商标法第十六条: …不予注册并禁止使用 / 前款所称地理标志，是指… (one rule with its definition)
    from assistant.compose.provisions import qualifying_paragraphs

    snap = laws_assistant.index.snapshot()
    doc_id = "商标法-2019-04-23"
    text, articles = snap.text(doc_id), snap.articles(doc_id)
    sixteen = next(a for a in articles if a.number == 16)
    first, second = sixteen.paragraphs[:2]
    assert qualifying_paragraphs(articles, text, first.start) == [(second.start, second.end)]
    one = next(a for a in articles if a.number == 1)  # nothing after it speaks of it
    assert qualifying_paragraphs(articles, text, one.start) == []
    answer = laws_assistant.ask("商标法规定，商标中有商品的地理标志但商品并非来源于该地区的，能不能注册？")
    quoted = _quoted(answer)
    assert "不予注册并禁止使用" in quoted and "前款所称地理标志" in quoted


def test_the_opening_articles_do_not_stand_in_for_an_answer(laws_assistant):
    # 第一条 为…制定本条例 shares the question's words; the duty is in 第二十条
    answer = laws_assistant.ask("上海市计量监督管理条例对经营者保证商品量准确有什么要求？")
    assert not answer.abstained, answer.reason
    assert not any("制定本条例" in c.quote for c in answer.citations)
    assert any("商品量" in c.quote for c in answer.citations)


def test_a_laws_history_answers_which_session_adopted_or_revised_it(laws_assistant):
    adopted = laws_assistant.ask("商标法是由哪次会议通过的？")
    assert not adopted.abstained, adopted.reason
    assert "1982年8月23日" in adopted.answer and "会议通过" in adopted.answer
    revised = laws_assistant.ask("《中华人民共和国药品管理法》是在哪一天修订的？")
    assert "2019年8月26日" in revised.answer
    # a local regulation's text states no 令号: declined, saying so, not answered with a date
    order = laws_assistant.ask("上海市标准化条例是以哪个令号公布的？")
    assert order.abstained and "文号" in order.reason


def test_asked_how_an_article_is_punished_the_article_comes_with_its_penalty(laws_assistant):
    # 上海市计量监督管理条例第十九条 (计量器具的配备和使用) is punished by 第三十四条
    answer = laws_assistant.ask("上海市计量监督管理条例第十九条，违反了会怎么罚？")
    assert not answer.abstained, answer.reason
    quotes = [c.quote for c in answer.citations]
    assert quotes[0].startswith("第十九条") and any(q.startswith("第三十四条") and "五千元以下" in q for q in quotes)


def test_a_comparison_names_an_article_of_one_of_its_laws(laws_assistant):
    answer = laws_assistant.ask("价格法对经营者违反明码标价规定的罚款，和上海市计量监督管理条例第十九条的罚款，上限分别是多少？")
    assert not answer.abstained, answer.reason
    assert "五千元以下" in answer.answer and any(c.quote.startswith("第十九条") for c in answer.citations)


def test_a_penalty_that_cites_a_list_of_articles_punishes_each(laws_assistant):
    from assistant.compose.penalties import punishing_spans

    snap = laws_assistant.index.snapshot()
    # 反不正当竞争法第十七条: 经营者违反本法第六条、第九条规定，…赔偿数额… (the second of the list too)
    doc_id = "反不正当竞争法-2019-04-23"
    text, articles = snap.parallel(doc_id), snap.articles(doc_id)
    for number in (6, 9):
        own = next(a for a in articles if a.number == number)
        quoted = [snap.text(doc_id)[a:b] for a, b in punishing_spans(text, articles, own)]
        assert any("违反本法第六条、第九条规定" in q for q in quoted), number


def test_a_period_counted_from_an_event_comes_without_the_documents_date(laws_assistant):
    # 自收到通知之日起十五日内: how long does not depend on when the law was written
    answer = laws_assistant.ask("商标法规定，申请人对驳回申请不服的，可以在收到通知之日起多少天内申请复审？")
    assert "十五日内" in _quoted(answer)
    assert "文件日期" not in answer.answer and len({c.doc_id for c in answer.citations}) == 1


def test_the_generic_word_for_an_act_does_not_pull_the_answer_to_another_article(laws_assistant):
    # …的行为 names no thing: 第一百一十七条 (生产、销售劣药的，…) answers, not an article that
    # happens to say 违法行为
    answer = laws_assistant.ask("药品管理法对生产、销售劣药的行为规定了哪些处罚？")
    first = answer.citations[0].quote
    assert first.startswith("第一百一十七条") and "十倍以上二十倍以下" in first


def test_how_is_it_punished_asks_for_the_measure_not_a_procedure(laws_assistant):
    # 怎么罚 has 怎么 in it but asks what befalls a violation: the article setting the measure
    # (药品管理法 第一百一十七条 生产、销售劣药的，没收…罚款) answers, not the law's heading lines
    answer = laws_assistant.ask("药品管理法里，卖劣药怎么罚？")
    assert not answer.abstained, answer.reason
    assert answer.citations[0].quote.startswith("第一百一十七条")
    assert "十倍以上二十倍以下的罚款" in answer.answer


def test_a_duty_is_answered_from_the_duty_not_from_the_article_punishing_it(laws_assistant):
    # 商标法 第十九条 sets what a 商标代理机构 must do; 第六十八条 punishes it (…记入信用档案) and
    # repeats its words: a question that asks for no penalty is answered from the duty
    answer = laws_assistant.ask("商标法对商标代理机构有什么要求？")
    assert not answer.abstained, answer.reason
    assert any(c.quote.startswith("第十九条") or "负有保密义务" in c.quote for c in answer.citations[:3])
    assert not answer.citations[0].quote.startswith("商标代理机构有前款规定行为的")


def test_a_period_another_sets_answers_how_long_but_not_how_many_days(laws_assistant):
    # 浙江省检验机构管理条例 第二十四條: 檢驗機構應當在與委託人約定的期限內完成檢驗
    how_long = laws_assistant.ask("浙江省检验机构管理条例规定，检验机构多长时间内要完成检验？")
    assert not how_long.abstained, how_long.reason
    assert how_long.citations[0].quote.startswith("第二十四條") and "約定的期限內" in how_long.citations[0].quote
    days = laws_assistant.ask("浙江省检验机构管理条例规定检验机构要在几天内完成检验？")
    assert days.abstained and "没有规定具体的期限" in days.reason
    assert "約定的期限內" in days.citations[0].quote  # what the law does say of it, not another figure


def test_a_rule_spelled_out_by_items_is_quoted_with_them(dev_laws):
    # 第九条: 经营者…不得故意拖延或者无理拒绝。经营者有下列情形之一的，视为故意拖延…：（一）…超过十五日…
    # the rule's first sentence best matches the question; the items say how long
    laws = dev_laws("侵害消费者权益行为处罚办法(2015-01-05).md", "商标法(2019-04-23).md")
    answer = laws.ask("网店卖东西，消费者要无理由退货，按侵害消费者权益行为处罚办法，商家收到退货要求后多久不办退货手续就算故意拖延？")
    quoted = _quoted(answer)
    assert "超过十五日未办理退货手续" in quoted and "不得故意拖延" in quoted
