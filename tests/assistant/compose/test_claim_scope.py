"""Claims about what a rule covers: a claim that it holds in every case (所有网购商品都适用…) is
corrected with the provision's exception; a claim that a defined thing leaves something out (不包括
装修工程) or takes something in (包括包装容器在内) is corrected with the definition; a claim the
definition bears out is not; a wrong date of entry into force is corrected from the law's own
article, though no document has the year; and a thing named only in the title of a document a
sentence cites (《…实施质量强省提升产品质量的意见》) is not what the sentence takes in. Development
documents of eval/corpora/laws and the policy pages."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("山东省消费者权益保护条例(2017-03-29).md", "广东省建设工程质量管理条例(2021-09-29).md",
                    "上海市计量监督管理条例(2018-11-22).md", "浙江省检验机构管理条例(2021-07-30).md", "广告法(2021-04-29).md",
                    "药品管理法(2019-08-26).md")


@pytest.mark.parametrize("question, said", [
    ("山东省消费者权益保护条例规定，所有网购商品都适用七日无理由退货，对吗？", "除法律、行政法规规定情形外"),
    ("广东省建设工程质量管理条例所称建设工程不包括装修工程，对吗？", "是指土木工程、建筑工程、线路管道和设备安装工程及装修工程"),
    ("上海市计量监督管理条例规定，净含量是指包括包装容器在内的商品总质量，对吗？", "去除包装容器和其他包装材料后内装物的实际质量"),
])
def test_a_claim_on_what_a_rule_covers_is_corrected_with_the_provision(laws, question, said):
    answer = laws.ask(question)
    assert answer.answer.startswith(f"不对:文件规定的是“{said}"), answer.answer
    assert said in answer.citations[0].quote


@pytest.mark.parametrize("question", ["按药品管理法，血液制品不得委托生产，这条没有例外吧？",
                                      "药品管理法里，精神药品一律不能委托别人生产吧？"])
def test_an_exception_after_the_rules_semicolon_corrects_a_claim_of_no_exception(laws, question):
    """…不得委托生产；但是，国务院药品监督管理部门另有规定的除外。: the exception is the sentence after
    the rule's semicolon, quoted with the rule."""
    answer = laws.ask(question)
    assert answer.answer.startswith("不对") and "另有规定的除外" in answer.answer, answer.answer
    assert "不得委托生产" in answer.citations[0].quote and "另有规定的除外" in answer.citations[0].quote


@pytest.mark.parametrize("question, quoted", [
    ("广东省建设工程质量管理条例所称建设工程包括装修工程，对吗？", "是指土木工程、建筑工程、线路管道和设备安装工程及装修工程"),
    ("浙江省检验机构管理条例所称检验机构，包括检验机构的分支机构，对吗？", "是指向社會提供檢驗服務的技術服務組織及其分支機構"),
])
def test_a_claim_the_definition_bears_out_is_answered_with_it(laws, question, quoted):
    answer = laws.ask(question)
    assert not answer.abstained and not answer.answer.startswith("不对"), answer.answer
    assert any(quoted in c.quote for c in answer.citations)


def test_a_wrong_date_of_entry_into_force_is_corrected(laws):
    answer = laws.ask("广告法自2016年1月1日起施行，对吗？")
    assert answer.answer.startswith("不对:问题中的“2016年1月1日”与文件不符"), answer.answer
    assert "本法自2015年9月1日起施行" in answer.citations[0].quote
    assert laws.ask("广告法自2015年9月1日起施行，对吗？").answer.startswith("是。")


def test_a_thing_named_only_in_a_cited_title_is_not_taken_in(policy_pages):
    pages = policy_pages("福建-2014-质量工作考核办法", "国务院办公厅-2013-质量工作考核办法")
    answer = pages.ask("福建的质量工作考核办法里，考核办法包括提升产品质量，对吗？")
    assert answer.abstained, answer.answer
