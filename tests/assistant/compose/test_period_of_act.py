"""A question for the period of an act (几天内完成检验) is answered by a period the text sets
for that act, not by one it sets for another act of the same article (…十个工作日内颁发证书);
with none, the answer says the document sets no figure and quotes what it does say.
Development documents of eval/corpora/laws."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("市场监督管理投诉举报处理暂行办法(2022-03-24).md", "浙江省检验机构管理条例(2021-07-30).md")


def test_the_period_set_for_the_act_asked_answers(laws):
    answer = laws.ask("投诉举报处理暂行办法规定,市场监管部门要在几个工作日内作出是否受理的决定?")
    assert not answer.abstained, answer.reason
    assert "七个工作日内作出受理或者不予受理的决定" in answer.citations[0].quote


def test_a_period_set_for_another_act_does_not(laws):
    """第十条 gives 二十个工作日内组织评审 and 十个工作日内颁发证书; neither is the time to finish a
    test, which 第二十四条 leaves to the agreement with the client."""
    answer = laws.ask("浙江检验机构管理条例规定,检验机构得在多少天内完成检验?")
    assert answer.abstained and "没有规定具体的期限" in answer.reason, answer.answer
    assert "約定的期限內完成檢驗" in answer.citations[0].quote


@pytest.mark.parametrize("question", [
    "在浙江把产品送到检测公司去检，最晚什么时候得出报告？条例里有规定具体天数吗？",
    "浙江检验机构管理条例是否规定了完成检验的具体期限？",
    "浙江检验机构管理条例有没有规定检验机构完成检验的天数？",
])
def test_asked_whether_a_period_is_set_the_answer_is_that_none_is_with_what_is(laws, question):
    """A question asking whether the document sets a number of days is answered, not declined:
    it sets none, and says the test is finished within the period agreed with the client."""
    answer = laws.ask(question)
    assert not answer.abstained, answer.reason
    assert answer.answer.startswith("文件没有规定具体的期限")
    assert "約定的期限內完成檢驗" in answer.citations[0].quote


def test_asked_whether_a_period_is_set_where_one_is_the_period_answers(laws):
    answer = laws.ask("投诉举报处理暂行办法对作出受理决定有具体期限吗？")
    assert not answer.abstained and "七个工作日内作出受理或者不予受理的决定" in answer.citations[0].quote
