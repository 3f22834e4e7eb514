"""A claim giving an act to one party where the provision gives it to another (物业公司 or 用户
for 建设单位 or 供应方) is corrected with the party the provision names; a claim naming the
provision's party, in its words or in short, is not. Development documents of
eval/corpora/laws; questions written for this test."""
from __future__ import annotations

import pytest

from assistant.compose.agents import _claimed


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("山东省计量条例(2020-07-24).docx", "河南省计量监督管理条例(2016-03-29).txt")


@pytest.mark.parametrize("question, said", [
    # the sentence opens with its party; the claim writes another after 由
    ("按山东省计量条例，住宅的燃气表安装前要由物业公司去申请首次强制检定，对吧？", "建设单位…应当向法定计量检定机构申请首次强制检定"),
    # the sentence's party stands after 由; the claim's before its modal, after the asker's pronoun
    ("河南的计量条例里，用于贸易结算的电表要强制检定，得我们用电的用户自己提出申请，是不是？", "由水、电、燃气、热力、燃油等供应方提出申请"),
])
def test_an_act_given_to_another_party_is_corrected_with_the_provisions_party(laws, question, said):
    answer = laws.ask(question)
    assert answer.answer.startswith(f"不对:文件规定的是“{said}”"), answer.answer


@pytest.mark.parametrize("question", [
    "山东省计量条例规定，建设单位安装住宅用燃气表的，应当申请首次强制检定，对吗？",
    "河南省计量监督管理条例规定，强制检定由供应方提出申请，对吗？",  # 供应方 for 水、电…等供应方
])
def test_a_claim_naming_the_provisions_party_is_not_corrected(laws, question):
    answer = laws.ask(question)
    assert not answer.answer.startswith("不对"), answer.answer


def test_the_claimed_party_is_read_after_by_or_before_a_modal_without_the_askers_pronoun():
    assert _claimed("强制检定由各区计量行政部门统一组织，对吗").party == "各区计量行政部门"
    assert _claimed("是不是得我们用户自己提出申请").party == "用户"
    assert _claimed("市场监管局把投诉委托给消协，对吗") is None  # no modal or adverb: not read as who acts
