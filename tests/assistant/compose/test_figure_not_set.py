"""A question asking for a figure the documents do not set is told so, with the nearest provision,
whatever numbers stand near it: an article's own number (第三十八条) counts nothing, a fine
(五万元以下的罚款) is no count of things, and 定期 (regularly) says no frequency. A figure
asked of what is paid (续展费, 注册资本) is an amount. Development documents of eval/corpora/laws."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("广告法(2021-04-29).md", "商标法(2019-04-23).md", "食品安全法实施条例(2019-10-11).md")


@pytest.mark.parametrize("question, label", [
    # 第三十八条 and the fines of 第六十条 stand near the 代言人 provisions; none counts brands
    ("广告法规定，广告代言人每年最多能代言几个品牌？", "数量"),
    # 第七十二条: 应当缴纳费用，具体收费标准另定
    ("商标法规定，注册商标续展一次要交多少续展费？", "金额"),
    # (in a small index 注册资本 is no word of the documents at all: declined for that)
    ("商标法规定，商标代理机构的注册资本最低要多少？", "金额|资本"),
    # 第二十八条: 食堂…定期开展食堂食品安全自查
    ("食品安全法实施条例规定，学校食堂的从业人员多长时间体检一次？", "频次"),
])
def test_a_figure_the_law_does_not_set_is_declined(laws, question, label):
    answer = laws.ask(question)
    assert answer.abstained, answer.answer
    told = label.split("|")
    assert f"没有规定具体的{told[0]}" in answer.reason or any(f"没有提到“{w}" in answer.reason for w in told[1:])
    assert answer.citations or len(told) > 1, "the nearest provision is quoted"


@pytest.mark.parametrize("question, figure", [
    ("商标法规定，注册商标的有效期是多少年？", "十年"),
    ("商标法规定，商标代理机构收取不正当利益的，罚款多少？", "一万元以上十万元以下"),
    ("广告法规定，不得利用不满多少周岁的未成年人作为广告代言人？", "十周岁"),
])
def test_a_figure_the_law_sets_is_still_given(laws, question, figure):
    answer = laws.ask(question)
    assert not answer.abstained, answer.reason
    assert figure in " ".join(c.quote for c in answer.citations)
